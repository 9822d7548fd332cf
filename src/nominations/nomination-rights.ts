import { isCoordinator, type Actor } from "../domain/actor";
import type { Nomination } from "./nomination";
import type { NominationButton } from "./nomination-cards";

/** The borough's DCS, or any coordinator, confirms: decided from the actor's record, never card data. */
export function canConfirm(actor: Actor, n: Nomination): boolean {
  return isCoordinator(actor) || (actor.roles.includes("dcs") && actor.borough === n.borough);
}

export function isNominee(actor: Actor, n: Nomination): boolean {
  return actor.id !== "" && actor.id === n.nomineeId;
}

export function canWithdraw(actor: Actor, n: Nomination): boolean {
  return canConfirm(actor, n) || (actor.id !== "" && actor.id === n.nominatedById);
}

/** The buttons a person may press on a waiting nomination. */
export function buttonsFor(actor: Actor, n: Nomination): NominationButton[] {
  const buttons: NominationButton[] = [];
  if (n.status === "open" && isNominee(actor, n)) buttons.push("accept", "decline");
  if (n.status === "accepted" && canConfirm(actor, n)) buttons.push("confirm");
  if ((n.status === "open" || n.status === "accepted") && canWithdraw(actor, n)) buttons.push("withdraw");
  return buttons;
}
