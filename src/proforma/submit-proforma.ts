import type { Actor } from "../domain/actor";
import type { Proforma } from "./proforma";
import type { ProformaStore } from "./proforma-store";
import { checkProformaContent, checkSubmissionId, type FieldError } from "./validate-proforma";

export type SubmitResult =
  | { outcome: "stored"; proforma: Proforma }
  | { outcome: "already-stored"; proforma: Proforma }
  | { outcome: "invalid"; errors: FieldError[] };

/**
 * Submits a proforma from a card. Everything is checked again on the server; the id comes from the
 * card the server made, so a retried or double-clicked submit stores one record.
 */
export async function submitProforma(deps: { proformas: ProformaStore; now: () => Date }, actor: Actor, raw: unknown): Promise<SubmitResult> {
  const id = checkSubmissionId(raw);
  const content = checkProformaContent(raw);
  const errors = [...(id.ok ? [] : id.errors), ...(content.ok ? [] : content.errors)];
  if (!id.ok || !content.ok) return { outcome: "invalid", errors };
  const now = deps.now().toISOString();
  const proforma: Proforma = {
    ...content.value,
    id: id.value,
    status: "submitted",
    authorId: actor.id,
    authorName: actor.name,
    tenantId: actor.tenantId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    demo: false,
  };
  const { created, proforma: stored } = await deps.proformas.create(proforma);
  return created ? { outcome: "stored", proforma: stored } : { outcome: "already-stored", proforma: stored };
}
