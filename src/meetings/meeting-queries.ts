import type { MeetingsDeps } from "./meetings-deps";
import { weekMonday } from "../domain/iso-week";
import { HubError } from "../domain/errors";
import { londonInstant } from "../domain/london-time";
import type { Meeting } from "./meeting";

/**
 * For the weekly digest: the conversations (not cancelled) starting in an ISO week, Monday 00:00 to
 * the next Monday 00:00, London time.
 */
export async function conversationsInWeek(ctx: Pick<MeetingsDeps, "meetings">, week: string): Promise<Meeting[]> {
  const monday = weekMonday(week);
  if (!monday) throw new HubError("invalid-input", `${week} is not an ISO week such as 2026-W48.`);
  const nextMonday = new Date(monday.getTime() + 7 * 86_400_000);
  const from = londonInstant(monday.toISOString().slice(0, 10), "00:00")!;
  const to = londonInstant(nextMonday.toISOString().slice(0, 10), "00:00")!;
  return (await ctx.meetings.between(from.toISOString(), to.toISOString())).filter((m) => m.status === "scheduled");
}

export { overdueActions } from "./action-checks";
