import type { Turn } from "../domain/conversation";
import { newId } from "../domain/ids";
import type { AppContext, CommandHandler, VerbHandler } from "../app-context";
import { myProformasCard, proformaConfirmationCard, proformaFormCard } from "./proforma-cards";
import { submitProforma } from "./submit-proforma";
import { keptInputs } from "./validate-proforma";

/** The proforma's commands and card verbs, in Teams' words but free of any Teams SDK. */
export const openProforma: CommandHandler = async (ctx: AppContext) => proformaFormCard({ submissionId: newId(ctx.now().getTime()) });

export const myProformas: CommandHandler = async (ctx: AppContext, turn: Turn) => myProformasCard(await ctx.proformas.listByAuthor(turn.actor.id));

export const submitProformaVerb: VerbHandler = async (ctx: AppContext, turn: Turn, data: unknown) => {
  const result = await submitProforma({ proformas: ctx.proformas, now: ctx.now }, turn.actor, data);
  if (result.outcome === "invalid") {
    const submissionId = (data as { submissionId?: unknown })?.submissionId;
    return proformaFormCard({
      // A card without a server-made id gets a fresh one, so correcting it can still be saved.
      submissionId: typeof submissionId === "string" && result.errors.every((e) => e.field !== "submissionId") ? submissionId : newId(ctx.now().getTime()),
      values: keptInputs(data),
      errors: result.errors,
    });
  }
  ctx.logger.info({ event: result.outcome === "stored" ? "proforma.stored" : "proforma.duplicate", id: result.proforma.id, borough: result.proforma.borough }, "proforma submit");
  return proformaConfirmationCard(result.proforma, result.outcome === "stored");
};
