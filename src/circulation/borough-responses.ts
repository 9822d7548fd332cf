import type { CirculationDeps } from "./circulation-deps";
import { BOROUGHS } from "../domain/boroughs";
import type { CirculationRound } from "./circulation-store";
import { endOfLondonDay } from "./parse-deadline";
import { roundResponses } from "./record-response";

export type ResponseState = "submitted" | "draft only" | "nothing";

export interface BoroughResponse {
  borough: string;
  name: string;
  state: ResponseState;
  overdue: boolean;
}

/**
 * How each of the eight boroughs has answered a round: an entry submitted (or published) since the round
 * opened; only a draft (or a returned entry); or nothing. Read from the round's response rows (one
 * partition range), written as entries change. Overdue once the deadline day has ended in London
 * without a submission.
 */
export async function boroughResponses(ctx: CirculationDeps, round: CirculationRound): Promise<BoroughResponse[]> {
  const overdueNow = ctx.now().getTime() >= endOfLondonDay(round.deadline).getTime();
  const rows = await roundResponses(ctx, round);
  return BOROUGHS.map((b) => {
    const mine = rows.filter((r) => r.borough === b.code);
    const state: ResponseState = mine.some((r) => r.status === "submitted" || r.status === "published")
      ? "submitted"
      : mine.some((r) => r.status === "draft" || r.status === "returned")
        ? "draft only"
        : "nothing";
    return { borough: b.code, name: b.name, state, overdue: overdueNow && state !== "submitted" };
  });
}
