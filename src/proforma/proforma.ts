/** The good-practice proforma: what a borough shares about an initiative worth spreading. */

export interface Choice {
  value: string;
  title: string;
}

export const OUTCOME_AREAS: readonly Choice[] = [
  { value: "education", title: "Education" },
  { value: "send", title: "Special educational needs and disabilities (SEND)" },
  { value: "social-care", title: "Social care" },
  { value: "health", title: "Health" },
  { value: "youth-justice", title: "Youth justice" },
  { value: "workforce", title: "Workforce" },
];

/** The pan-London (ALDCS / LIIA) priorities an initiative can serve. */
export const PRIORITIES: readonly Choice[] = [
  { value: "adolescent-safeguarding", title: "Adolescent safeguarding" },
  { value: "workforce-leadership", title: "Workforce and Black, Asian and minority ethnic leadership" },
  { value: "recruitment-london-pledge", title: "Recruitment and the London Pledge" },
  { value: "return-to-social-work", title: "Return to Social Work" },
  { value: "step-up", title: "Step Up to Social Work" },
  { value: "frontline", title: "Frontline" },
  { value: "teaching-partnerships", title: "Teaching partnerships" },
  { value: "send", title: "SEND" },
  { value: "care-leaving", title: "Care leaving" },
];

export const TARGET_GROUPS: readonly Choice[] = [
  { value: "children-in-need", title: "Children in need" },
  { value: "child-protection", title: "Children on child protection plans" },
  { value: "looked-after", title: "Children looked after" },
  { value: "care-leavers", title: "Care leavers" },
  { value: "youth-justice", title: "Young people in the youth justice system" },
  { value: "extra-familial-harm", title: "Adolescents at risk of extra-familial harm" },
  { value: "families", title: "Parents and families" },
  { value: "workforce", title: "Staff (the workforce)" },
];

/** The five broad ethnic groups of the 2021 Census (ONS). */
export const ETHNIC_GROUPS: readonly Choice[] = [
  { value: "asian", title: "Asian, Asian British or Asian Welsh" },
  { value: "black", title: "Black, Black British, Black Welsh, Caribbean or African" },
  { value: "mixed", title: "Mixed or Multiple ethnic groups" },
  { value: "white", title: "White" },
  { value: "other", title: "Other ethnic group" },
];

export const LEVELS: readonly Choice[] = [
  { value: "universal", title: "Universal" },
  { value: "early-help", title: "Early help" },
  { value: "child-in-need", title: "Child in need" },
  { value: "child-protection", title: "Child protection" },
  { value: "looked-after", title: "Looked after" },
  { value: "leaving-care", title: "Leaving care" },
  { value: "youth-justice", title: "Youth justice" },
];

export const SCALES: readonly Choice[] = [
  { value: "practice", title: "Individual practice" },
  { value: "team", title: "Team" },
  { value: "service", title: "Service" },
  { value: "whole-council", title: "Whole council" },
  { value: "partnership", title: "Multi-agency partnership" },
  { value: "pan-london", title: "Pan-London" },
];

export const EVIDENCE_STRENGTHS: readonly Choice[] = [
  { value: "anecdotal", title: "Anecdotal" },
  { value: "monitoring-data", title: "Monitoring data" },
  { value: "before-after", title: "Before and after comparison" },
  { value: "internal-evaluation", title: "Internal evaluation" },
  { value: "external-evaluation", title: "External evaluation" },
];

export const STAGES: readonly Choice[] = [
  { value: "planned", title: "Planned" },
  { value: "pilot", title: "Pilot" },
  { value: "live", title: "Live" },
  { value: "ended", title: "Ended" },
];

export const CONSENT_SCOPES: readonly Choice[] = [
  { value: "east-london", title: "Share with the eight East London boroughs only" },
  { value: "liia", title: "Share across London through LIIA" },
  { value: "public", title: "Publish on the LIIA website" },
];

/** Consent scopes that let a published entry into the LIIA library (beyond East London). */
export const LIBRARY_SCOPES: readonly string[] = ["liia", "public"];

export const STATUSES = ["draft", "submitted", "published", "returned", "withdrawn"] as const;
export type ProformaStatus = (typeof STATUSES)[number];

/** Field limits in UTF-16 code units, the unit Table Storage counts strings in. */
export const LIMITS = {
  title: 120,
  summary: 2000,
  impact: 3000,
  contactName: 80,
  contactJobTitle: 80,
  targetGroupsDetail: 200,
  ethnicGroupsDetail: 200,
  problem: 2000,
  whatWasDone: 4000,
  partners: 500,
  voice: 1000,
  resources: 500,
  risksLearning: 1500,
  replication: 1500,
  /** Each link; at most MAX_LINKS of them. */
  link: 300,
} as const;

export const MAX_LINKS = 5;

