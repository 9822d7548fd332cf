import type { NominationDeps } from "./nominations-deps";
import type { CommandHandler } from "../domain/handlers";
import { isCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import type { Nomination } from "./nomination";
import { nominationListCard } from "./nomination-cards";
import { buttonsFor } from "./nomination-rights";

/** `nominations`: what is waiting that the asker can act on or follows (coordinators see every borough). */
export const listNominations: CommandHandler<NominationDeps> = async (ctx: NominationDeps, turn: Turn) => {
  const { actor } = turn;
  let waiting: Nomination[];
  if (isCoordinator(actor)) waiting = await ctx.nominations.everywhere(["open", "accepted"]);
  else {
    const mine = (await ctx.nominations.involving(actor.id)).filter((n) => n.status === "open" || n.status === "accepted");
    const borough = actor.roles.includes("dcs") && actor.borough ? await ctx.nominations.inBorough(actor.borough, ["open", "accepted"]) : [];
    waiting = [...new Map([...mine, ...borough].map((n) => [n.id, n])).values()];
  }
  waiting.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return nominationListCard(waiting.map((n) => ({ nomination: n, buttons: buttonsFor(actor, n) })));
};
