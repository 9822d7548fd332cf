import type { CirculationDeps } from "./circulation-deps";
import type { CirculationRound, RoundResponse } from "./circulation-store";

/**
 * Where each borough's entries stood at their latest save since a round opened. Every save writes a
 * response row keyed by its time in the same transaction as the record (see proforma-rows.ts), so
 * nothing needs to know the round at save time and the cost of `proforma status`, the reminders and
 * the digest follows the saves since the round opened, not the size of the archive. Rows an older
 * version kept under the round itself are read too, until `npm run migrate` has moved them.
 */
export async function roundResponses(ctx: Pick<CirculationDeps, "proformas" | "circulations">, round: CirculationRound): Promise<RoundResponse[]> {
  const [older, current] = await Promise.all([ctx.circulations.responses(round.id), ctx.proformas.responsesSince(round.openedAt)]);
  const byEntry = new Map<string, RoundResponse>();
  for (const r of [...older, ...current]) {
    const seen = byEntry.get(r.proformaId);
    if (!seen || r.at >= seen.at) byEntry.set(r.proformaId, r);
  }
  return [...byEntry.values()];
}
