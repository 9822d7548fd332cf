import { z } from "zod";
import { cardObject, formText } from "../domain/verbs";

/** The audit trail's card verbs and the data each carries (the cursor is checked after the right to read). */
export const AUDIT_VERB_DATA = {
  "audit.more": cardObject({ recordId: formText, before: z.string().max(300).catch("") }),
};

export type AuditVerb = keyof typeof AUDIT_VERB_DATA;
