import type { ProformaDeps } from "./proforma-deps";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { newId } from "../domain/ids";
import type { AdaptiveCard } from "../cards/render-card";
import { EMPTY_DETAILS, fullContent, type Proforma, type ProformaContent, type ProformaStatus, type StoredProforma } from "./proforma";
import { assertCanEdit, assertCanFile, canEdit } from "./proforma-access";
import { formValues, proformaConfirmationCard, proformaFormCard, type FormState } from "./proforma-cards";
import { STEPS, stepOfField } from "./proforma-fields";
import { nextNumbers } from "./proforma-version";
import { decideSave, type SaveDecision, type SaveIntent } from "./decide-save";
import { persistChange } from "./persist-proforma";
import type { SaveCardState } from "./save-card-data";
import type { ProformaVerbData } from "./proforma-verbs";
import { entryCardFor, staleCard } from "./view-proforma";
import { checkStepInputs, checkSubmissionId, keptInputs, type FieldError } from "./validate-proforma";

export type { SaveIntent } from "./decide-save";

const NO_CONTENT: ProformaContent = {
  ...EMPTY_DETAILS,
  title: "",
  borough: "",
  outcomeAreas: [],
  summary: "",
  impact: "",
  contactName: "",
  consentScope: "",
  noPersonalData: false,
};

/**
 * Saves what one step of the proforma card holds, for any button on it, as parse → decide → persist →
 * answer. The step's inputs are checked (types, choices, limits) before anything is read or written;
 * the stored record the card names is read and the caller's right to it checked before anything of it
 * is shown or changed; `decideSave` decides the next status and version without storage; the change is
 * written in one transaction with the ETag the card was opened at, so a stale or replayed card
 * changes nothing and says so.
 */
export async function saveProformaStep(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.save">, intent: SaveIntent): Promise<AdaptiveCard> {
  const { card, raw } = data;
  // Submitting from the first step (which holds every required field) checks that nothing is missing too.
  const inputs = checkStepInputs(raw, card.step, intent === "submit" && card.step === 0);
  if (!card.id) {
    // A card without a server-made id gets a fresh one, so correcting it can still be saved.
    const idErrors = checkSubmissionId(raw);
    const errors = [...(idErrors.ok ? [] : idErrors.errors), ...(inputs.ok ? [] : inputs.errors)];
    return proformaFormCard({ submissionId: newId(ctx.now().getTime()), values: keptInputs(raw), errors });
  }
  assertCanFile(turn.actor);
  const stored = await storedFor(ctx, turn, card);
  if (stored && card.etag !== stored.etag) return staleCard(ctx, turn, stored);
  const typed = { ...(stored ? formValues(stored.proforma) : {}), ...keptInputs(raw) };
  if (!inputs.ok) return formFor(card, stored, card.step, typed, inputs.errors);

  const content = { ...fullContent(stored?.proforma ?? NO_CONTENT), ...inputs.value } as ProformaContent;
  const decision = decideSave({ intent, actor: turn.actor, before: stored?.proforma, content });
  if (decision.kind === "invalid") return formFor(card, stored, card.step, typed, decision.errors);

  let after = stored;
  const shownStep = stepShown(intent, card, decision);
  if (decision.kind === "write") {
    const next = nextRecord(ctx, turn, card.id, stored?.proforma, content, decision);
    const result = await persistChange(ctx, turn.actor, next, stored, { ...decision, step: shownStep });
    if ("stale" in result) return staleCard(ctx, turn, result.stale);
    if ("existing" in result) return answerReplay(ctx, turn, intent, result.existing);
    after = result.saved;
  } else if (stored && stored.proforma.authorId === turn.actor.id && (intent === "step" || intent === "draft")) {
    // Nothing changed but the step: the author's line still says where they stopped.
    await ctx.proformas.markStep(stored.proforma.borough, stored.proforma.authorId, stored.proforma.id, shownStep);
  }
  return answer(ctx, turn, intent, card, after!, decision);
}

/** The step the form shows after this press: where the person stopped, if they leave now. */
function stepShown(intent: SaveIntent, card: SaveCardState, decision: SaveDecision): number {
  if (intent === "step") return card.goto;
  if (intent === "submit") return decision.kind !== "invalid" && decision.missing.length > 0 ? stepOfField(decision.missing[0]!.field) : 0;
  return card.step;
}

