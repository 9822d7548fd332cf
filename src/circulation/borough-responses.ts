import type { CirculationDeps } from "./circulation-deps";
import { BOROUGHS } from "../domain/boroughs";
import type { CirculationRound } from "./circulation-store";
import { endOfLondonDay } from "./parse-deadline";
import { roundResponses } from "./record-response";

/** Published; submitted and waiting for LIIA's review; only a draft (or an entry returned to the borough); nothing. */
export type ResponseState = "published" | "in review" | "draft only" | "nothing";

/** Published or in review: the borough has answered the round. */
export function hasSubmitted(state: ResponseState): boolean {
  return state === "published" || state === "in review";
}

export interface BoroughResponse {
  borough: string;
  name: string;
  state: ResponseState;
  overdue: boolean;
}

/**
 * How each of the eight boroughs has answered a round, from its entries' latest saves since the round
 * counts from (record-response.ts): one published; one submitted and in review; only a draft (or a
 * returned entry); or nothing. Overdue once the deadline day has ended in London without a submission.
 */
export async function boroughResponses(ctx: Pick<CirculationDeps, "proformas" | "circulations" | "now">, round: CirculationRound): Promise<BoroughResponse[]> {
  const overdueNow = ctx.now().getTime() >= endOfLondonDay(round.deadline).getTime();
  const rows = await roundResponses(ctx, round);
  return BOROUGHS.map((b) => {
    const statuses = new Set(rows.filter((r) => r.borough === b.code).map((r) => r.status));
    const state: ResponseState = statuses.has("published")
      ? "published"
      : statuses.has("submitted")
        ? "in review"
        : statuses.has("draft") || statuses.has("returned")
          ? "draft only"
          : "nothing";
    return { borough: b.code, name: b.name, state, overdue: overdueNow && !hasSubmitted(state) };
  });
}
