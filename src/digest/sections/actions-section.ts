import type { DigestSectionSource } from "../digest-section-source";
import { eventLines, latestPerSubject, plural } from "./feed-lines";

/** Actions from conversations that fell overdue this week and are not yet done. */
export const actionsSection: DigestSectionSource = {
  id: "actions",
  title: "Actions overdue",
  order: 50,
  async build({ events }) {
    const latest = latestPerSubject(events.filter((e) => e.kind === "action.overdue" || e.kind === "action.done"));
    const overdue = latest.filter((e) => e.kind === "action.overdue");
    if (overdue.length === 0) return { summary: "", lines: [] };
    return {
      summary: `${plural(overdue.length, "action")} overdue.`,
      lines: eventLines(overdue, (e) => ["overdue", typeof e.data?.due === "string" ? `due ${e.data.due}` : ""].filter(Boolean).join(" · ")),
    };
  },
};
