import { z } from "zod";
import { isBoroughCode } from "../domain/boroughs";
import { isSubmissionId } from "../domain/ids";
import { cardObject, type VerbData, type VerbInput } from "../domain/verbs";
import { STEPS } from "./proforma-fields";
import { parseSaveCard } from "./save-card-data";

/*
 * The proforma's card verbs and the data each carries. A part that does not parse is dropped (never
 * guessed), so the handler refuses in its own order: rights first, then "this card does not point at
 * a proforma", as before; the server decides rights from the stored record, not from these.
 */
const pointer = {
  submissionId: z.string().refine(isSubmissionId).optional().catch(undefined),
  entryBorough: z.string().refine(isBoroughCode).optional().catch(undefined),
};
const etag = z.string().optional().catch(undefined);
const whole = z.number().int().default(0).catch(0);

/** The form's buttons: where the card stands (save-card-data.ts) and the step's inputs, which validate-proforma.ts checks field by field. */
const formCard = z.unknown().transform((raw) => ({ card: parseSaveCard(raw), raw }));
const nothing = cardObject({});

export const PROFORMA_VERB_DATA = {
  "proforma.open": nothing,
  "proforma.new": nothing,
  "proforma.mine": nothing,
  // The step the person was on (to come back to it), and the save the confirmation was asked at.
  "proforma.delete": cardObject({
    ...pointer,
    step: z
      .number()
      .int()
      .min(0)
      .max(STEPS.length - 1)
      .default(0)
      .catch(0),
  }),
  "proforma.delete.confirm": cardObject({ ...pointer, revision: z.number().int().optional().catch(undefined) }),
  "proforma.submit": formCard,
  "proforma.draft": formCard,
  "proforma.step": formCard,
  "proforma.save": formCard,
  "proforma.view": cardObject({ ...pointer, section: whole }),
  "proforma.edit": cardObject({ ...pointer, step: whole }),
  "proforma.resume": cardObject({ ...pointer, step: whole }),
  "proforma.history": cardObject(pointer),
  "proforma.publish": cardObject({ ...pointer, etag }),
  "proforma.withdraw": cardObject({ ...pointer, etag }),
  "proforma.return": cardObject({
    ...pointer,
    etag,
    // Text, or nothing; anything else is kept as "not text" so the handler can say so after checking rights.
    reviewComment: z
      .unknown()
      .optional()
      .transform((v) => (v === undefined || v === null ? "" : typeof v === "string" ? v : { notText: true as const })),
  }),
  "proforma.review": nothing,
};

export type ProformaVerb = keyof typeof PROFORMA_VERB_DATA;

/** What a card's button of this verb carries (card builders fill it; the handler gets it parsed). */
export type ProformaVerbInput<V extends ProformaVerb> = VerbInput<typeof PROFORMA_VERB_DATA, V>;

/** What the handler of this verb is given, parsed. */
export type ProformaVerbData<V extends ProformaVerb> = VerbData<typeof PROFORMA_VERB_DATA, V>;

/** Which proforma a card points at, as parsed: either part may be missing. */
export interface ProformaPointer {
  submissionId?: string;
  entryBorough?: string;
}
