import type { ProformaDeps } from "./proforma-deps";
import type { AdaptiveCard } from "../cards/render-card";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { LIBRARY_SCOPES, type Proforma, type ProformaStatus, type StoredProforma } from "./proforma";
import { assertCanEdit, canPublish } from "./proforma-access";
import { assertCoordinator } from "../domain/actor";
import { COMMENT_LIMIT } from "./proforma-entry-card";
import { nextNumbers, type VersionAction } from "./proforma-version";
import { persistChange } from "./persist-proforma";
import type { ProformaVerbData } from "./proforma-verbs";
import { entryCardFor, loadFromCard, staleCard } from "./view-proforma";
import { brokenCharacterProblem, cleanTypedText } from "../domain/typed-text";

type Decision = "published" | "returned" | "withdrawn";

function commentOf(v: ProformaVerbData<"proforma.return">["reviewComment"]): string {
  if (typeof v !== "string") throw new HubError("invalid-input", "Comment must be text.");
  const comment = cleanTypedText(v);
  const broken = brokenCharacterProblem("Comment", comment);
  if (broken) throw new HubError("invalid-input", broken);
  if (!comment) throw new HubError("invalid-input", "Comment is required: tell the borough what to change before it is shared.");
  if (comment.length > COMMENT_LIMIT)
    throw new HubError(
      "invalid-input",
      `Comment is too long: at most ${COMMENT_LIMIT.toLocaleString("en-GB")} characters, this has ${comment.length.toLocaleString("en-GB")}.`,
    );
  return comment;
}

/** Writes a status change with the card's ETag; a stale card changes nothing and sees the current version. */
async function decide(
  ctx: ProformaDeps,
  turn: Turn,
  stored: StoredProforma,
  cardEtag: string | undefined,
  status: Decision,
  comment: string,
): Promise<{ card: AdaptiveCard } | { saved: StoredProforma }> {
  if (cardEtag !== stored.etag) return { card: await staleCard(ctx, turn, stored) };
  const now = ctx.now().toISOString();
  const before = stored.proforma;
  const action: VersionAction = status;
  const next: Proforma = {
    ...before,
    status,
    updatedAt: now,
    ...nextNumbers(before, action),
    reviewComment: status === "returned" ? comment : "",
    publishedAt: status === "published" ? now : status === "withdrawn" ? "" : (before.publishedAt ?? ""),
  };
  const result = await persistChange(ctx, turn.actor, next, stored, { action, changed: [], comment });
  if ("saved" in result) return { saved: result.saved };
  return { card: await staleCard(ctx, turn, "stale" in result ? result.stale : result.existing) };
}

function requireStatus(p: Proforma, allowed: readonly ProformaStatus[], what: string): void {
  if (!allowed.includes(p.status)) throw new HubError("conflict", `This proforma is ${p.status}, so it cannot be ${what}.`);
}

/** `proforma.publish` (coordinators): into the library if consent reaches beyond East London. */
export async function publishProforma(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.publish">): Promise<AdaptiveCard> {
  assertCoordinator(turn.actor, "publish proformas");
  const stored = await loadFromCard(ctx, data);
  if (!canPublish(turn.actor, stored.proforma)) requireStatus(stored.proforma, ["submitted"], "published");
  const result = await decide(ctx, turn, stored, data.etag, "published", "");
  if ("card" in result) return result.card;
  const inLibrary = LIBRARY_SCOPES.includes(result.saved.proforma.consentScope);
  const where =
    result.saved.proforma.consentScope === "public"
      ? "It is in the LIIA library and the website export."
      : inLibrary
        ? "It is in the LIIA library (not the public website)."
        : "Its consent covers the eight East London boroughs only, so it stays out of the LIIA library.";
  return entryCardFor(ctx, turn, result.saved, 0, { heading: "Published", text: where, color: "Good" });
}

/** `proforma.return` (coordinators): back to the author with a comment. */
export async function returnProforma(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.return">): Promise<AdaptiveCard> {
  assertCoordinator(turn.actor, "return proformas");
  const comment = commentOf(data.reviewComment);
  const stored = await loadFromCard(ctx, data);
  requireStatus(stored.proforma, ["submitted", "published"], "returned");
  const result = await decide(ctx, turn, stored, data.etag, "returned", comment);
  if ("card" in result) return result.card;
  return entryCardFor(ctx, turn, result.saved, 0, { heading: "Returned", text: "The author sees your comment and can submit it again.", color: "Good" });
}

/** `proforma.withdraw` (author or coordinator): out of the library and exports; the history stays. */
export async function withdrawProforma(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.withdraw">): Promise<AdaptiveCard> {
  const stored = await loadFromCard(ctx, data);
  assertCanEdit(turn.actor, stored.proforma);
  requireStatus(stored.proforma, ["submitted", "published", "returned"], "withdrawn");
  const result = await decide(ctx, turn, stored, data.etag, "withdrawn", "");
  if ("card" in result) return result.card;
  return entryCardFor(ctx, turn, result.saved, 0, { heading: "Withdrawn", text: "It is no longer shared; its history is kept.", color: "Good" });
}
