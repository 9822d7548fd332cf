import { boroughByCode } from "../domain/boroughs";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { CONSENT_SCOPES, OUTCOME_AREAS, choiceTitle, fullContent, type Choice, type Proforma, type ProformaContent } from "./proforma";
import { STEPS, type FieldSpec } from "./proforma-fields";
import type { AuthoredEntry } from "./proforma-store";
import { typingBound, type FieldError } from "./validate-proforma";
import { verbData } from "../domain/verbs";
import { PROFORMA_VERB_DATA, type ProformaVerb } from "./proforma-verbs";

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
  verb: ProformaVerb;
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
  const action = (title: string, verb: ProformaVerb, extra: Record<string, unknown> = {}, style: FormAction["style"] = "default"): FormAction => ({
    title,
    verb,
    style,
    data: verbData(PROFORMA_VERB_DATA, verb, { ...base, ...extra }),
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
      limit: typingBound(f),
      value: options.values?.[f.id] ?? "",
      hint:
        f.hint ??
        (f.limit && f.kind !== "links" ? `At most ${f.limit.toLocaleString("en-GB")} characters (longer text is not cut: you are asked to shorten it).` : ""),
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

/** A button of a card listing drafts: what it says, its verb and the data it carries. */
export interface CardButton {
  title: string;
  verb: ProformaVerb;
  style: "default" | "positive" | "destructive";
  data: Record<string, unknown>;
}

/** Data bound to cards/my-proformas.json. */
export interface MyProformasData {
  note: string;
  entries: { id: string; title: string; line: string; saved: string; buttons: CardButton[] }[];
  more: string;
}

/** At most this many entries on the card, so it stays well under 28 KB. */
export const MY_PROFORMAS_SHOWN = 20;

const savedAt = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "saved 1 Dec 2026 at 11:42", London time. */
export function savedLabel(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  const p = Object.fromEntries(savedAt.formatToParts(at).map((x) => [x.type, x.value]));
  return `saved ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

/** "step 2 of 6: Who it is for". */
export function stepLabel(step: number): string {
  const index = stepIndex(step);
  return `step ${index + 1} of ${STEPS.length}: ${STEPS[index]!.title}`;
}

const resumable = (status: string) => status === "draft" || status === "returned";

/** "Hackney · draft · step 2 of 6: Who it is for" (the step only where the entry resumes). */
export function entryLine(e: Pick<AuthoredEntry, "borough" | "status" | "step">): string {
  const parts = [boroughByCode(e.borough)?.name ?? e.borough, e.status];
  if (resumable(e.status)) parts.push(stepLabel(e.step));
  return parts.join(" · ");
}

export function entryTitle(title: string): string {
  return inert(title || "(untitled draft)");
}

function button(title: string, verb: ProformaVerb, data: Record<string, unknown>, style: CardButton["style"] = "default"): CardButton {
  return { title, verb, style, data: { verb, ...data } };
}

export function myProformasCard(entries: AuthoredEntry[], note = ""): AdaptiveCard {
  const shown = entries.slice(0, MY_PROFORMAS_SHOWN);
  return renderCard<MyProformasData>("my-proformas", {
    note: inert(note),
    entries: shown.map((e) => {
      const key = { submissionId: e.id, entryBorough: e.borough };
      const buttons = resumable(e.status)
        ? [button("Resume", "proforma.resume", { ...key, step: stepIndex(e.step) }, "positive")]
        : [button("Open", "proforma.view", key)];
      if (e.status === "draft") buttons.push(button("Delete draft", "proforma.delete", { ...key, step: stepIndex(e.step) }, "destructive"));
      return { id: e.id, title: entryTitle(e.title), line: entryLine(e), saved: savedLabel(e.updatedAt), buttons };
    }),
    more: entries.length > shown.length ? `And ${entries.length - shown.length} older entries not shown.` : "",
  });
}

/** Data bound to cards/proforma-draft.json: one draft, a question about it and the buttons that answer. */
export interface DraftCardData {
  heading: string;
  title: string;
  details: string;
  text: string;
  buttons: CardButton[];
}

/** `proforma` when the person has drafts: resume the newest where they stopped, or start a new one. */
export function resumeOfferCard(newest: AuthoredEntry, otherDrafts: number): AdaptiveCard {
  const others = otherDrafts === 0 ? "" : ` You have ${otherDrafts} other draft${otherDrafts === 1 ? "" : "s"}: type my proformas to see them all.`;
  return renderCard<DraftCardData>("proforma-draft", {
    heading: "You have a draft proforma",
    title: entryTitle(newest.title),
    details: `${entryLine(newest)} · ${savedLabel(newest.updatedAt)}`,
    text: `Resume it where you stopped, or start a new proforma (the draft stays in my proformas).${others}`,
    buttons: [
      button("Resume where I stopped", "proforma.resume", { submissionId: newest.id, entryBorough: newest.borough, step: stepIndex(newest.step) }, "positive"),
      button("Start a new one", "proforma.new", {}),
    ],
  });
}

/** Asks before deleting a draft; the button names the save the person saw, so a draft saved since is kept. */
export function deleteDraftCard(p: Proforma, revision: number, step: number): AdaptiveCard {
  return renderCard<DraftCardData>("proforma-draft", {
    heading: "Delete this draft?",
    title: entryTitle(p.title),
    details: `${entryLine({ borough: p.borough, status: p.status, step })} · ${savedLabel(p.updatedAt)}`,
    text: "The draft and every save of it are deleted for good. Nothing of it was shared, so nobody else loses anything.",
    buttons: [
      button("Delete the draft", "proforma.delete.confirm", { submissionId: p.id, entryBorough: p.borough, revision }, "destructive"),
      button("Keep it", "proforma.mine", {}),
    ],
  });
}
