import type { AppContext } from "../app-context";
import { isCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { isBoroughCode } from "../domain/boroughs";
import { HubError, isHubError } from "../domain/errors";
import { newId } from "../domain/ids";
import type { AdaptiveCard } from "../cards/render-card";
import { EMPTY_DETAILS, fullContent, type Proforma, type ProformaStatus, type StoredProforma } from "./proforma";
import { assertCanEdit, assertCanShareFor } from "./proforma-access";
import { formValues, proformaConfirmationCard, proformaFormCard, type FormState } from "./proforma-cards";
import { changedFields } from "./proforma-diff";
import { recordProformaEvent } from "./proforma-feed";
import { STEPS, stepOfField } from "./proforma-fields";
import type { VersionAction } from "./proforma-version";
import { entryCardFor, staleCard } from "./view-proforma";
import { checkStepInputs, checkSubmissionId, keptInputs, missingForSubmit, type FieldError } from "./validate-proforma";
import { recordCirculationResponse } from "../circulation/record-response";

/** What the pressed button asks for: keep a draft, move to another step, submit, or save an edit. */
export type SaveIntent = "draft" | "step" | "submit" | "save";

interface CardState {
  id: string;
  step: number;
  goto: number;
  entryBorough?: string;
  etag?: string;
}

function readState(data: Record<string, unknown>, id: string): CardState {
  const int = (v: unknown, fallback: number) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < STEPS.length ? v : fallback);
  const step = int(data.step, 0);
  return {
    id,
    step,
    goto: int(data.goto, step),
    entryBorough: isBoroughCode(data.entryBorough) ? data.entryBorough : undefined,
    etag: typeof data.etag === "string" && data.etag.length <= 200 ? data.etag : undefined,
  };
}

function modeOf(status: ProformaStatus | undefined): FormState["mode"] {
  return status === "submitted" || status === "published" ? "edit" : status === "returned" ? "returned" : "draft";
}

function formFor(
  state: CardState,
  stored: StoredProforma | undefined,
  step: number,
  values: Record<string, string>,
  errors: FieldError[] = [],
  note = "",
): AdaptiveCard {
  return proformaFormCard({
    submissionId: state.id,
    entryBorough: stored?.proforma.borough,
    etag: stored?.etag,
    step,
    mode: modeOf(stored?.proforma.status),
    values,
    errors,
    note,
  });
}

function londonTime(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(at);
}

/**
 * Saves what one step of the proforma card holds, for any button on it: the step's inputs are checked
 * (types, choices, limits) before anything is written, merged into the stored draft or entry, and
 * written with the ETag the card was opened at, so a stale card changes nothing. Every write keeps a
 * version; submits and edits of shared entries write a feed row.
 */
