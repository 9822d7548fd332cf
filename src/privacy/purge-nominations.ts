import type { AppContext } from "../app-context";

/**
 * Deletes declined and withdrawn nominations older than NOMINATION_RETENTION_DAYS (counted from the
 * decision), so names are not kept longer than needed (UK GDPR Art 5(1)(e)). Returns how many.
 */
export async function purgeNominations(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ctx.config.nominationRetentionDays * 86_400_000).toISOString();
  const closed = await ctx.nominations.everywhere(["declined", "withdrawn"]);
  let purged = 0;
  for (const n of closed) {
    const decided = n.decidedAt || n.updatedAt;
    if (decided && decided < cutoff) {
      await ctx.nominations.remove(n.borough, n.id);
      purged++;
    }
  }
  if (purged) ctx.logger.info({ event: "nominations.purged", count: purged }, "closed nominations purged");
  return purged;
}
