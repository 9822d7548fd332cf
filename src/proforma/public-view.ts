import { boroughByCode } from "../domain/boroughs";
import {
  ETHNIC_GROUPS,
  EVIDENCE_STRENGTHS,
  LEVELS,
  OUTCOME_AREAS,
  PRIORITIES,
  SCALES,
  STAGES,
  TARGET_GROUPS,
  choiceTitle,
  choiceTitles,
  fullContent,
  type Proforma,
  type ProformaCore,
  type ProformaDetails,
} from "./proforma";

/*
 * What the public sees of a proforma, field by field: the library entry, its CSV columns, the text its
 * search reads and the facts and sections of its web page. Kept beside the proforma's fields, so a new
 * field is added, and shown or kept back, in this folder only; the library renders these lists.
 */

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

/** The CSV columns, in order: lists are joined with "; ". */
export const CSV_COLUMNS: readonly [string, (e: LibraryEntry) => string][] = [
  ["id", (e) => e.id],
  ["title", (e) => e.title],
  ["borough", (e) => e.borough.name],
  ["borough_code", (e) => e.borough.code],
  ["outcome_areas", (e) => e.outcomeAreas.join("; ")],
  ["priorities", (e) => e.priorities.join("; ")],
  ["target_groups", (e) => e.targetGroups.join("; ")],
  ["target_groups_detail", (e) => e.targetGroupsDetail],
  ["ethnic_groups", (e) => e.ethnicGroups.join("; ")],
  ["ethnic_groups_detail", (e) => e.ethnicGroupsDetail],
  ["levels", (e) => e.levels.join("; ")],
  ["scale", (e) => e.scale],
  ["stage", (e) => e.stage],
  ["start_date", (e) => e.startDate],
  ["summary", (e) => e.summary],
  ["problem", (e) => e.problem],
  ["what_was_done", (e) => e.whatWasDone],
  ["partners", (e) => e.partners],
  ["impact", (e) => e.impact],
  ["evidence_strength", (e) => e.evidenceStrength],
  ["voice", (e) => e.voice],
  ["resources", (e) => e.resources],
  ["risks_learning", (e) => e.risksLearning],
  ["replication", (e) => e.replication],
  ["links", (e) => e.links.join("; ")],
  ["contact_name", (e) => e.contact.name],
  ["contact_job_title", (e) => e.contact.jobTitle],
  ["consent_scope", (e) => e.consentScope],
  ["published_at", (e) => e.publishedAt],
  ["demo", (e) => (e.demo ? "yes" : "no")],
];

/** The fields the library's text search reads. */
export const SEARCHED_FIELDS = [
  "title",
  "summary",
  "problem",
  "whatWasDone",
  "partners",
  "impact",
  "voice",
  "resources",
  "risksLearning",
  "replication",
  "targetGroupsDetail",
  "ethnicGroupsDetail",
  "contactName",
] as const;

/** The facts at the top of an entry's web page, in order (an empty one is left out). */
export function entryFacts(e: LibraryEntry): [string, string][] {
  return [
    ["Borough", e.borough.name],
    ["Outcome areas", choiceTitles(OUTCOME_AREAS, e.outcomeAreas)],
    ["Pan-London priorities", choiceTitles(PRIORITIES, e.priorities)],
    ["Target groups", [choiceTitles(TARGET_GROUPS, e.targetGroups), e.targetGroupsDetail].filter(Boolean).join(". ")],
    ["Ethnic groups", [choiceTitles(ETHNIC_GROUPS, e.ethnicGroups), e.ethnicGroupsDetail].filter(Boolean).join(". ")],
    ["Levels of intervention", choiceTitles(LEVELS, e.levels)],
    ["Scale", choiceTitle(SCALES, e.scale)],
    ["Status", choiceTitle(STAGES, e.stage)],
    ["Start date", e.startDate],
    ["Evidence strength", choiceTitle(EVIDENCE_STRENGTHS, e.evidenceStrength)],
    ["Lead contact", [e.contact.name, e.contact.jobTitle].filter(Boolean).join(", ")],
  ];
}

/** The sections of an entry's web page, in order (an empty one is left out). */
export function entrySections(e: LibraryEntry): [string, string][] {
  return [
    ["Summary", e.summary],
    ["The problem addressed", e.problem],
    ["What was done", e.whatWasDone],
    ["Partners", e.partners],
    ["Evidence and impact", e.impact],
    ["Children's, families' and staff voice", e.voice],
    ["Resources and cost", e.resources],
    ["Risks and learning", e.risksLearning],
    ["How to replicate", e.replication],
  ];
}
