import type { DigestSectionSource } from "../digest-section-source";
import { eventLines, plural } from "./feed-lines";

const WORDS: Record<string, string> = {
  "conversation.convened": "conversation convened",
  "conversation.held": "conversation held",
  "conversation.outcome": "outcome recorded",
};

/** Cross-borough conversations convened or held this week. */
export const conversationsSection: DigestSectionSource = {
  id: "conversations",
  title: "Conversations",
  order: 40,
  async build({ events }) {
    const rows = events.filter((e) => e.kind in WORDS);
    if (rows.length === 0) return { summary: "", lines: [] };
    return {
      summary: `${plural(rows.filter((e) => e.kind === "conversation.convened").length, "conversation")} convened this week.`,
      lines: eventLines(rows, (e) => [WORDS[e.kind], typeof e.data?.when === "string" ? e.data.when : ""].filter(Boolean).join(" · ")),
    };
  },
};
