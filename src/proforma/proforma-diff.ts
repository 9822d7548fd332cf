import { fullContent, type ProformaContent } from "./proforma";
import { ALL_FIELDS } from "./proforma-fields";

/** The field ids whose values differ between two versions of the content (all of them for a first version). */
export function changedFields(before: ProformaContent | undefined, after: ProformaContent): string[] {
  const b = before ? (fullContent(before) as unknown as Record<string, unknown>) : undefined;
  const a = fullContent(after) as unknown as Record<string, unknown>;
  return ALL_FIELDS.map((f) => f.id).filter((id) => !b || JSON.stringify(b[id]) !== JSON.stringify(a[id]));
}
