import type { Actor } from "../domain/actor";
import type { Proforma } from "./proforma";
import type { FeedEventInput, ProformaEventKind } from "./proforma-rows";

export type { ProformaEventKind } from "./proforma-rows";

/**
 * The week's activity-feed row for a proforma event, written through the save's outbox. The key names
 * the borough, the proforma and its revision, so a retried save writes one row and no card can write
 * over another entry's row. Lists go in as comma-separated text (the feed keeps flat values).
 */
export function proformaEvent(kind: ProformaEventKind, p: Proforma, actor: Actor, extra: Record<string, string> = {}): FeedEventInput {
  return {
    key: `${kind}:${p.borough}:${p.id}:v${p.revision ?? p.version}`,
    kind,
    at: p.updatedAt,
    borough: p.borough,
    subjectId: p.id,
    title: p.title,
    actorId: actor.id,
    data: { outcomeAreas: p.outcomeAreas.join(","), priorities: (p.priorities ?? []).join(","), status: p.status, version: p.version, demo: p.demo, ...extra },
  };
}
