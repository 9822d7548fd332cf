import type { AuditDeps } from "./audit-deps";
import { countRefusal, hourOf, summaryDetail } from "./refusal-limit";

/** A refused command or button, as the edge saw it. */
export interface Refusal {
  /** Stable for a redelivery of the same activity, so it leaves one line. */
  key: string;
  personId: string;
  personName: string;
  /** What was refused: a command's words or a button's verb (from the bot's own lists), or "other". */
  what: string;
  recordId: string;
  borough: string;
  /** The refusal's message, as the person read it. */
  detail: string;
}

/**
 * Audits a refusal: the person's first few in a clock hour get a line each; after that the hour's
 * summary line counts them ("12 more refusals of audit (12) by ..."), so spamming refusals cannot push
 * real lines out of view. Answers whether it got a line of its own.
 */
export async function recordRefusal(ctx: AuditDeps, refusal: Refusal): Promise<boolean> {
  const now = ctx.now();
  const hour = hourOf(now);
  let listed = false;
  await ctx.audit.countRefusal({ personId: refusal.personId, personName: refusal.personName, hour, at: now.toISOString() }, (current) => {
    const decided = countRefusal(current, refusal.what);
    listed = decided.listed;
    return { next: decided.next, detail: summaryDetail(decided.next, refusal.personName, hour) };
  });
  if (!listed) return false;
  await ctx.audit.record({
    key: refusal.key,
    at: now.toISOString(),
    actorId: refusal.personId,
    actorName: refusal.personName,
    action: "refused",
    recordId: refusal.recordId,
    borough: refusal.borough,
    outcome: "refused",
    detail: refusal.detail,
  });
  return true;
}
