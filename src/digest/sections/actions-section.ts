import { overdueActions } from "../../meetings/meeting-queries";
import type { DigestSectionSource } from "../digest-section-source";
import { clip, eventLines, plural } from "./feed-lines";
import { stateAt } from "./week-bounds";

/**
 * Actions from conversations that are overdue (open, due date passed in London) as the week ends or
 * now, from the convening feature's own state (one partition of open actions), and the actions marked
 * done this week (feed rows "action.done", written when the owner presses the button).
 */
export const actionsSection: DigestSectionSource = {
  id: "actions",
  title: "Actions overdue",
  order: 50,
  async build({ ctx, week, events }) {
    const overdue = (await overdueActions(ctx, stateAt(week, ctx.now()))).sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
    const done = events.filter((e) => e.kind === "action.done");
    if (overdue.length === 0 && done.length === 0) return { summary: "", lines: [] };
    return {
      summary: `${plural(overdue.length, "action")} overdue; ${done.length} done this week.`,
      lines: [
        ...overdue.map((a) => ({ borough: a.ownerBorough, text: `overdue · due ${a.due}`, subject: clip(a.text) })),
        ...eventLines(done, () => "done this week"),
      ],
    };
  },
};