export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  borough: "Borough",
  outcomeAreas: "Outcome areas",
  summary: "Summary",
  impact: "Impact",
  contactName: "Lead contact",
  consentScope: "Consent to share",
  noPersonalData: "No personal data",
  submissionId: "Submission id",
  contactJobTitle: "Lead contact's job title",
  priorities: "Pan-London priorities",
  targetGroups: "Target groups",
  targetGroupsDetail: "Target groups, in your words",
  ethnicGroups: "Ethnic groups",
  ethnicGroupsDetail: "Ethnic groups, in detail",
  levels: "Levels of intervention",
  scale: "Scale",
  stage: "Status of the initiative",
  startDate: "Start date",
  problem: "The problem addressed",
  whatWasDone: "What was done",
  partners: "Partners",
  evidenceStrength: "Evidence strength",
  voice: "Children's, families' and staff voice",
  resources: "Resources and cost",
  risksLearning: "Risks and learning",
  replication: "How to replicate",
  links: "Links",
};

/** The parts of the proforma the issue-2 quick form asks for; enough to submit. */
export interface ProformaCore {
  title: string;
  borough: string;
  outcomeAreas: string[];
  summary: string;
  impact: string;
  contactName: string;
  consentScope: string;
  /** Must be true to submit; a draft may still be false. */
  noPersonalData: boolean;
}

/** The rest of the standard proforma; every field may be empty. */
export interface ProformaDetails {
  contactJobTitle: string;
  priorities: string[];
  targetGroups: string[];
  targetGroupsDetail: string;
  ethnicGroups: string[];
  ethnicGroupsDetail: string;
  levels: string[];
  scale: string;
  stage: string;
  /** YYYY-MM-DD, or "". */
  startDate: string;
  problem: string;
  whatWasDone: string;
  partners: string;
  evidenceStrength: string;
  voice: string;
  resources: string;
  risksLearning: string;
  replication: string;
  /** https addresses, shown as plain text. */
  links: string[];
}

/** What the person filling the proforma typed, once checked. Details are absent on records older than them. */
export type ProformaContent = ProformaCore & Partial<ProformaDetails>;

export const EMPTY_DETAILS: Readonly<ProformaDetails> = Object.freeze({
  contactJobTitle: "",
  priorities: [],
  targetGroups: [],
  targetGroupsDetail: "",
  ethnicGroups: [],
  ethnicGroupsDetail: "",
  levels: [],
  scale: "",
  stage: "",
  startDate: "",
  problem: "",
  whatWasDone: "",
  partners: "",
  evidenceStrength: "",
  voice: "",
  resources: "",
  risksLearning: "",
  replication: "",
  links: [],
});

/** Every field present, the missing details as empty. */
export function fullContent<T extends ProformaContent>(p: T): T & ProformaDetails {
  const out = { ...p } as T & ProformaDetails;
  for (const [key, empty] of Object.entries(EMPTY_DETAILS) as [keyof ProformaDetails, unknown][]) {
    if (out[key] === undefined) (out as unknown as Record<string, unknown>)[key] = Array.isArray(empty) ? [] : empty;
  }
  return out;
}

export interface Proforma extends ProformaContent {
  /** Time-ordered id (ULID) made by the server when the card was shown. */
  id: string;
  status: ProformaStatus;
  /** Entra object id of the author; no e-mail or phone is ever stored. */
  authorId: string;
  authorName: string;
  tenantId: string;
  createdAt: string;
  updatedAt: string;
  /** Versions of what was shared (submitted, edited, published): a draft never shared is version 0. */
  version: number;
  /** Every save's own number, draft saves included (keys the version rows). Absent on old records: then `version`. */
  revision?: number;
  /** True for the demo entries loaded from seeds/. */
  demo: boolean;
  /** A coordinator's comment when returning the entry; "" otherwise. */
  reviewComment?: string;
  /** When a coordinator published it; "" until then. */
  publishedAt?: string;
}

/** A stored proforma with the ETag of the read, to pass back for a conditional update. */
export interface StoredProforma {
  proforma: Proforma;
  etag: string;
}

export function choiceTitle(choices: readonly Choice[], value: string): string {
  return choices.find((c) => c.value === value)?.title ?? value;
}

/**
 * The themes an entry counts under in summaries, each once: its outcome areas, then its pan-London
 * priorities. A priority that is also an outcome area (SEND is both) is one theme, titled as the
 * outcome area, so a count never shows "SEND" beside "Special educational needs ... (SEND)".
 */
export function entryThemes(outcomeAreas: readonly string[], priorities: readonly string[]): string[] {
  const title = (v: string) => (OUTCOME_AREAS.some((c) => c.value === v) ? choiceTitle(OUTCOME_AREAS, v) : choiceTitle(PRIORITIES, v));
  return [...new Set([...outcomeAreas, ...priorities].map(title))];
}

export function choiceTitles(choices: readonly Choice[], values: readonly string[] | undefined): string {
  return (values ?? []).map((v) => choiceTitle(choices, v)).join(", ");
}
