import type { NominationDeps } from "./nominations-deps";
import { BOROUGHS } from "../domain/boroughs";

/** For the weekly digest: which boroughs have a confirmed lead, which not, and nominations waiting (the nominations read the leads, never the reverse). */
export interface LeadCoverage {
  withLead: { borough: string; name: string; jobTitle: string; since: string }[];
  withoutLead: string[];
  /** Nominations waiting for the nominee (open) or for confirmation (accepted), per borough. */
  openNominations: { borough: string; open: number; accepted: number }[];
  totalOpenNominations: number;
}

export async function leadCoverage(ctx: Pick<NominationDeps, "leads" | "nominations">): Promise<LeadCoverage> {
  const [rosters, waiting] = await Promise.all([Promise.all(BOROUGHS.map((b) => ctx.leads.roster(b.code))), ctx.nominations.everywhere(["open", "accepted"])]);
  const withLead = rosters.flatMap((r) => (r.lead ? [{ borough: r.borough, name: r.lead.name, jobTitle: r.lead.jobTitle, since: r.lead.since }] : []));
  const withoutLead = rosters.filter((r) => !r.lead).map((r) => r.borough);
  const openNominations = BOROUGHS.map((b) => ({
    borough: b.code,
    open: waiting.filter((n) => n.borough === b.code && n.status === "open").length,
    accepted: waiting.filter((n) => n.borough === b.code && n.status === "accepted").length,
  })).filter((x) => x.open + x.accepted > 0);
  return { withLead, withoutLead, openNominations, totalOpenNominations: waiting.length };
}
