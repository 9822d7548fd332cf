import { isCoordinator, type Actor } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import { HubError } from "../domain/errors";
import type { Proforma } from "./proforma";

/** The author and LIIA coordinators may change an entry; everyone else reads it. */
export function canEdit(actor: Actor, p: Proforma): boolean {
  return p.authorId === actor.id || isCoordinator(actor);
}

export function assertCanEdit(actor: Actor, p: Proforma): void {
  if (!canEdit(actor, p)) throw new HubError("forbidden", "Only the author or an LIIA coordinator can change this proforma.");
  if (p.status === "withdrawn") throw new HubError("forbidden", "This proforma was withdrawn, so it can no longer be changed.");
}

/** Staff of a borough share for their own borough; coordinators and people with no borough may choose. */
export function assertCanShareFor(actor: Actor, borough: string): void {
  if (isCoordinator(actor) || !actor.borough || actor.borough === borough) return;
  throw new HubError("forbidden", `You can only share proformas for ${boroughByCode(actor.borough)?.name ?? "your own borough"}.`);
}

export function assertCoordinator(actor: Actor, what: string): void {
  if (!isCoordinator(actor)) throw new HubError("forbidden", `Only an LIIA coordinator can ${what}.`);
}