/** The record the card says it was opened on, once the caller's right to change it is checked. */
async function storedFor(ctx: ProformaDeps, turn: Turn, card: SaveCardState): Promise<StoredProforma | undefined> {
  if (!card.entryBorough) return undefined;
  const stored = await ctx.proformas.read(card.entryBorough, card.id!);
  if (!stored) throw new HubError("not-found", "This proforma is no longer stored. Type my proformas to see yours.");
  assertCanEdit(turn.actor, stored.proforma);
  return stored;
}

function nextRecord(
  ctx: ProformaDeps,
  turn: Turn,
  id: string,
  before: Proforma | undefined,
  content: ProformaContent,
  decision: Extract<SaveDecision, { kind: "write" }>,
): Proforma {
  const now = ctx.now().toISOString();
  const { status } = decision;
  return {
    ...fullContent(content),
    id,
    status,
    authorId: before?.authorId ?? turn.actor.id,
    authorName: before?.authorName ?? turn.actor.name,
    tenantId: before?.tenantId ?? turn.actor.tenantId,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    ...nextNumbers(before, decision.action),
    demo: before?.demo ?? false,
    reviewComment: status === "returned" ? (before?.reviewComment ?? "") : "",
    publishedAt: status === "published" ? (before?.publishedAt ?? "") : "",
  };
}

/**
 * A card without a stored borough whose id is stored already: a retried, double-clicked or replayed
 * first save. Nothing was written. Only someone who may change that record learns anything of it.
 */
function answerReplay(ctx: ProformaDeps, turn: Turn, intent: SaveIntent, existing: StoredProforma): Promise<AdaptiveCard> | AdaptiveCard {
  if (!canEdit(turn.actor, existing.proforma)) {
    ctx.logger.info({ event: "proforma.replay-refused", id: existing.proforma.id }, "a card named a proforma the caller may not change");
    throw new HubError("forbidden", "This card's reference belongs to a proforma you cannot change, so nothing was saved. Type proforma to start a new one.");
  }
  ctx.logger.info({ event: "proforma.replay", id: existing.proforma.id, version: existing.proforma.version }, "replayed card changed nothing");
  if (intent === "submit" && existing.proforma.status !== "draft") return proformaConfirmationCard(existing.proforma, false);
  return staleCard(ctx, turn, existing);
}

function answer(
  ctx: ProformaDeps,
  turn: Turn,
  intent: SaveIntent,
  card: SaveCardState,
  after: StoredProforma,
  decision: SaveDecision,
): Promise<AdaptiveCard> | AdaptiveCard {
  const saved = after.proforma;
  const missing = decision.kind === "invalid" ? [] : decision.missing;
  if (intent === "submit" && missing.length > 0) {
    const step = stepOfField(missing[0]!.field);
    return formFor(card, after, step, formValues(saved), missing, "Your draft is saved; these fields are needed before it can be submitted.");
  }
  if (intent === "submit") return proformaConfirmationCard(saved, true);
  if (intent === "save") {
    return entryCardFor(ctx, turn, after, card.step, {
      heading: "Changes saved",
      text: decision.kind === "write" ? "Your changes are saved and kept as a new version." : "Nothing had changed, so nothing new was saved.",
      color: "Good",
    });
  }
  const note = intent === "draft" ? `Draft saved at ${londonTime(ctx.now())}. Type my proformas to come back to it.` : "";
  return formFor(card, after, intent === "step" ? card.goto : card.step, formValues(saved), [], note);
}

function modeOf(status: ProformaStatus | undefined): FormState["mode"] {
  return status === "submitted" || status === "published" ? "edit" : status === "returned" ? "returned" : "draft";
}

function formFor(
  card: SaveCardState,
  stored: StoredProforma | undefined,
  step: number,
  values: Record<string, string>,
  errors: FieldError[] = [],
  note = "",
): AdaptiveCard {
  return proformaFormCard({
    submissionId: card.id!,
    entryBorough: stored?.proforma.borough,
    etag: stored?.etag,
    step: Math.min(step, STEPS.length - 1),
    mode: modeOf(stored?.proforma.status),
    values,
    errors,
    note,
  });
}

function londonTime(at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(at);
}
