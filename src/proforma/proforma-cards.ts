import { boroughByCode } from "../domain/boroughs";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { CONSENT_SCOPES, MAX_LINKS, OUTCOME_AREAS, choiceTitle, fullContent, type Choice, type Proforma, type ProformaContent } from "./proforma";
import { STEPS, type FieldSpec } from "./proforma-fields";
import type { AuthoredEntry } from "./proforma-store";
import type { FieldError } from "./validate-proforma";

export { proformaEntryCard, proformaHistoryCard } from "./proforma-entry-card";

/** Where a form card stands: which record (if stored), which ETag it was opened at, which step. */
export interface FormState {
  submissionId: string;
  /** GSS code of the stored record's partition; absent until the first save. */
  entryBorough?: string;
  etag?: string;
  step?: number;
  /** "draft" (or a new card), "edit" of a shared entry, or "returned" by a coordinator. */
  mode?: "draft" | "edit" | "returned";
}

interface FormField {
  kind: FieldSpec["kind"];
  id: string;
  label: string;
  limit: number;
  value: string;
  hint: string;
  choices: Choice[];
}

interface FormAction {
  title: string;
  verb: string;
  style: "default" | "positive";
  data: Record<string, unknown>;
}

/** Data bound to cards/proforma-form.json: one step of the proforma. */
export interface ProformaFormData {
  heading: string;
  stepNumber: number;
  stepCount: number;
  stepTitle: string;
  note: string;
  errorsHeading: string;
  errors: { message: string }[];
  fields: FormField[];
  actions: FormAction[];
}

/** Stored content as the strings a card's inputs hold. */
export function formValues(content: ProformaContent): Record<string, string> {
  const full = fullContent(content) as unknown as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const step of STEPS) {
    for (const f of step.fields) {
      const v = full[f.id];
      values[f.id] = Array.isArray(v) ? v.join(f.kind === "links" ? "\n" : ",") : typeof v === "boolean" ? String(v) : typeof v === "string" ? v : "";
    }
  }
  return values;
}

function stepIndex(step: number | undefined): number {
  return Number.isInteger(step) && step! >= 0 && step! < STEPS.length ? step! : 0;
}

function formActions(state: FormState, step: number): FormAction[] {
  const base = {
    submissionId: state.submissionId,
    ...(state.entryBorough ? { entryBorough: state.entryBorough } : {}),
    ...(state.etag ? { etag: state.etag } : {}),
    step,
  };
  const action = (title: string, verb: string, extra: Record<string, unknown> = {}, style: FormAction["style"] = "default"): FormAction => ({
    title,
    verb,
    style,
    data: { verb, ...base, ...extra },
  });
  const actions: FormAction[] = [];
  if (step > 0) actions.push(action("Back", "proforma.step", { goto: step - 1 }));
  if (step < STEPS.length - 1) actions.push(action("Next", "proforma.step", { goto: step + 1 }));
  if (state.mode === "edit") actions.push(action("Save changes", "proforma.save", {}, "positive"));
  else {
    if (state.mode !== "returned") actions.push(action("Save draft", "proforma.draft"));
    else actions.push(action("Save changes", "proforma.draft"));
    actions.push(action(state.mode === "returned" ? "Submit again" : "Submit", "proforma.submit", {}, "positive"));
  }
  return actions;
}

/** One step of the proforma as a card; what was typed comes back in `values`, the errors above it. */
export function proformaFormCard(options: FormState & { values?: Record<string, string>; errors?: FieldError[]; note?: string }): AdaptiveCard {
  const step = stepIndex(options.step);
  const spec = STEPS[step]!;
  return renderCard<ProformaFormData>("proforma-form", {
    heading: options.mode === "edit" ? "Edit a shared proforma" : "Good practice proforma",
    stepNumber: step + 1,
    stepCount: STEPS.length,
    stepTitle: spec.title,
    note: options.note ?? "",
    errorsHeading: options.mode === "edit" ? "Please check these fields; nothing was changed yet:" : "Please check these fields, nothing was saved yet:",
    errors: (options.errors ?? []).map((e) => ({ message: e.message })),
    fields: spec.fields.map((f) => ({
      kind: f.kind,
      id: f.id,
      label: f.required ? `${f.prompt ?? f.label} (required)` : (f.prompt ?? f.label),
      limit: f.kind === "links" ? (f.limit! + 1) * MAX_LINKS : (f.limit ?? 0),
      value: options.values?.[f.id] ?? "",
      hint: f.hint ?? (f.limit && f.kind !== "links" ? `At most ${f.limit.toLocaleString("en-GB")} characters.` : ""),
      choices: [...(f.choices ?? [])],
    })),
    actions: formActions(options, step),
  });
}

/** Data bound to cards/proforma-confirmation.json; every user-typed string passes through inert(). */
export interface ProformaConfirmationData {
  heading: string;
  note: string;
  id: string;
  title: string;
  boroughName: string;
  status: string;
  outcomeAreas: string;
  consent: string;
  summary: string;
  impact: string;
  contactName: string;
}

export function proformaConfirmationCard(p: Proforma, created: boolean): AdaptiveCard {
  return renderCard<ProformaConfirmationData>("proforma-confirmation", {
    heading: created ? "Thank you: your proforma is saved" : "Already received",
    note: created
      ? "LIIA will review it before it is shared. Type my proformas to see everything you have shared."
      : "This proforma was already saved and is stored once: this press changed nothing. Type my proformas to see it.",
    id: p.id,
    title: inert(p.title),
    boroughName: boroughByCode(p.borough)?.name ?? p.borough,
    status: p.status,
    outcomeAreas: p.outcomeAreas.map((o) => choiceTitle(OUTCOME_AREAS, o)).join(", ") || "None chosen",
    consent: choiceTitle(CONSENT_SCOPES, p.consentScope),
    summary: inert(p.summary),
    impact: inert(p.impact),
    contactName: inert(p.contactName),
  });
}

/** Data bound to cards/my-proformas.json. */
export interface MyProformasData {
  entries: { title: string; boroughName: string; status: string; date: string; button: string; verb: string; data: Record<string, unknown> }[];
  more: string;
}

/** At most this many entries on the card, so it stays well under 28 KB. */
export const MY_PROFORMAS_SHOWN = 20;

export function myProformasCard(entries: AuthoredEntry[]): AdaptiveCard {
  const shown = entries.slice(0, MY_PROFORMAS_SHOWN);
  return renderCard<MyProformasData>("my-proformas", {
    entries: shown.map((e) => {
      const resume = e.status === "draft" || e.status === "returned";
      const verb = resume ? "proforma.resume" : "proforma.view";
      return {
        title: inert(e.title || "(untitled draft)"),
        boroughName: boroughByCode(e.borough)?.name ?? e.borough,
        status: e.status,
        date: e.updatedAt.slice(0, 10),
        button: resume ? "Resume" : "Open",
        verb,
        data: { verb, submissionId: e.id, entryBorough: e.borough },
      };
    }),
    more: entries.length > shown.length ? `And ${entries.length - shown.length} older entries not shown.` : "",
  });
}
