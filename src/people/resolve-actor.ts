import type { Config } from "../config/config";
import type { Actor, Role } from "../domain/actor";
import type { PeopleStore } from "./people-store";

/** Who a request comes from, as Teams stated it: the identity, not yet any rights. */
export interface Identity {
  objectId: string;
  name: string;
  tenantId: string;
}

/**
 * Decides a person's roles and borough on the server: from the people table, the COORDINATORS list,
 * and TENANT_BOROUGHS for staff of a council's tenant. Nothing here is ever read from card data.
 * In local mode with no COORDINATORS, every local user coordinates, so one person can try everything.
 */
export async function resolveActor(config: Config, people: PeopleStore, identity: Identity): Promise<Actor> {
  const person = identity.objectId ? await people.get(identity.tenantId, identity.objectId) : undefined;
  const roles = new Set<Role>(person?.roles.length ? person.roles : ["staff"]);
  roles.add("staff");
  const localCoordinator = config.auth.mode === "local" && config.coordinators.length === 0;
  if (localCoordinator || config.coordinators.includes(identity.objectId)) roles.add("coordinator");
  const borough = person?.borough || config.tenantBoroughs[identity.tenantId] || undefined;
  return {
    id: identity.objectId,
    name: identity.name || person?.name || "",
    tenantId: identity.tenantId,
    roles: [...roles],
    borough,
  };
}
