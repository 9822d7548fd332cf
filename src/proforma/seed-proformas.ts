import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ActivityFeed } from "../activity-feed/activity-feed";
import { isSubmissionId } from "../domain/ids";
import { fullContent, type Proforma, type ProformaStatus } from "./proforma";
import type { ProformaStore } from "./proforma-store";
import { checkProformaContent } from "./validate-proforma";
import { PROJECT_ROOT } from "../project-root";
import type { CirculationStore } from "../circulation/circulation-store";
import { recordCirculationResponse } from "../circulation/record-response";

/** Where the demo proformas live: one JSON file each, { id, status, authorName, content }. */
export const SEED_DIR = path.join(PROJECT_ROOT, "seeds", "proformas");

export const DEMO_AUTHOR = "demo-author";
const SEEDABLE: readonly ProformaStatus[] = ["draft", "submitted", "published"];

/** Reads and checks every seed file; a bad file stops the seed with its name and the first problem. */
export function readSeedProformas(dir: string, now: Date): Proforma[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { id?: unknown; status?: unknown; authorName?: unknown; content?: unknown };
      const checked = checkProformaContent(raw.content);
      if (!checked.ok) throw new Error(`${file}: ${checked.errors[0]!.message}`);
      if (!isSubmissionId(raw.id)) throw new Error(`${file}: id must be a ULID`);
      const status = raw.status as ProformaStatus;
      if (!SEEDABLE.includes(status)) throw new Error(`${file}: status must be one of ${SEEDABLE.join(", ")}`);
      const at = now.toISOString();
      return {
        ...checked.value,
        id: raw.id,
        status,
        authorId: DEMO_AUTHOR,
        authorName: typeof raw.authorName === "string" ? raw.authorName.slice(0, 100) : "Demo author",
        tenantId: "demo",
        createdAt: at,
        updatedAt: at,
        version: 1,
        demo: true,
        reviewComment: "",
        publishedAt: status === "published" ? at : "",
      };
    });
}

/**
 * Loads the demo proformas, marked demo. Idempotent: an id already stored is left alone, so running
 * the seed again changes nothing. New ones get their first version and a feed row for the digest.
 */
export async function seedProformas(
  deps: { proformas: ProformaStore; feed: ActivityFeed; circulations?: CirculationStore; now: () => Date },
  dir = SEED_DIR,
  progress: (line: string) => void = () => {},
): Promise<{ created: number; kept: number }> {
  let created = 0;
  let kept = 0;
  for (const p of readSeedProformas(dir, deps.now())) {
    const result = await deps.proformas.create(p);
    if (!result.created) {
      kept++;
      continue;
    }
    created++;
    const action = p.status === "draft" ? "draft" : p.status === "published" ? "published" : "submitted";
    await deps.proformas.addVersion({
      proformaId: p.id,
      version: 1,
      action,
      at: p.updatedAt,
      actorId: DEMO_AUTHOR,
      actorName: p.authorName,
      changed: [],
      comment: "",
      status: p.status,
      content: fullContent(p),
    });
    if (action !== "draft") {
      await deps.feed.record({
        key: `proforma.${action}:${p.id}:v1`,
        kind: `proforma.${action}`,
        at: p.updatedAt,
        borough: p.borough,
        subjectId: p.id,
        title: p.title,
        actorId: DEMO_AUTHOR,
        data: { outcomeAreas: p.outcomeAreas.join(","), priorities: (p.priorities ?? []).join(","), status: p.status, version: 1, demo: true },
      });
    }
    await deps.proformas.index(p);
    if (deps.circulations) await recordCirculationResponse(deps.circulations, p);
    progress(`seeded ${p.status} demo proforma: ${p.title}`);
  }
  return { created, kept };
}
