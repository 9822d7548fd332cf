import { z } from "zod";
import { BOROUGHS, isBoroughCode } from "../domain/boroughs";
import { CONSENT_SCOPES, FIELD_LABELS, LIMITS, OUTCOME_AREAS, type ProformaContent } from "./proforma";
import { isSubmissionId } from "../domain/ids";

export interface FieldError {
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Text as a card sends it: trimmed, line endings normalised; limits are UTF-16 units (String.length). */
function text(field: keyof typeof LIMITS, required: boolean) {
  const label = FIELD_LABELS[field];
  const max = LIMITS[field];
  return z
    .unknown()
    .transform((v, ctx) => {
      if (v === undefined || v === null) v = "";
      if (typeof v !== "string") {
        ctx.addIssue({ code: "custom", message: `${label} must be text.` });
        return z.NEVER;
      }
      const value = v.replace(/\r\n?/g, "\n").trim();
      if (required && value === "") {
        ctx.addIssue({ code: "custom", message: `${label} is required.` });
        return z.NEVER;
      }
      if (value.length > max) {
        ctx.addIssue({ code: "custom", message: `${label} is too long: at most ${max.toLocaleString("en-GB")} characters, this has ${value.length.toLocaleString("en-GB")}.` });
        return z.NEVER;
      }
      return value;
    });
}

const outcomeValues = new Set(OUTCOME_AREAS.map((o) => o.value));
const consentValues = new Set(CONSENT_SCOPES.map((c) => c.value));

const contentSchema = z.object({
  title: text("title", true),
  borough: z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null || v === "") {
      ctx.addIssue({ code: "custom", message: "Borough is required." });
      return z.NEVER;
    }
    if (!isBoroughCode(v)) {
      ctx.addIssue({ code: "custom", message: `Borough must be one of: ${BOROUGHS.map((b) => b.name).join(", ")}.` });
      return z.NEVER;
    }
    return v;
  }),
  outcomeAreas: z.unknown().transform((v, ctx) => {
    // A multi-select ChoiceSet sends "a,b"; an API client may send an array.
    const items = v === undefined || v === null || v === "" ? [] : typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : null;
    if (items === null || items.some((i) => typeof i !== "string")) {
      ctx.addIssue({ code: "custom", message: "Outcome areas must be a list of choices." });
      return z.NEVER;
    }
    const values = [...new Set((items as string[]).map((s) => s.trim()).filter(Boolean))];
    const unknown = values.filter((s) => !outcomeValues.has(s));
    if (unknown.length > 0) {
      ctx.addIssue({ code: "custom", message: `Outcome areas must be chosen from: ${OUTCOME_AREAS.map((o) => o.title).join(", ")}.` });
      return z.NEVER;
    }
    return values;
  }),
  summary: text("summary", true),
  impact: text("impact", false),
  contactName: text("contactName", true),
  consentScope: z.unknown().transform((v, ctx) => {
    if (typeof v !== "string" || !consentValues.has(v)) {
      ctx.addIssue({ code: "custom", message: v === undefined || v === "" ? "Consent to share is required." : "Consent to share must be one of the listed choices." });
      return z.NEVER;
    }
    return v;
  }),
  noPersonalData: z.unknown().transform((v, ctx) => {
    if (v !== true && v !== "true") {
      ctx.addIssue({ code: "custom", message: "Please confirm the entry holds no personal data about children or families." });
      return z.NEVER;
    }
    return true as const;
  }),
});

function firstErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}

/**
 * Checks a proforma as the card (or anyone forging one) sent it. Unknown fields are dropped; only the
 * listed fields are read, so `__proto__` and friends are never copied anywhere.
 */
export function checkProformaContent(raw: unknown): Checked<ProformaContent> {
  const input = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const picked: Record<string, unknown> = {};
  for (const field of Object.keys(contentSchema.shape)) {
    picked[field] = Object.prototype.hasOwnProperty.call(input, field) ? input[field] : null;
  }
  const result = contentSchema.safeParse(picked);
  if (!result.success) return { ok: false, errors: firstErrors(result.error) };
  return { ok: true, value: result.data as ProformaContent };
}

export function checkSubmissionId(raw: unknown): Checked<string> {
  const id = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>).submissionId : undefined;
  if (!isSubmissionId(id)) return { ok: false, errors: [{ field: "submissionId", message: "This card is not one the bot made: open a new proforma with the command proforma." }] };
  return { ok: true, value: id };
}

/** The text fields a person typed, kept as typed so an error card can show them again. */
export function keptInputs(raw: unknown): Record<string, string> {
  const input = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, string> = {};
  for (const field of Object.keys(contentSchema.shape)) {
    const v = Object.prototype.hasOwnProperty.call(input, field) ? input[field] : undefined;
    if (typeof v === "string") kept[field] = v.slice(0, 40000);
    else if (typeof v === "boolean") kept[field] = String(v);
    else if (Array.isArray(v)) kept[field] = v.filter((x) => typeof x === "string").join(",");
  }
  return kept;
}
