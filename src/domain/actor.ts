import { HubError } from "./errors";

/** The person behind a request, as the server decided it: never taken from card data. */
export type Role = "coordinator" | "dcs" | "lead" | "staff";

export interface Actor {
  /** Entra object id (in local mode, the client's user id). */
  id: string;
  name: string;
  tenantId: string;
  roles: Role[];
  /** GSS code of the person's borough, if any (LIIA staff have none). */
  borough?: string;
  /** Local mode only: the client user who is trying the bot as this person (`act as`). */
  actingFor?: { tenantId: string; objectId: string; name: string };
}

export function isCoordinator(actor: Actor): boolean {
  return actor.roles.includes("coordinator");
}

/** Refuses anyone but an LIIA coordinator: "Only an LIIA coordinator can <what>." (every coordinator-only command and button). */
export function assertCoordinator(actor: Actor, what: string): void {
  if (!isCoordinator(actor)) throw new HubError("forbidden", `Only an LIIA coordinator can ${what}.`);
}
