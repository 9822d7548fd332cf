import type { NominationDeps } from "./nominations-deps";

/** A person the service knows, as far as a nomination needs: where they are and what they are called. */
export interface KnownPerson {
  tenantId: string;
  objectId: string;
  name: string;
  jobTitle: string;
  borough: string;
}

/**
 * Finds a person the service knows by Entra object id: in the people table, or by the personal chat
 * the bot has with them. Looks in the nominator's tenant, then in the tenants mapped to the borough
 * (TENANT_BOROUGHS): point reads only. Undefined for a person the service has never met.
 */
export async function findKnownPerson(ctx: NominationDeps, objectId: string, tenants: string[]): Promise<KnownPerson | undefined> {
  for (const tenantId of [...new Set(tenants.filter(Boolean))]) {
    const person = await ctx.people.get(tenantId, objectId);
    if (person) return { tenantId, objectId, name: person.name, jobTitle: person.jobTitle, borough: person.borough };
    const chat = await ctx.channels.personalChat(tenantId, objectId);
    if (chat) return { tenantId, objectId, name: chat.name, jobTitle: "", borough: "" };
  }
  return undefined;
}

export function tenantsOfBorough(ctx: NominationDeps, borough: string): string[] {
  return Object.entries(ctx.config.tenantBoroughs)
    .filter(([, code]) => code === borough)
    .map(([tenant]) => tenant);
}
