import { BOROUGHS, boroughByCode } from "../domain/boroughs";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { CONSENT_SCOPES, LIMITS, OUTCOME_AREAS, choiceTitle, type Proforma } from "./proforma";
import type { AuthoredEntry } from "./proforma-store";
import type { FieldError } from "./validate-proforma";

/** Data bound to cards/proforma-form.json. */
export interface ProformaFormData {
  submissionId: string;
  boroughs: { code: string; name: string }[];
  outcomeAreas: { value: string; title: string }[];
  consentScopes: { value: string; title: string }[];
  limits: typeof LIMITS;
  values: Record<string, string>;
  errors: { message: string }[];
}

const FORM_FIELDS = ["title", "borough", "outcomeAreas", "summary", "impact", "contactName", "consentScope", "noPersonalData"];

export function proformaFormCard(options: { submissionId: string; values?: Record<string, string>; errors?: FieldError[] }): AdaptiveCard {
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS) values[field] = options.values?.[field] ?? "";
  return renderCard<ProformaFormData>("proforma-form", {
    submissionId: options.submissionId,
    boroughs: BOROUGHS.map((b) => ({ code: b.code, name: b.name })),
    outcomeAreas: [...OUTCOME_AREAS],
    consentScopes: [...CONSENT_SCOPES],
    limits: LIMITS,
    values,
    errors: (options.errors ?? []).map((e) => ({ message: e.message })),
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
      : "This proforma was already saved; it is stored once. Type my proformas to see it.",
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
  entries: { title: string; boroughName: string; status: string; date: string }[];
}

export function myProformasCard(entries: AuthoredEntry[]): AdaptiveCard {
  return renderCard<MyProformasData>("my-proformas", {
    entries: entries.slice(0, 50).map((e) => ({
      title: inert(e.title),
      boroughName: boroughByCode(e.borough)?.name ?? e.borough,
      status: e.status,
      date: e.updatedAt.slice(0, 10),
    })),
  });
}
