import type { CommandHandler, VerbHandler } from "../domain/handlers";
import type { ProformaDeps } from "./proforma-deps";
import { recordAudit } from "../audit/record-audit";
import type { AdaptiveCard } from "../cards/render-card";
import { isCoordinator, type Actor } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { newId } from "../domain/ids";
import type { Proforma } from "./proforma";
import { assertCanFile } from "./proforma-access";
import { deleteDraftCard, myProformasCard, proformaFormCard, resumeOfferCard } from "./proforma-cards";
import type { AuthoredEntry } from "./proforma-store";
import { loadFromCard } from "./view-proforma";
import type { ProformaVerbData } from "./proforma-verbs";

/** A person's own drafts, the most recently saved first. */
export function draftsOf(entries: AuthoredEntry[]): AuthoredEntry[] {
  return entries.filter((e) => e.status === "draft").sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/** A blank form at step 1, the borough preset from the person's. */
export function blankForm(ctx: ProformaDeps, actor: Actor): AdaptiveCard {
  return proformaFormCard({ submissionId: newId(ctx.now().getTime()), step: 0, values: { borough: actor.borough ?? "" } });
}

/** `proforma`: with a draft kept, offers to resume the newest where the person stopped, or to start a new one. */
export const openProforma: CommandHandler<ProformaDeps> = async (ctx: ProformaDeps, turn: Turn) => {
  assertCanFile(turn.actor);
  // Staff file for their own borough only: one RowKey range of its partition (coordinators: every borough's).
  const boroughs = isCoordinator(turn.actor) || !turn.actor.borough ? undefined : [turn.actor.borough];
  const drafts = draftsOf(await ctx.proformas.listByAuthor(turn.actor.id, boroughs));
  return drafts.length > 0 ? resumeOfferCard(drafts[0]!, drafts.length - 1) : blankForm(ctx, turn.actor);
};

/** `proforma.new`: a new proforma even though drafts are kept. */
export const newProforma: VerbHandler<ProformaDeps> = async (ctx, turn) => {
  assertCanFile(turn.actor);
  return blankForm(ctx, turn.actor);
};

export const myProformas: CommandHandler<ProformaDeps> = async (ctx: ProformaDeps, turn: Turn) =>
  myProformasCard(await ctx.proformas.listByAuthor(turn.actor.id));

/** Only the author deletes a draft, and only a draft: anything that was ever shared stays on record. */
export function assertCanDeleteDraft(actor: Actor, p: Proforma): void {
  if (p.authorId !== actor.id) throw new HubError("forbidden", "Only the person who wrote a draft can delete it.");
  if (p.status !== "draft") {
    throw new HubError(
      "forbidden",
      "Only a draft can be deleted. This entry was shared with LIIA, so it stays on record: its author or a coordinator can withdraw it instead.",
    );
  }
}

const revision = (p: Proforma) => p.revision ?? p.version;

/** `proforma.delete`: asks first, showing the draft; the answer carries the save (revision) it shows. */
export const askDeleteDraft: VerbHandler<ProformaDeps, ProformaVerbData<"proforma.delete">> = async (ctx, turn, data) => {
  const stored = await loadFromCard(ctx, data);
  assertCanDeleteDraft(turn.actor, stored.proforma);
  return deleteDraftCard(stored.proforma, revision(stored.proforma), data.step);
};

/**
 * `proforma.delete.confirm`: deletes the draft whole (record, author line, versions, response rows)
 * if no save was made since the person was asked (its revision, kept by a failed try), then writes the audit line (one per draft, however
 * often the button is pressed) and shows what is left.
 */
export const confirmDeleteDraft: VerbHandler<ProformaDeps, ProformaVerbData<"proforma.delete.confirm">> = async (ctx, turn, data) => {
  const stored = await loadFromCard(ctx, data);
  assertCanDeleteDraft(turn.actor, stored.proforma);
  const p = stored.proforma;
  if (data.revision !== revision(p)) {
    throw new HubError(
      "changed-since-opened",
      "This draft was saved again after you asked to delete it, so nothing was deleted. Type my proformas to see it as it is now.",
    );
  }
  const { rows } = await ctx.proformas.deleteDraft(stored);
  ctx.logger.info({ event: "proforma.draft-deleted", id: p.id, borough: p.borough, rows }, "draft deleted");
  await recordAudit(ctx, turn.actor, {
    key: `proforma.draft-deleted:${p.id}`,
    action: "proforma.draft-deleted",
    recordId: p.id,
    borough: p.borough,
    detail: `Deleted their own draft (never shared) and its ${rows - 1} kept row(s).`,
  });
  const left = await ctx.proformas.listByAuthor(turn.actor.id);
  return myProformasCard(left, `Draft deleted: ${p.title || "(untitled draft)"}.`);
};
