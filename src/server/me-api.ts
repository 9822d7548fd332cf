import type { ServerDeps } from "./server-deps";
import type { Role } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import { resolveActor, type Identity } from "../people/resolve-actor";

/**
 * GET /api/me: who the tab's caller is, as the server decides it (resolveActor over the people table,
 * COORDINATORS and TENANT_BOROUGHS, from the sign-in token's oid and tid). No ids: the tab only shows it.
 */
export interface Me {
  /** "teams" when a Teams sign-in token named the caller; "local" for the one local user in local mode. */
  mode: "teams" | "local";
  name: string;
  roles: Role[];
  borough: { code: string; name: string } | null;
}

export async function whoAmI(app: ServerDeps, identity: Identity): Promise<Me> {
  const actor = await resolveActor(app.config, app.people, identity);
  const borough = actor.borough ? boroughByCode(actor.borough) : undefined;
  return {
    mode: app.config.auth.mode === "local" ? "local" : "teams",
    name: actor.name,
    roles: actor.roles,
    borough: borough ? { code: borough.code, name: borough.name } : null,
  };
}
