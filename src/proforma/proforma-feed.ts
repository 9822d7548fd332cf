import type { AppContext } from "../app-context";
import type { Actor } from "../domain/actor";
import type { Proforma } from "./proforma";

export type ProformaEventKind = "proforma.submitted" | "proforma.edited" | "proforma.published" | "proforma.returned" | "proforma.withdrawn";

/**
 * Writes the week's activity-feed row for a proforma event. The key names the proforma and version, so
 * a retried save writes one row. Lists go in as comma-separated text (the feed keeps flat values).
 * A failure is passed on: the caller reports the save as not done, and the retry writes the same row.
 */
export async function recordProformaEvent(
  ctx: AppContext,
  kind: ProformaEventKind,
  p: Proforma,
  actor: Actor,
  extra: Record<string, string> = {},
): Promise<void> {
  await ctx.feed.record({
    key: `${kind}:${p.id}:v${p.version}`,
    kind,
    at: p.updatedAt,
    borough: p.borough,
    subjectId: p.id,
    title: p.title,
    actorId: actor.id,
    data: { outcomeAreas: p.outcomeAreas.join(","), priorities: (p.priorities ?? []).join(","), status: p.status, version: p.version, demo: p.demo, ...extra },
  });
}
