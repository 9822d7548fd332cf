import type { DigestSectionSource } from "../digest-section-source";
import { eventLines } from "./feed-lines";

const WORDS: Record<string, string> = {
  "circulation.opened": "proforma circulated",
  "circulation.chased": "reminder sent",
  "circulation.responded": "responded",
  "circulation.closed": "circulation closed",
};

/**
 * Circulation status per borough, from the week's circulation.* rows. The proforma-circulation
 * feature may replace this with a source that reads each borough's current status.
 */
export const circulationSection: DigestSectionSource = {
  id: "circulation",
  title: "Circulation and responses",
  order: 20,
  async build({ events }) {
    const rows = events.filter((e) => e.kind.startsWith("circulation."));
    if (rows.length === 0) return { summary: "", lines: [] };
    const responded = new Set(rows.filter((e) => e.kind === "circulation.responded").map((e) => e.borough));
    return {
      summary: `${responded.size} of 8 boroughs responded this week.`,
      lines: eventLines(rows, (e) => WORDS[e.kind] ?? e.kind.replace(/^circulation\./, "")),
    };
  },
};
