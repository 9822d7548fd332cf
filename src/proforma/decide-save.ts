import type { Actor } from "../domain/actor";
import type { Proforma, ProformaContent, ProformaStatus } from "./proforma";
import { assertCanShareFor, canPublish } from "./proforma-access";
import { changedFields } from "./proforma-diff";
import type { VersionAction } from "./proforma-version";
import { missingForSubmit, type FieldError } from "./validate-proforma";

/** What the pressed button asks for: keep a draft, move to another step, submit, or save an edit. */
export type SaveIntent = "draft" | "step" | "submit" | "save";

export interface SaveRequest {
  intent: SaveIntent;
  actor: Actor;
  /** The stored record the card was opened on, if any (its rights already checked). */
  before?: Proforma;
  /** The stored content with the card's checked inputs laid over it. */
  content: ProformaContent;
}

/**
 * What a save should do, decided without storage:
 * - `invalid`: nothing is written; the form shows these errors;
 * - `unchanged`: nothing differs from the stored record, so nothing is written;
 * - `write`: the record moves to `status` and a version row records `action`.
 * `missing` lists what a submit still needs (the draft is kept and the form says what to add).
 */
export type SaveDecision =
  | { kind: "invalid"; errors: FieldError[] }
  | { kind: "unchanged"; missing: FieldError[] }
  | { kind: "write"; status: ProformaStatus; action: VersionAction; changed: string[]; missing: FieldError[] };

export function decideSave(request: SaveRequest): SaveDecision {
  const { intent, actor, before, content } = request;
  if (before && content.borough !== before.borough) {
    return invalid("borough", "Borough cannot change once the proforma is saved. Start a new proforma for another borough.");
  }
  if (!content.borough) return invalid("borough", "Borough is required, even to save a draft: choose the borough this initiative belongs to.");
  assertCanShareFor(actor, content.borough);

  const submitting = intent === "submit";
  const shared = before !== undefined && before.status !== "draft" && before.status !== "returned";
  const missing = submitting || shared ? missingForSubmit(content) : [];
  // A new card that cannot be submitted stores nothing; a shared entry may not lose a required field.
  if (missing.length > 0 && (!submitting || !before)) return { kind: "invalid", errors: missing };

  const status = nextStatus(before, actor, submitting && missing.length === 0);
  const changed = changedFields(before, content);
  if (before && changed.length === 0 && status === before.status) return { kind: "unchanged", missing };
  return { kind: "write", status, action: versionAction(before, status), changed, missing };
}

function invalid(field: string, message: string): SaveDecision {
  return { kind: "invalid", errors: [{ field, message }] };
}

function nextStatus(before: Proforma | undefined, actor: Actor, submitting: boolean): ProformaStatus {
  if (!before) return submitting ? "submitted" : "draft";
  if (before.status === "draft" || before.status === "returned") return submitting ? "submitted" : before.status;
  // An edit of a published entry goes back to LIIA for review, unless whoever edits could publish it.
  if (before.status === "published" && !canPublish(actor, { status: "submitted" })) return "submitted";
  return before.status;
}

function versionAction(before: Proforma | undefined, status: ProformaStatus): VersionAction {
  if (status === "draft" || status === "returned") return "draft";
  if (!before || before.status === "draft" || before.status === "returned") return "submitted";
  return "edited";
}
