import { z } from "zod";
import { BOROUGHS } from "../domain/boroughs";
import { isSubmissionId } from "../domain/ids";
import { STEPS } from "./proforma-fields";

const step = z
  .number()
  .int()
  .min(0)
  .max(STEPS.length - 1);
const boroughCodes = BOROUGHS.map((b) => b.code) as [string, ...string[]];

/**
 * Where a proforma card stands, as its data says: which record (if it was saved), at which ETag and
 * step. Each part that does not parse is dropped, never guessed: the server decides rights from the
 * stored record, not from these. The step's inputs are checked by validate-proforma.ts.
 */
const cardState = z.object({
  submissionId: z.string().refine(isSubmissionId).optional().catch(undefined),
  step: step.catch(0),
  goto: step.optional().catch(undefined),
  entryBorough: z.enum(boroughCodes).optional().catch(undefined),
  etag: z.string().max(200).optional().catch(undefined),
});

export interface SaveCardState {
  /** The server-made id, or undefined when the card holds none that the bot could have made. */
  id?: string;
  step: number;
  goto: number;
  /** Set once the record is stored: the borough partition it lives in. */
  entryBorough?: string;
  etag?: string;
}

export function parseSaveCard(data: unknown): SaveCardState {
  const object = data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
  const s = cardState.parse(object);
  return { id: s.submissionId, step: s.step, goto: s.goto ?? s.step, entryBorough: s.entryBorough, etag: s.etag };
}
