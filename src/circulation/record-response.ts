import type { CirculationDeps } from "./circulation-deps";
import type { CirculationRound, RoundResponse } from "./circulation-store";
import { endOfLondonDay } from "./parse-deadline";

/** With no round before it, a round counts what was shared in the year before it opened. */
export const FIRST_ROUND_LOOKBACK_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * From when a round counts what boroughs shared: the end of the previous round's deadline day (London),
 * or when this round opened if that came first; for the first round, a year before it opened. So an
 * entry submitted (or still in review) before the invitation went out answers it, and what answered
 * the previous round does not answer this one.
 */
export async function roundCountsFrom(ctx: Pick<CirculationDeps, "circulations">, round: CirculationRound): Promise<string> {
  const previous = await ctx.circulations.previous(round);
  const opened = new Date(round.openedAt).getTime();
  const from = previous ? Math.min(endOfLondonDay(previous.deadline).getTime(), opened) : opened - FIRST_ROUND_LOOKBACK_MS;
  return new Date(from).toISOString();
}

/**
 * Where each borough's entries stood at their latest save since the round counts from. Every save
 * writes a response row keyed by its time in the same transaction as the record (see proforma-rows.ts),
 * so nothing needs to know the round at save time and the cost of `proforma status`, the reminders and
 * the digest follows the saves in that span, not the size of the archive. Rows an older version kept
 * under the round itself are read too, until `npm run migrate` has moved them.
 */
export async function roundResponses(ctx: Pick<CirculationDeps, "proformas" | "circulations">, round: CirculationRound): Promise<RoundResponse[]> {
  const since = await roundCountsFrom(ctx, round);
  const [older, current] = await Promise.all([ctx.circulations.responses(round.id), ctx.proformas.responsesSince(since)]);
  const byEntry = new Map<string, RoundResponse>();
  for (const r of [...older, ...current]) {
    const seen = byEntry.get(r.proformaId);
    if (!seen || r.at >= seen.at) byEntry.set(r.proformaId, r);
  }
  return [...byEntry.values()];
}
