import type { LeadStore } from "./lead-store";

/** A borough's current lead, then its deputies: who the cross-borough conversations reach one-to-one. */
export function boroughLeaders(leads: LeadStore): { leadersOf(borough: string): Promise<{ tenantId: string; objectId: string }[]> } {
  return {
    async leadersOf(borough) {
      const roster = await leads.roster(borough);
      return [...(roster.lead ? [roster.lead] : []), ...roster.deputies];
    },
  };
}