export async function saveProformaStep(ctx: AppContext, turn: Turn, raw: unknown, intent: SaveIntent): Promise<AdaptiveCard> {
  const data = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const id = checkSubmissionId(data);
  // Submitting from the first step (which holds every required field) checks that nothing is missing too.
  const step0 = readState(data, "").step;
  const inputs = checkStepInputs(data, step0, intent === "submit" && step0 === 0);
  if (!id.ok) {
    // A card without a server-made id gets a fresh one, so correcting it can still be saved.
    const errors = [...id.errors, ...(inputs.ok ? [] : inputs.errors)];
    return proformaFormCard({ submissionId: newId(ctx.now().getTime()), values: keptInputs(data), errors });
  }
  const state = readState(data, id.value);
  const stored = state.entryBorough ? await ctx.proformas.read(state.entryBorough, state.id) : undefined;
  if (state.entryBorough && !stored) throw new HubError("not-found", "This proforma is no longer stored. Type my proformas to see yours.");
  if (stored) {
    assertCanEdit(turn.actor, stored.proforma);
    if (state.etag !== stored.etag) return staleCard(ctx, turn, stored);
  }
  const typed = { ...(stored ? formValues(stored.proforma) : {}), ...keptInputs(data) };
  if (!inputs.ok) return formFor(state, stored, state.step, typed, inputs.errors);

  const before = stored?.proforma;
  const content = {
    ...fullContent(
      before ?? {
        ...EMPTY_DETAILS,
        title: "",
        borough: "",
        outcomeAreas: [],
        summary: "",
        impact: "",
        contactName: "",
        consentScope: "",
        noPersonalData: false,
      },
    ),
    ...inputs.value,
  } as Proforma;
  if (before && content.borough !== before.borough) {
    return formFor(state, stored, state.step, typed, [
      { field: "borough", message: "Borough cannot change once the proforma is saved. Start a new proforma for another borough." },
    ]);
  }
  if (!content.borough)
    return formFor(state, stored, state.step, typed, [
      { field: "borough", message: "Borough is required, even to save a draft: choose the borough this initiative belongs to." },
    ]);
  assertCanShareFor(turn.actor, content.borough);

  const submitting = intent === "submit";
  const shared = before !== undefined && before.status !== "draft" && before.status !== "returned";
  const missing = submitting || shared ? missingForSubmit(content) : [];
  if (missing.length > 0 && (!submitting || !stored)) {
    // A new card that cannot be submitted stores nothing; a shared entry may not lose a required field.
    const step = stepOfField(missing[0]!.field);
    return formFor(state, stored, step === state.step ? step : state.step, typed, missing);
  }

  const status = nextStatus(before, turn, submitting && missing.length === 0);
  const changed = changedFields(before, content);
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  let saved: Proforma = stored?.proforma ?? content;
  let etag = stored?.etag ?? "";
  if (!before || changed.length > 0 || status !== before.status) {
    const next: Proforma = {
      ...content,
      id: state.id,
      status,
      authorId: before?.authorId ?? turn.actor.id,
      authorName: before?.authorName ?? turn.actor.name,
      tenantId: before?.tenantId ?? turn.actor.tenantId,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      version: (before?.version ?? 0) + 1,
      demo: before?.demo ?? false,
      reviewComment: status === "returned" ? (before?.reviewComment ?? "") : "",
      publishedAt: status === "published" ? (before?.publishedAt ?? "") : "",
    };
    if (!stored) {
      const result = await ctx.proformas.create(next);
      if (!result.created) {
        // A retried or double-clicked first submit: the stored record stands and counts once. The
        // retry also completes what the first attempt may not have finished (its version and feed
        // rows, keyed by version, so writing them again changes nothing).
        await keepVersion(ctx, turn, result.proforma, versionAction(undefined, result.proforma.status), []);
        if (result.proforma.status !== "draft" && submitting) return proformaConfirmationCard(result.proforma, false);
        return staleCard(ctx, turn, { proforma: result.proforma, etag: result.etag });
      }
      etag = result.etag;
    } else {
      try {
        etag = await ctx.proformas.replace(next, stored.etag);
      } catch (error) {
        if (!isHubError(error, "changed-since-opened")) throw error;
        const current = await ctx.proformas.read(stored.proforma.borough, stored.proforma.id);
        if (!current) throw new HubError("not-found", "This proforma is no longer stored.");
        return staleCard(ctx, turn, current);
      }
    }
    saved = next;
    await keepVersion(ctx, turn, saved, versionAction(before, status), changed);
  }

  const after: StoredProforma = { proforma: saved, etag };
  if (submitting && missing.length > 0) {
    const step = stepOfField(missing[0]!.field);
    return formFor(state, after, step, formValues(saved), missing, "Your draft is saved; these fields are needed before it can be submitted.");
  }
  if (submitting) return proformaConfirmationCard(saved, true);
  if (intent === "save") {
    return entryCardFor(ctx, turn, after, state.step, {
      heading: "Changes saved",
      text: changed.length ? "Your changes are saved and kept as a new version." : "Nothing had changed, so nothing new was saved.",
      color: "Good",
    });
  }
  const note = intent === "draft" ? `Draft saved at ${londonTime(nowDate)}. Type my proformas to come back to it.` : "";
  const step = intent === "step" ? state.goto : state.step;
  return formFor(state, after, step, formValues(saved), [], note);
}

function nextStatus(before: Proforma | undefined, turn: Turn, submitting: boolean): ProformaStatus {
  if (!before) return submitting ? "submitted" : "draft";
  if (before.status === "draft" || before.status === "returned") return submitting ? "submitted" : before.status;
  // An author's edit of a published entry goes back to LIIA for review; a coordinator's stays published.
  if (before.status === "published" && !isCoordinator(turn.actor)) return "submitted";
  return before.status;
}

function versionAction(before: Proforma | undefined, status: ProformaStatus): VersionAction {
  if (status === "draft" || status === "returned") return "draft";
  if (!before || before.status === "draft" || before.status === "returned") return "submitted";
  return "edited";
}

/** Keeps the author index and the version and, for a submit or an edit of a shared entry, writes the feed row. */
export async function keepVersion(ctx: AppContext, turn: Turn, p: Proforma, action: VersionAction, changed: string[], comment = ""): Promise<void> {
  // After the record itself, its author index, version, feed row and circulation response do not
  // depend on each other: write them side by side. If any fails the save is reported as not done, and
  // the retry (same keys) completes it.
  const version = ctx.proformas.addVersion({
    proformaId: p.id,
    version: p.version,
    action,
    at: p.updatedAt,
    actorId: turn.actor.id,
    actorName: turn.actor.name,
    changed,
    comment,
    status: p.status,
    content: fullContent(p),
  });
  const feed =
    action !== "draft" ? recordProformaEvent(ctx, `proforma.${action}`, p, turn.actor, comment ? { comment: comment.slice(0, 500) } : {}) : Promise.resolve();
  await Promise.all([ctx.proformas.index(p), version, feed, recordCirculationResponse(ctx.circulations, p)]);
  ctx.logger.info({ event: `proforma.${action}`, id: p.id, borough: p.borough, version: p.version }, "proforma saved");
}
