import type { Turn } from "../domain/conversation";
import { newId } from "../domain/ids";
import type { ProformaDeps } from "./proforma-deps";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import { myProformasCard, proformaFormCard } from "./proforma-cards";
import { assertCanFile } from "./proforma-access";
import { publishProforma, returnProforma, withdrawProforma } from "./review-proforma";
import { reviewQueue } from "./review-queue";
import { saveProformaStep } from "./save-proforma";
import { openForEditing, proformaHistory, viewProforma } from "./view-proforma";

/** The proforma's commands and card verbs, in Teams' words but free of any Teams SDK. */
export const openProforma: CommandHandler<ProformaDeps> = async (ctx: ProformaDeps, turn: Turn) => {
  assertCanFile(turn.actor);
  return proformaFormCard({ submissionId: newId(ctx.now().getTime()), step: 0, values: { borough: turn.actor.borough ?? "" } });
};

export const myProformas: CommandHandler<ProformaDeps> = async (ctx: ProformaDeps, turn: Turn) =>
  myProformasCard(await ctx.proformas.listByAuthor(turn.actor.id));

export const reviewProformas: CommandHandler<ProformaDeps> = (ctx, turn) => reviewQueue(ctx, turn);

export const submitProformaVerb: VerbHandler<ProformaDeps> = (ctx, turn, data) => saveProformaStep(ctx, turn, data, "submit");

/** Every proforma verb; src/commands.ts lists them once. */
export const PROFORMA_VERBS = {
  "proforma.open": ((ctx, turn) => openProforma(ctx, turn, "")) as VerbHandler<ProformaDeps>,
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
