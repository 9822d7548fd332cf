import type { CirculationDeps } from "./circulation-deps";
import { boroughByCode } from "../domain/boroughs";
import { boroughResponses, hasSubmitted } from "./borough-responses";
import { reminderCard } from "./circulation-cards";
import { endOfLondonDay } from "./parse-deadline";

/** Reminders go out this many days before the deadline day ends. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * The reminder check, run by a timer: within the last few days before the deadline, each borough that
 * has not submitted gets one reminder in its borough channel(s). The claim is a conditional create, so
 * several instances (or checks) remind once; a borough whose every post failed is released for the next check.
 */
export async function remindBoroughs(ctx: CirculationDeps): Promise<{ reminded: string[] }> {
  const round = await ctx.circulations.latest();
  if (!round) return { reminded: [] };
  const now = ctx.now();
  const end = endOfLondonDay(round.deadline);
  if (now.getTime() >= end.getTime() || now.getTime() < end.getTime() - REMIND_DAYS_BEFORE * 86400_000) return { reminded: [] };
  const waiting = (await boroughResponses(ctx, round)).filter((r) => !hasSubmitted(r.state));
  if (waiting.length === 0) return { reminded: [] };
  const channels = await ctx.channels.withRole("borough");
  const reminded: string[] = [];
  for (const response of waiting) {
    const targets = channels.filter((c) => c.borough === response.borough);
    if (targets.length === 0 || !(await ctx.circulations.claimReminder(round.id, response.borough, now.toISOString()))) continue;
    let posted = 0;
    for (const channel of targets) {
      try {
        await ctx.messenger.post(channel.ref, reminderCard(boroughByCode(response.borough)!.name, round, response.state === "draft only"));
        posted++;
      } catch (error) {
        ctx.logger.warn({ err: error, event: "circulation.reminder-failed", borough: response.borough }, "reminder not posted");
      }
    }
    if (posted === 0) await ctx.circulations.releaseReminder(round.id, response.borough);
    else reminded.push(response.borough);
  }
  if (reminded.length) ctx.logger.info({ event: "circulation.reminded", round: round.id, boroughs: reminded }, "proforma reminders posted");
  return { reminded };
}
