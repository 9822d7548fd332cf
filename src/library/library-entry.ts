import { boroughByCode } from "../domain/boroughs";
import { fullContent, type Proforma, type ProformaCore, type ProformaDetails } from "../proforma/proforma";

/** The proforma's fields the library shows as they are (their types are the proforma's own). */
type SharedFields = Pick<
  ProformaCore & ProformaDetails,
  | "title"
  | "outcomeAreas"
  | "priorities"
  | "targetGroups"
  | "targetGroupsDetail"
  | "ethnicGroups"
  | "ethnicGroupsDetail"
  | "levels"
  | "scale"
  | "stage"
  | "startDate"
  | "summary"
  | "problem"
  | "whatWasDone"
  | "partners"
  | "impact"
  | "evidenceStrength"
  | "voice"
  | "resources"
  | "risksLearning"
  | "replication"
  | "links"
  | "consentScope"
>;

/**
 * A published proforma as the library shows it: the shared content and the lead contact, never the
 * author's object id or tenant. Lists hold the choice values; titles are in the proforma's lists.
 * Derived from the proforma's types, so a field changes in one place.
 */
export interface LibraryEntry extends SharedFields, Pick<Proforma, "id" | "updatedAt" | "demo"> {
  borough: { code: string; name: string };
  contact: { name: string; jobTitle: string };
  /** When it was published (its last change, for entries published before this was kept). */
  publishedAt: string;
}

export function toLibraryEntry(proforma: Proforma): LibraryEntry {
  const p = fullContent(proforma);
  return {
    id: p.id,
    title: p.title,
    borough: { code: p.borough, name: boroughByCode(p.borough)?.name ?? p.borough },
    outcomeAreas: p.outcomeAreas,
    priorities: p.priorities,
    targetGroups: p.targetGroups,
    targetGroupsDetail: p.targetGroupsDetail,
    ethnicGroups: p.ethnicGroups,
    ethnicGroupsDetail: p.ethnicGroupsDetail,
    levels: p.levels,
    scale: p.scale,
    stage: p.stage,
    startDate: p.startDate,
    summary: p.summary,
    problem: p.problem,
    whatWasDone: p.whatWasDone,
    partners: p.partners,
    impact: p.impact,
    evidenceStrength: p.evidenceStrength,
    voice: p.voice,
    resources: p.resources,
    risksLearning: p.risksLearning,
    replication: p.replication,
    links: p.links,
    contact: { name: p.contactName, jobTitle: p.contactJobTitle },
    consentScope: p.consentScope,
    publishedAt: p.publishedAt || p.updatedAt,
    updatedAt: p.updatedAt,
    demo: p.demo,
  };
}
