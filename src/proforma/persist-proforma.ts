import type { ProformaDeps } from "./proforma-deps";
import type { Actor } from "../domain/actor";
import { HubError, isHubError } from "../domain/errors";
import { fullContent, type Proforma, type StoredProforma } from "./proforma";
import { proformaEvent } from "./proforma-feed";
import type { VersionAction } from "./proforma-version";

/** What writing a change came to: saved; a new card whose id is stored already; or a stale card. */
export type Persisted = { saved: StoredProforma } | { existing: StoredProforma } | { stale: StoredProforma };

/**
 * Writes a decided change in one transaction: the record (with the ETag it was decided on), its
 * version row, author line, circulation response and, for a shared change, its feed row's outbox
 * entry. Nothing is written unless all of it is.
 */
export async function persistChange(
  ctx: ProformaDeps,
  actor: Actor,
  next: Proforma,
  stored: StoredProforma | undefined,
  change: { action: VersionAction; changed: string[]; comment?: string; step?: number },
): Promise<Persisted> {
  const comment = change.comment ?? "";
  const event =
    change.action !== "draft" ? proformaEvent(`proforma.${change.action}`, next, actor, comment ? { comment: comment.slice(0, 500) } : {}) : undefined;
  const version = {
    proformaId: next.id,
    version: next.version,
    revision: next.revision,
    action: change.action,
    at: next.updatedAt,
    actorId: actor.id,
    actorName: actor.name,
    changed: change.changed,
    comment,
    status: next.status,
    content: fullContent(next),
  };
  let result;
  try {
    result = await ctx.proformas.save({ proforma: next, etag: stored?.etag, version, event, step: change.step });
  } catch (error) {
    if (isHubError(error, "storage-unavailable")) {
      throw new HubError(
        "storage-unavailable",
        "Storage could not be reached, so nothing was saved (or, if only its answer was lost, it was saved whole). Press the same button again in a minute: it is never stored twice.",
        {},
        { cause: error },
      );
    }
    if (!isHubError(error, "changed-since-opened") || !stored) throw error;
    const current = await ctx.proformas.read(stored.proforma.borough, stored.proforma.id);
    if (!current) throw new HubError("not-found", "This proforma is no longer stored.");
    return { stale: current };
  }
  if (!result.saved) return { existing: result.stored };
  ctx.logger.info({ event: `proforma.${change.action}`, id: next.id, borough: next.borough, version: next.version, revision: next.revision }, "proforma saved");
  return { saved: { proforma: next, etag: result.etag } };
}
