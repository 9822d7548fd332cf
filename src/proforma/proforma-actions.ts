import type { Turn } from "../domain/conversation";
import { newId } from "../domain/ids";
import type { AppContext, CommandHandler, VerbHandler } from "../app-context";
import { myProformasCard, proformaFormCard } from "./proforma-cards";
import { assertCanFile } from "./proforma-access";
import { publishProforma, returnProforma, withdrawProforma } from "./review-proforma";
import { reviewQueue } from "./review-queue";
import { saveProformaStep } from "./save-proforma";
import { openForEditing, proformaHistory, viewProforma } from "./view-proforma";

/** The proforma's commands and card verbs, in Teams' words but free of any Teams SDK. */
export const openProforma: CommandHandler = async (ctx: AppContext, turn: Turn) => {
  assertCanFile(turn.actor);
  return proformaFormCard({ submissionId: newId(ctx.now().getTime()), step: 0, values: { borough: turn.actor.borough ?? "" } });
};

export const myProformas: CommandHandler = async (ctx: AppContext, turn: Turn) => myProformasCard(await ctx.proformas.listByAuthor(turn.actor.id));

export const reviewProformas: CommandHandler = (ctx, turn) => reviewQueue(ctx, turn);

export const submitProformaVerb: VerbHandler = (ctx, turn, data) => saveProformaStep(ctx, turn, data, "submit");

/** Every proforma verb; src/commands.ts lists them once. */
export const PROFORMA_VERBS = {
  "proforma.open": ((ctx, turn) => openProforma(ctx, turn, "")) as VerbHandler,
  "proforma.submit": submitProformaVerb,
  "proforma.draft": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "draft")) as VerbHandler,
  "proforma.step": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "step")) as VerbHandler,
  "proforma.save": ((ctx, turn, data) => saveProformaStep(ctx, turn, data, "save")) as VerbHandler,
  "proforma.view": viewProforma as VerbHandler,
  "proforma.edit": openForEditing as VerbHandler,
  "proforma.resume": openForEditing as VerbHandler,
  "proforma.history": proformaHistory as VerbHandler,
  "proforma.publish": publishProforma as VerbHandler,
  "proforma.return": returnProforma as VerbHandler,
  "proforma.withdraw": withdrawProforma as VerbHandler,
  "proforma.review": ((ctx, turn) => reviewQueue(ctx, turn)) as VerbHandler,
};
