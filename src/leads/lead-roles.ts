import type { LeadDeps } from "./leads-deps";
import type { Role } from "../domain/actor";
import type { Person } from "../people/person";
import type { LeadTerm } from "./lead-term";

/**
 * A confirmed lead or deputy gets the "lead" role on their people record (so they may convene); a
 * replaced lead loses it unless they still hold another current term.
 */
export async function grantLeadRole(ctx: Pick<LeadDeps, "people" | "now">, term: LeadTerm, by: string): Promise<void> {
  const existing = await ctx.people.get(term.tenantId, term.objectId);
  const roles = new Set<Role>(existing?.roles ?? ["staff"]);
  roles.add("lead");
  const person: Person = {
    tenantId: term.tenantId,
    objectId: term.objectId,
    name: existing?.name || term.name,
    jobTitle: term.jobTitle || existing?.jobTitle || "",
    borough: term.borough,
    roles: [...roles],
    updatedAt: ctx.now().toISOString(),
    updatedBy: by,
  };
  await ctx.people.put(person);
}

export async function revokeLeadRole(ctx: Pick<LeadDeps, "leads" | "people" | "now">, term: LeadTerm, by: string): Promise<void> {
  const stillHolds = (await ctx.leads.heldBy(term.objectId)).some((t) => !t.until && t.id !== term.id);
  if (stillHolds) return;
  const existing = await ctx.people.get(term.tenantId, term.objectId);
  if (!existing || !existing.roles.includes("lead")) return;
  await ctx.people.put({ ...existing, roles: existing.roles.filter((r) => r !== "lead"), updatedAt: ctx.now().toISOString(), updatedBy: by });
}
