import { isSubmissionId } from "../domain/ids";
import { MAX_LINKS, fullContent, type ProformaContent, type ProformaDetails } from "./proforma";
import { ALL_FIELDS, STEPS, type FieldSpec } from "./proforma-fields";
import { brokenCharacterProblem, cleanTypedText, cutText, wellFormed, withoutControlCharacters } from "../domain/typed-text";

export interface FieldError {
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type FieldResult = { ok: true; value: unknown } | { ok: false; message: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function units(n: number): string {
  return n.toLocaleString("en-GB");
}

/** Text as a card sends it: control characters dropped, line endings normalised, trimmed. Limits are UTF-16 units (String.length). */
function checkText(spec: FieldSpec, v: unknown): FieldResult {
  if (v === undefined || v === null) v = "";
  if (typeof v !== "string") return { ok: false, message: `${spec.label} must be text.` };
  let value = cleanTypedText(v);
  const broken = brokenCharacterProblem(spec.label, value);
  if (broken) return { ok: false, message: broken };
  // A one-line field keeps one line: pasted line breaks become spaces.
  if (spec.kind === "text") value = value.replace(/\s*\n\s*/g, " ");
  const max = spec.limit!;
  if (value.length > max) {
    const kept = v.length > typingBound(spec) ? ` Only the first ${units(typingBound(spec))} are kept below:` : " What you typed is kept below:";
    return {
      ok: false,
      message: `${spec.label} is too long: at most ${units(max)} characters, this has ${units(value.length)}.${kept} shorten it and press the button again.`,
    };
  }
  return { ok: true, value };
}

function checkChoice(spec: FieldSpec, v: unknown): FieldResult {
  if (v === undefined || v === null || v === "") return { ok: true, value: "" };
  const choices = spec.choices!;
  if (typeof v !== "string" || !choices.some((c) => c.value === v)) {
    return { ok: false, message: `${spec.label} must be one of the listed choices: ${choices.map((c) => c.title).join(", ")}.` };
  }
  return { ok: true, value: v };
}

function checkMulti(spec: FieldSpec, v: unknown): FieldResult {
  // A multi-select ChoiceSet sends "a,b"; an API client may send an array.
  const items = v === undefined || v === null || v === "" ? [] : typeof v === "string" ? v.split(",") : Array.isArray(v) ? v : null;
  if (items === null || items.some((i) => typeof i !== "string")) return { ok: false, message: `${spec.label} must be a list of choices.` };
  const values = [...new Set((items as string[]).map((s) => s.trim()).filter(Boolean))];
  const choices = spec.choices!;
  if (values.some((s) => !choices.some((c) => c.value === s))) {
    return { ok: false, message: `${spec.label} must be chosen from: ${choices.map((c) => c.title).join(", ")}.` };
  }
  return { ok: true, value: choices.map((c) => c.value).filter((c) => values.includes(c)) };
}

function checkDate(spec: FieldSpec, v: unknown): FieldResult {
  if (v === undefined || v === null || v === "") return { ok: true, value: "" };
  const m = typeof v === "string" ? DATE.exec(v.trim()) : null;
  const problem = `${spec.label} must be a date written YYYY-MM-DD, from 1990 to 2100.`;
  if (!m) return { ok: false, message: problem };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, message: problem };
  return { ok: true, value: m[0] };
}

function checkLinks(spec: FieldSpec, v: unknown): FieldResult {
  if (v === undefined || v === null || v === "") return { ok: true, value: [] };
  const lines = typeof v === "string" ? v.split(/[\r\n]+/) : Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : null;
  if (lines === null) return { ok: false, message: `${spec.label} must be text, one address a line.` };
  const links = lines.map((l) => l.trim()).filter(Boolean);
  const broken = brokenCharacterProblem(spec.label, links.join("\n"));
  if (broken) return { ok: false, message: broken };
  if (links.length > MAX_LINKS) return { ok: false, message: `${spec.label}: at most ${MAX_LINKS} addresses, this has ${links.length}.` };
  for (const [i, link] of links.entries()) {
    if (link.length > spec.limit!)
      return { ok: false, message: `${spec.label}: each address at most ${units(spec.limit!)} characters; address ${i + 1} has ${units(link.length)}.` };
    let url: URL | undefined;
    try {
      url = new URL(link);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== "https:" || !url.hostname.includes(".") || /[\s<>"]/.test(link) || url.username || url.password) {
      return { ok: false, message: `${spec.label}: address ${i + 1} is not an https address (it must start with https:// and name a web site).` };
    }
  }
  return { ok: true, value: links };
}

function checkConfirm(spec: FieldSpec, v: unknown): FieldResult {
  if (v === true || v === "true") return { ok: true, value: true };
  if (v === false || v === "false" || v === undefined || v === null || v === "") return { ok: true, value: false };
  return { ok: false, message: `${spec.label} must be ticked to confirm, or left unticked.` };
}

const CHECKS: Record<FieldSpec["kind"], (spec: FieldSpec, v: unknown) => FieldResult> = {
  text: checkText,
  longtext: checkText,
  choice: checkChoice,
  multi: checkMulti,
  date: checkDate,
  links: checkLinks,
  confirm: checkConfirm,
};

function isEmpty(value: unknown): boolean {
  return value === "" || value === false || (Array.isArray(value) && value.length === 0);
}

function missingMessage(spec: FieldSpec): string {
  if (spec.id === "noPersonalData") return "Please confirm the entry holds no personal data about children or families.";
  return `${spec.label} is required.`;
}

function inputOf(raw: unknown): Record<string, unknown> {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/**
 * Checks the listed fields as a card (or anyone forging one) sent them: a missing field counts as
 * empty. Only the listed fields are read, so unknown fields, `__proto__` and friends are dropped.
 */
export function checkFields(raw: unknown, specs: readonly FieldSpec[], options: { requireAll: boolean }): Checked<Record<string, unknown>> {
  const input = inputOf(raw);
  const value: Record<string, unknown> = Object.create(null);
  const errors: FieldError[] = [];
  for (const spec of specs) {
    const v = Object.prototype.hasOwnProperty.call(input, spec.id) ? input[spec.id] : undefined;
    const result = CHECKS[spec.kind](spec, v);
    if (!result.ok) errors.push({ field: spec.id, message: result.message });
    else if (options.requireAll && spec.required && isEmpty(result.value)) errors.push({ field: spec.id, message: missingMessage(spec) });
    else value[spec.id] = result.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...value } };
}

/** The inputs of one step (0-based): types, choices and limits checked; required fields only if asked. */
export function checkStepInputs(raw: unknown, step: number, requireAll = false): Checked<Record<string, unknown>> {
  return checkFields(raw, STEPS[step]!.fields, { requireAll });
}

/** A whole proforma, as a submit needs it: every required field present, every field within its limit. */
export function checkProformaContent(raw: unknown): Checked<ProformaContent & ProformaDetails> {
  const result = checkFields(raw, ALL_FIELDS, { requireAll: true });
  if (!result.ok) return result;
  return { ok: true, value: fullContent(result.value as unknown as ProformaContent) };
}

/** The fields still missing before a stored draft can be submitted. */
export function missingForSubmit(content: ProformaContent): FieldError[] {
  const record = content as unknown as Record<string, unknown>;
  return ALL_FIELDS.filter((f) => f.required && (record[f.id] === undefined || isEmpty(record[f.id]))).map((f) => ({
    field: f.id,
    message: missingMessage(f),
  }));
}

export function checkSubmissionId(raw: unknown): Checked<string> {
  const id = inputOf(raw).submissionId;
  if (!isSubmissionId(id))
    return { ok: false, errors: [{ field: "submissionId", message: "This card is not one the bot made: open a new proforma with the command proforma." }] };
  return { ok: true, value: id };
}

/**
 * How much of a field a card takes in and shows back: well past its limit, so the client never cuts
 * typing at the limit without a word (Teams stops at an input's maxLength and cuts a paste silently);
 * the server refuses what is over the limit, names it, and the card shows what was typed.
 */
export function typingBound(spec: FieldSpec): number {
  return Math.min((spec.limit ?? 300) * (spec.kind === "links" ? MAX_LINKS + 1 : 1) + 200, 6000);
}

/**
 * What a person typed, kept as typed (up to a bound) so an error card can show it again; a broken
 * character (a lone surrogate) shows as "\uFFFD", so the card stays well-formed and within its weight.
 */
export function keptInputs(raw: unknown): Record<string, string> {
  const input = inputOf(raw);
  const kept: Record<string, string> = {};
  for (const spec of ALL_FIELDS) {
    const v = Object.prototype.hasOwnProperty.call(input, spec.id) ? input[spec.id] : undefined;
    const bound = typingBound(spec);
    if (typeof v === "string") kept[spec.id] = wellFormed(cutText(withoutControlCharacters(v), bound));
    else if (typeof v === "boolean") kept[spec.id] = String(v);
    else if (Array.isArray(v)) kept[spec.id] = wellFormed(cutText(v.filter((x) => typeof x === "string").join(spec.kind === "links" ? "\n" : ","), bound));
  }
  return kept;
}
