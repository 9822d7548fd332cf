import type { AppContext } from "../app-context";
import { BOROUGHS } from "../domain/boroughs";
import type { CirculationRound } from "./circulation-store";
import { endOfLondonDay } from "./parse-deadline";

export type ResponseState = "submitted" | "draft only" | "nothing";

export interface BoroughResponse {
  borough: string;
  name: string;
  state: ResponseState;
  overdue: boolean;
}

/**
 * How each of the eight boroughs has answered a round: an entry submitted (or published) since the round
 * opened; only a draft (or a returned entry); or nothing. One query per borough partition, for entries
 * changed since the round opened. Overdue once the deadline day has ended in London without a submission.
 */
export async function boroughResponses(ctx: AppContext, round: CirculationRound): Promise<BoroughResponse[]> {
  const overdueNow = ctx.now().getTime() >= endOfLondonDay(round.deadline).getTime();
  return Promise.all(
    BOROUGHS.map(async (b) => {
      const entries = await ctx.proformas.inBorough(b.code, { updatedSince: round.openedAt });
      const state: ResponseState = entries.some((p) => p.status === "submitted" || p.status === "published")
        ? "submitted"
        : entries.some((p) => p.status === "draft" || p.status === "returned")
          ? "draft only"
          : "nothing";
      return { borough: b.code, name: b.name, state, overdue: overdueNow && state !== "submitted" };
    }),
  );
}
