import type { AuditDeps } from "./audit-deps";
import type { Actor } from "../domain/actor";
import type { AuditEntry } from "./audit-entry";

/** Writes an audit line for what an actor did; the key makes a retried action leave one line. */
export function recordAudit(
  ctx: AuditDeps,
  actor: Actor,
  line: { key: string; action: string; recordId?: string; borough?: string; outcome?: AuditEntry["outcome"]; detail?: string },
): Promise<void> {
  return ctx.audit.record({
    key: line.key,
    at: ctx.now().toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: line.action,
    recordId: line.recordId ?? "",
    borough: line.borough ?? "",
    outcome: line.outcome ?? "done",
    detail: line.detail ?? "",
  });
}
