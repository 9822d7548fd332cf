import type { CirculationDeps } from "./circulation-deps";
import type { CommandHandler } from "../domain/handlers";
import { bindVerbs } from "../domain/verbs";
import { CIRCULATION_VERB_DATA } from "./circulation-verbs";
import { noticeCard } from "../cards/notice-card";
import type { Turn } from "../domain/conversation";
import { boroughResponses } from "./borough-responses";
import { statusCard } from "./circulation-cards";

/** `proforma status`: the eight boroughs for the latest round: submitted, draft only or nothing, and who is overdue. */
export const proformaStatus: CommandHandler<CirculationDeps> = async (ctx: CirculationDeps, _turn: Turn) => {
  const round = await ctx.circulations.latest();
  if (!round) return noticeCard("No circulation yet", "A coordinator starts one with: circulate proforma by <date>.");
  const [responses, invites] = await Promise.all([boroughResponses(ctx, round), ctx.circulations.invites(round.id)]);
  return statusCard(round, responses, new Set(invites.filter((i) => i.outcome === "posted").map((i) => i.borough)));
};

export const CIRCULATION_VERBS = bindVerbs<CirculationDeps, typeof CIRCULATION_VERB_DATA>(CIRCULATION_VERB_DATA, {
  "proforma.status": (ctx, turn) => proformaStatus(ctx, turn, ""),
});
