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

export const CONSENT_SCOPES: readonly Choice[] = [
  { value: "east-london", title: "Share with the eight East London boroughs only" },
  { value: "liia", title: "Share across London through LIIA" },
  { value: "public", title: "Publish on the LIIA website" },
];

export const STATUSES = ["draft", "submitted", "published", "returned", "withdrawn"] as const;
export type ProformaStatus = (typeof STATUSES)[number];

/** Field limits in UTF-16 code units, the unit Table Storage counts strings in. */
export const LIMITS = {
  title: 120,
  summary: 2000,
  impact: 3000,
  contactName: 80,
} as const;

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
};

/** What the person filling the proforma typed, once checked. */
export interface ProformaContent {
  title: string;
  borough: string;
  outcomeAreas: string[];
  summary: string;
  impact: string;
  contactName: string;
  consentScope: string;
  noPersonalData: true;
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
  version: number;
  /** True for the demo entries loaded from seeds/. */
  demo: boolean;
}

export function choiceTitle(choices: readonly Choice[], value: string): string {
  return choices.find((c) => c.value === value)?.title ?? value;
}
