import { z } from "zod";
import { cardObject } from "../domain/verbs";

const NOT_OURS = "This button is not one the bot made: type my data to start again.";

/** The my data card's verbs and the data each carries. */
export const PRIVACY_VERB_DATA = {
  "mydata.more": cardObject({
    offset: z
      .unknown()
      .optional()
      .transform((v) => Number(v))
      .pipe(z.number({ error: NOT_OURS }).int({ error: NOT_OURS }).min(0, { error: NOT_OURS }).max(1_000_000, { error: NOT_OURS })),
  }),
};

export type PrivacyVerb = keyof typeof PRIVACY_VERB_DATA;
