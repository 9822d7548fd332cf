import { z } from "zod";
import { isIsoWeek } from "../domain/iso-week";
import { cardObject, type VerbData, type VerbInput } from "../domain/verbs";

/** A headline's key is at most this long (the digest makes them; anything longer is not one of ours). */
const MAX_KEY = 600;
const NO_WEEK = "This button does not name a digest week.";
const week = z.string({ error: NO_WEEK }).refine(isIsoWeek, { error: NO_WEEK });

/** The digest's card verbs and the data each carries. */
export const DIGEST_VERB_DATA = {
  // The marks a person gives; opening the numbers is its own button, digest.details.
  "digest.feedback": cardObject({ week, kind: z.enum(["useful", "discuss"], { error: "This button is not known." }) }),
  "digest.details": cardObject({ week }),
  "headline.convene": cardObject({
    key: z
      .string({ error: "This button does not name a data headline." })
      .min(1, { error: "This button does not name a data headline." })
      .max(MAX_KEY, { error: "This button does not name a data headline." }),
    // A digest's week, or "" on the headlines card.
    week: z
      .unknown()
      .optional()
      .transform((v) => (typeof v === "string" ? v : ""))
      .pipe(z.string().refine((w) => w === "" || isIsoWeek(w), { error: NO_WEEK })),
  }),
};

export type DigestVerb = keyof typeof DIGEST_VERB_DATA;
export type DigestVerbData<V extends DigestVerb> = VerbData<typeof DIGEST_VERB_DATA, V>;
export type DigestVerbInput<V extends DigestVerb> = VerbInput<typeof DIGEST_VERB_DATA, V>;
