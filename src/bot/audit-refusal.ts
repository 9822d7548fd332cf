import type { Activity } from "botbuilder";
import type { AppContext } from "../app-context";
import type { HubError } from "../domain/errors";
import { isSubmissionId } from "../domain/ids";
import { identityOf } from "./activity-actor";

/**
 * Every refusal goes to the audit trail, keyed by the activity so a redelivery leaves one line. A
 * failure to write it is logged and does not change the answer the person gets.
 */
export async function auditRefusal(app: AppContext, activity: Activity, error: HubError): Promise<void> {
  const who = identityOf(activity);
  const recordId = error.details.recordId ?? "";
  try {
    await app.audit.record({
      key: `refused:${activity.id ?? ""}:${who.objectId}`,
      at: app.now().toISOString(),
      actorId: who.objectId,
      actorName: who.name,
      action: "refused",
      recordId: isSubmissionId(recordId) ? recordId : "",
      borough: error.details.borough ?? "",
      outcome: "refused",
      detail: error.message,
    });
  } catch (failure) {
    app.logger.warn({ err: failure, activityId: activity.id }, "could not write a refusal to the audit trail");
  }
}
