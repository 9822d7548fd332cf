import { boroughByCode } from "../domain/boroughs";
import { fullContent, type Proforma } from "../proforma/proforma";

/**
 * A published proforma as the library shows it: the shared content and the lead contact, never the
 * author's object id or tenant. Lists hold the choice values; titles are in the proforma's lists.
 */
export interface LibraryEntry {
  id: string;
  title: string;
  borough: { code: string; name: string };
  outcomeAreas: string[];
  priorities: string[];
  targetGroups: string[];
  targetGroupsDetail: string;
  ethnicGroups: string[];
  ethnicGroupsDetail: string;
  levels: string[];
  scale: string;
  stage: string;
  startDate: string;
  summary: string;
  problem: string;
  whatWasDone: string;
  partners: string;
  impact: string;
  evidenceStrength: string;
  voice: string;
  resources: string;
  risksLearning: string;
  replication: string;
  links: string[];
  contact: { name: string; jobTitle: string };
  consentScope: string;
  publishedAt: string;
  updatedAt: string;
  demo: boolean;
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
