import { isSubmissionId } from "../domain/ids";
import { type Proforma, type ProformaStatus } from "./proforma";
import type { ProformaStore } from "./proforma-store";
import { checkProformaContent } from "./validate-proforma";
import { proformaEvent } from "./proforma-feed";
import type { Actor } from "../domain/actor";

/** One demo proforma file as read from seeds/proformas: its name and its JSON text ({ id, status, authorName, content }). */
export interface SeedFile {
  name: string;
  text: string;
}

export const DEMO_AUTHOR = "demo-author";
const DEMO_ACTOR: Actor = { id: DEMO_AUTHOR, name: "Demo author", tenantId: "demo", roles: ["staff"] };
const SEEDABLE: readonly ProformaStatus[] = ["draft", "submitted", "published"];

/** Checks every seed file; a bad file stops the seed with its name and the first problem. */
export function readSeedProformas(files: readonly SeedFile[], now: Date): Proforma[] {
  return [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name: file, text }) => {
      const raw = JSON.parse(text) as { id?: unknown; status?: unknown; authorName?: unknown; content?: unknown };
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
        version: status === "draft" ? 0 : 1,
        revision: 1,
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
  deps: { proformas: ProformaStore; now: () => Date },
  files: readonly SeedFile[],
  progress: (line: string) => void = () => {},
): Promise<{ created: number; kept: number }> {
  let created = 0;
  let kept = 0;
  for (const p of readSeedProformas(files, deps.now())) {
    // The record, its first version, author line, response and feed row: one transaction.
    const event = p.status === "draft" ? undefined : proformaEvent(p.status === "published" ? "proforma.published" : "proforma.submitted", p, DEMO_ACTOR);
    const result = await deps.proformas.create(p, event);
    if (!result.created) {
      kept++;
      continue;
    }
    created++;
    progress(`seeded ${p.status} demo proforma: ${p.title}`);
  }
  return { created, kept };
}
