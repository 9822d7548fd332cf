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
