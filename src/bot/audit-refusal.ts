import { TurnContext, type Activity } from "botbuilder";
import type { BotDeps } from "./bot-deps";
import { recordRefusal } from "../audit/record-refusal";
import type { Routes } from "../domain/handlers";
import type { HubError } from "../domain/errors";
import { isSubmissionId } from "../domain/ids";
import { identityOf } from "./activity-actor";

/** What the activity asked for, from the bot's own lists only (never free text): a verb, a command's words, or "other". */
function whatWasAsked(routes: Routes<never>, activity: Activity): string {
  const value = activity.value as { action?: { verb?: unknown }; verb?: unknown } | undefined;
  const verb = value?.action?.verb ?? value?.verb;
  if (routes.isVerb(verb)) return verb as string;
  let text = activity.text ?? "";
  if (activity.recipient?.id) text = TurnContext.removeMentionText(activity, activity.recipient.id) ?? text;
  return routes.matchCommand(text.replace(/<at>[^<]*<\/at>/gi, ""))?.words ?? "other";
}

/**
 * Every refusal goes to the audit trail, keyed by the activity so a redelivery leaves one line, and
 * limited per person and hour (see src/audit/refusal-limit.ts). A failure to write it is logged and
 * does not change the answer the person gets.
 */
export async function auditRefusal(app: BotDeps, routes: Routes<never>, activity: Activity, error: HubError): Promise<void> {
  const who = identityOf(activity);
  const recordId = error.details.recordId ?? "";
  try {
    await recordRefusal(app, {
      key: `refused:${activity.id ?? ""}:${who.objectId}`,
      personId: who.objectId,
      personName: who.name,
      what: whatWasAsked(routes, activity),
      recordId: isSubmissionId(recordId) ? recordId : "",
      borough: error.details.borough ?? "",
      detail: error.message,
    });
  } catch (failure) {
    app.logger.warn({ err: failure, activityId: activity.id }, "could not write a refusal to the audit trail");
  }
}
