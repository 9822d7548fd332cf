import type { Config } from "../config/config";
import type { Actor, Role } from "../domain/actor";
import type { PeopleStore } from "./people-store";
import type { Person } from "./person";
import { isPersonId } from "./person-id";

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
export async function resolveActor(config: Config, people: PeopleStore, asked: Identity, now: () => Date = () => new Date()): Promise<Actor> {
  let identity = asked;
  let person = identity.objectId ? await people.get(identity.tenantId, identity.objectId) : undefined;
  await noteSeen(people, identity, person, now);
  let actingFor: Actor["actingFor"];
  if (config.auth.mode === "local" && person?.actingAs) {
    // `act as`: this client user tries the bot as another person, who has their own record and rights.
    actingFor = { tenantId: identity.tenantId, objectId: identity.objectId, name: identity.name || person.name };
    identity = { tenantId: identity.tenantId, objectId: person.actingAs.objectId, name: person.actingAs.name };
    person = await people.get(identity.tenantId, identity.objectId);
    identity = { ...identity, name: person?.name || identity.name };
    await noteSeen(people, identity, person, now);
  }
  const roles = new Set<Role>(person?.roles.length ? person.roles : ["staff"]);
  roles.add("staff");
  // Someone acted as is not a coordinator by default, so the client user sees what that person would.
  const localCoordinator = config.auth.mode === "local" && config.coordinators.length === 0 && !actingFor;
  if (localCoordinator || config.coordinators.includes(identity.objectId)) roles.add("coordinator");
  const borough = person?.borough || config.tenantBoroughs[identity.tenantId] || undefined;
  return {
    id: identity.objectId,
    name: identity.name || person?.name || "",
    tenantId: identity.tenantId,
    roles: [...roles],
    borough,
    ...(actingFor ? { actingFor } : {}),
  };
}

/**
 * Keeps a seen-people row (id, name, tenant) for everyone who talks to the bot, so they can be
 * nominated or given a role by the id the client knows them by. Written only when new or renamed;
 * a storage failure here must not stop the person's turn.
 */
async function noteSeen(people: PeopleStore, identity: Identity, person: Person | undefined, now: () => Date): Promise<void> {
  if (!identity.objectId || !isPersonId(identity.objectId)) return;
  if (person && (!identity.name || identity.name === person.name)) return;
  try {
    await people.noteSeen(identity.tenantId, identity.objectId, identity.name.slice(0, 200), now().toISOString());
  } catch {
    // the next turn tries again
  }
}
