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

/**
 * The one rule for publishing: an LIIA coordinator publishes an entry that was submitted. The review
 * buttons, the review queue, the publish verb and edits of published entries all ask this.
 */
export function canPublish(actor: Actor, p: Pick<Proforma, "status">): boolean {
  return isCoordinator(actor) && p.status === "submitted";
}

/**
 * Staff of a borough share for their own borough; coordinators may choose. A person the Hub knows no
 * borough for cannot file until one is given to them.
 */
export function assertCanShareFor(actor: Actor, borough: string): void {
  if (isCoordinator(actor) || actor.borough === borough) return;
  if (!actor.borough) throw noBoroughError(actor);
  throw new HubError("forbidden", `You can only share proformas for ${boroughByCode(actor.borough)?.name ?? "your own borough"}.`);
}

/** Refuses a person with no borough before they fill in a form they could not file. */
export function assertCanFile(actor: Actor): void {
  if (!isCoordinator(actor) && !actor.borough) throw noBoroughError(actor);
}

function noBoroughError(actor: Actor): HubError {
  return new HubError(
    "forbidden",
    `The Hub does not know your borough yet, so you cannot file a proforma. Ask an LIIA coordinator to give you one: they type role ${actor.id} staff, ` +
      `then your borough's name, then your tenant id ${actor.tenantId}. ` +
      "Or ask whoever runs the Hub to list your council's tenant in TENANT_BOROUGHS.",
  );
}
