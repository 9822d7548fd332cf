import type { MeetingsDeps } from "./meetings-deps";
import { BOROUGHS } from "../domain/boroughs";
import { londonDay } from "../domain/london-time";
import type { FollowUpAction } from "./meeting";
import { reminderCard } from "./meeting-cards";

/** Owners are reminded this many days before an action falls due. */
export const REMIND_DAYS_BEFORE = 3;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Open actions whose due date (London) has passed. */
export async function overdueActions(ctx: Pick<MeetingsDeps, "meetings">, now: Date): Promise<FollowUpAction[]> {
  const today = londonDay(now);
  return (await ctx.meetings.openActions()).filter((a) => a.due < today);
}

/** The owner borough's lead and deputies, one-to-one; with none, the leads' channels. */
async function tellOwners(ctx: MeetingsDeps, a: FollowUpAction, overdue: boolean): Promise<number> {
  const card = reminderCard(a, overdue);
  const people = await ctx.leaders.leadersOf(a.ownerBorough);
  let sent = 0;
  for (const p of people) if (await ctx.notifier.sendToPerson(p.tenantId, p.objectId, card)) sent++;
  if (sent === 0) for (const c of await ctx.notifier.channelsWithRole("leads")) if (await ctx.notifier.deliver(c.ref, card)) sent++;
  return sent;
}

/**
 * The timer's check: reminds owners of actions due within REMIND_DAYS_BEFORE days (once), and marks
 * actions past their due date overdue (once), writing "action.overdue" to the activity feed.
 * Each mark is a conditional write, so two instances running the check at once send one reminder.
 */
export async function checkActions(ctx: MeetingsDeps): Promise<{ reminded: number; overdue: number }> {
  const now = ctx.now();
  const today = londonDay(now);
  let reminded = 0;
  let overdue = 0;
  for (const a of await ctx.meetings.openActions()) {
    try {
      if (a.due < today && !a.overdueAt) {
        const marked = await ctx.meetings.updateAction({ ...a, overdueAt: now.toISOString() });
        const borough = BOROUGHS.find((b) => b.code === a.ownerBorough);
        await ctx.feed.record({
          key: `action.overdue:${a.id}`,
          kind: "action.overdue",
          at: now.toISOString(),
          borough: a.ownerBorough,
          subjectId: a.id,
          title: a.text.slice(0, 150),
          data: { due: a.due, meetingId: a.meetingId, owner: borough?.name ?? a.ownerBorough },
        });
        await tellOwners(ctx, marked, true);
        overdue++;
      } else if (a.due >= today && a.due <= addDays(today, REMIND_DAYS_BEFORE) && !a.remindedAt) {
        const marked = await ctx.meetings.updateAction({ ...a, remindedAt: now.toISOString() });
        await tellOwners(ctx, marked, false);
        reminded++;
      }
    } catch (error) {
      ctx.logger.warn({ err: error, action: a.id }, "an action check was skipped");
    }
  }
  return { reminded, overdue };
}
