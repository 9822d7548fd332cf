import type { PrivacyDeps } from "./privacy-deps";

/**
 * Deletes declined and withdrawn nominations older than NOMINATION_RETENTION_DAYS (counted from the
 * decision), so names are not kept longer than needed (UK GDPR Art 5(1)(e)). Returns how many.
 */
export async function purgeNominations(ctx: PrivacyDeps): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.config.nominationRetentionDays * 86_400_000).toISOString();
  const closed = await ctx.nominations.everywhere(["declined", "withdrawn"]);
  let purged = 0;
  for (const n of closed) {
    const decided = n.decidedAt || n.updatedAt;
    if (decided && decided < cutoff) {
      // One line per nomination, keyed by it, written before the delete: a run that fails in between
      // is retried and rewrites the same line. The line names the nomination and borough, never people.
      await ctx.audit.record({
        key: `nomination.purged:${n.id}`,
        at: ctx.now().toISOString(),
        actorId: "",
        actorName: "Housekeeping (automatic)",
        action: "nomination.purged",
        recordId: n.id,
        borough: n.borough,
        outcome: "done",
        detail: `A ${n.status} nomination was deleted ${ctx.config.nominationRetentionDays} days after the decision (${decided.slice(0, 10)}).`,
      });
      await ctx.nominations.remove(n.borough, n.id);
      purged++;
    }
  }
  if (purged) ctx.logger.info({ event: "nominations.purged", count: purged }, "closed nominations purged");
  return purged;
}
