import type { ProformaDeps } from "./proforma-deps";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import { askDeleteDraft, confirmDeleteDraft, myProformas, newProforma, openProforma } from "./proforma-drafts";
import { publishProforma, returnProforma, withdrawProforma } from "./review-proforma";
import { reviewQueue } from "./review-queue";
import { saveProformaStep } from "./save-proforma";
import { openForEditing, proformaHistory, viewProforma } from "./view-proforma";

export { myProformas, openProforma } from "./proforma-drafts";

/** The proforma's commands and card verbs, in Teams' words but free of any Teams SDK. */
export const reviewProformas: CommandHandler<ProformaDeps> = (ctx, turn) => reviewQueue(ctx, turn);

export const submitProformaVerb: VerbHandler<ProformaDeps> = (ctx, turn, data) => saveProformaStep(ctx, turn, data, "submit");

/** Every proforma verb; src/commands.ts lists them once. */
export const PROFORMA_VERBS = {
  "proforma.open": ((ctx, turn) => openProforma(ctx, turn, "")) as VerbHandler<ProformaDeps>,
  "proforma.new": newProforma,
  "proforma.mine": ((ctx, turn) => myProformas(ctx, turn, "")) as VerbHandler<ProformaDeps>,
  "proforma.delete": askDeleteDraft,
  "proforma.delete.confirm": confirmDeleteDraft,
  "proforma.submit": submitProformaVerb,
  "proforma.draft": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "draft")) as VerbHandler<ProformaDeps>,
  "proforma.step": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "step")) as VerbHandler<ProformaDeps>,
  "proforma.save": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "save")) as VerbHandler<ProformaDeps>,
  "proforma.view": viewProforma as VerbHandler<ProformaDeps>,
  "proforma.edit": openForEditing as VerbHandler<ProformaDeps>,
  "proforma.resume": openForEditing as VerbHandler<ProformaDeps>,
  "proforma.history": proformaHistory as VerbHandler<ProformaDeps>,
  "proforma.publish": publishProforma as VerbHandler<ProformaDeps>,
  "proforma.return": returnProforma as VerbHandler<ProformaDeps>,
  "proforma.withdraw": withdrawProforma as VerbHandler<ProformaDeps>,
  "proforma.review": ((ctx, turn) => reviewQueue(ctx, turn)) as VerbHandler<ProformaDeps>,
};
