import { BOROUGHS } from "../domain/boroughs";
import {
  CONSENT_SCOPES,
  ETHNIC_GROUPS,
  EVIDENCE_STRENGTHS,
  FIELD_LABELS,
  LEVELS,
  LIMITS,
  MAX_LINKS,
  OUTCOME_AREAS,
  PRIORITIES,
  SCALES,
  STAGES,
  TARGET_GROUPS,
  type Choice,
} from "./proforma";

/** How a field is typed in and checked. */
export type FieldKind = "text" | "longtext" | "choice" | "multi" | "date" | "links" | "confirm";

export interface FieldSpec {
  id: string;
  label: string;
  kind: FieldKind;
  /** The card's label when it says more than the name used in messages. */
  prompt?: string;
  /** UTF-16 units for text (per link for links). */
  limit?: number;
  choices?: readonly Choice[];
  /** Needed to submit (a draft may leave it empty). */
  required?: boolean;
  /** Shown under the input. */
  hint?: string;
}

export interface StepSpec {
  key: string;
  title: string;
  fields: FieldSpec[];
  /** Fields typed in another step but read in this one (the entry view keeps each section light). */
  viewAlso?: string[];
}

const boroughChoices: Choice[] = BOROUGHS.map((b) => ({ value: b.code, title: b.name }));

function text(id: keyof typeof LIMITS, kind: "text" | "longtext", required = false, hint?: string): FieldSpec {
  return { id, label: FIELD_LABELS[id]!, kind, limit: LIMITS[id], required, hint };
}
function pick(id: string, kind: "choice" | "multi", choices: readonly Choice[], required = false): FieldSpec {
  return { id, label: FIELD_LABELS[id]!, kind, choices, required };
}

/**
 * The proforma in six steps, each one card well under 28 KB, in the order a person tells it: the
 * essentials, who it is for, the problem and the partners, what was done and what it cost, the
 * evidence and the impact, the learning. Step 1 is the issue-2 quick form (its input ids and order are
 * a contract); it holds everything needed to submit. Moving a field between steps changes nothing stored.
 */
export const STEPS: readonly StepSpec[] = [
  {
    key: "essentials",
    title: "The essentials",
    fields: [
      text("title", "text", true),
      pick("borough", "choice", boroughChoices, true),
      pick("outcomeAreas", "multi", OUTCOME_AREAS),
      { ...text("summary", "longtext", true), prompt: "Summary: the problem and what was done" },
      { ...text("impact", "longtext"), prompt: "Impact and evidence" },
      { ...text("contactName", "text", true), prompt: "Lead contact (name)" },
      pick("consentScope", "choice", CONSENT_SCOPES, true),
      { id: "noPersonalData", label: "No personal data", kind: "confirm", required: true },
    ],
  },
  {
    key: "reach",
    title: "Who it is for",
    fields: [
      text("contactJobTitle", "text"),
      pick("priorities", "multi", PRIORITIES),
      pick("targetGroups", "multi", TARGET_GROUPS),
      text("targetGroupsDetail", "text"),
      pick("ethnicGroups", "multi", ETHNIC_GROUPS),
      text("ethnicGroupsDetail", "text", false, "Optional detail, e.g. Black Caribbean boys; Gypsy, Roma and Traveller families."),
      pick("levels", "multi", LEVELS),
      pick("scale", "choice", SCALES),
      pick("stage", "choice", STAGES),
      { id: "startDate", label: FIELD_LABELS.startDate!, kind: "date" },
    ],
  },
  {
    key: "problem",
    title: "The problem and the partners",
    fields: [text("problem", "longtext"), text("partners", "longtext")],
  },
  {
    key: "done",
    title: "What was done and what it cost",
    fields: [text("whatWasDone", "longtext"), text("resources", "longtext")],
  },
  {
    // Impact is typed in step 1 (the quick form) and read here, after the evidence for it.
    key: "evidence",
    title: "Evidence, voice and impact",
    fields: [pick("evidenceStrength", "choice", EVIDENCE_STRENGTHS), text("voice", "longtext")],
    viewAlso: ["impact"],
  },
  {
    key: "learning",
    title: "Learning and replication",
    fields: [
      text("risksLearning", "longtext"),
      text("replication", "longtext"),
      {
        id: "links",
        label: FIELD_LABELS.links!,
        kind: "links",
        limit: LIMITS.link,
        hint: `Up to ${MAX_LINKS} https addresses, one a line; they are shown as plain text.`,
      },
    ],
  },
];

export const ALL_FIELDS: readonly FieldSpec[] = STEPS.flatMap((s) => s.fields);

export function fieldSpec(id: string): FieldSpec | undefined {
  return ALL_FIELDS.find((f) => f.id === id);
}

/** The step (0-based) a field is typed in. */
export function stepOfField(id: string): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => f.id === id));
  return index < 0 ? 0 : index;
}
