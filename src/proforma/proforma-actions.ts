import type { ProformaDeps } from "./proforma-deps";
import type { CommandHandler } from "../domain/handlers";
import { bindVerbs } from "../domain/verbs";
import { PROFORMA_VERB_DATA } from "./proforma-verbs";
import { askDeleteDraft, confirmDeleteDraft, myProformas, newProforma, openProforma } from "./proforma-drafts";
import { publishProforma, returnProforma, withdrawProforma } from "./review-proforma";
import { reviewQueue } from "./review-queue";
import { saveProformaStep } from "./save-proforma";
import { openForEditing, proformaHistory, viewProforma } from "./view-proforma";

export { myProformas, openProforma } from "./proforma-drafts";

/** The proforma's commands and card verbs, in Teams' words but free of any Teams SDK. */
export const reviewProformas: CommandHandler<ProformaDeps> = (ctx, turn) => reviewQueue(ctx, turn);

/** Every proforma verb, each given its data as its schema parsed it (proforma-verbs.ts); src/commands.ts lists them once. */
export const PROFORMA_VERBS = bindVerbs<ProformaDeps, typeof PROFORMA_VERB_DATA>(PROFORMA_VERB_DATA, {
  "proforma.open": (ctx, turn) => openProforma(ctx, turn, ""),
  "proforma.new": newProforma,
  "proforma.mine": (ctx, turn) => myProformas(ctx, turn, ""),
  "proforma.delete": askDeleteDraft,
  "proforma.delete.confirm": confirmDeleteDraft,
  "proforma.submit": (ctx, turn, data) => saveProformaStep(ctx, turn, data, "submit"),
  "proforma.draft": (ctx, turn, data) => saveProformaStep(ctx, turn, data, "draft"),
  "proforma.step": (ctx, turn, data) => saveProformaStep(ctx, turn, data, "step"),
  "proforma.save": (ctx, turn, data) => saveProformaStep(ctx, turn, data, "save"),
  "proforma.view": viewProforma,
  "proforma.edit": openForEditing,
  "proforma.resume": openForEditing,
  "proforma.history": proformaHistory,
  "proforma.publish": publishProforma,
  "proforma.return": returnProforma,
  "proforma.withdraw": withdrawProforma,
  "proforma.review": (ctx, turn) => reviewQueue(ctx, turn),
});
