import { cardObject, formText, locator, type VerbData, type VerbInput } from "../domain/verbs";

const pointer = cardObject({ nominationId: locator });

/** The nominations' card verbs and the data each carries; the nomination record decides rights. */
export const NOMINATION_VERB_DATA = {
  "nomination.submit": cardObject({
    nominationId: formText,
    borough: formText,
    kind: formText,
    nominee: formText,
    nomineeId: formText,
    nomineeName: formText,
    jobTitle: formText,
    reason: formText,
  }),
  "nomination.accept": pointer,
  "nomination.decline": pointer,
  "nomination.confirm": pointer,
  "nomination.withdraw": pointer,
};

export type NominationVerb = keyof typeof NOMINATION_VERB_DATA;
export type NominationVerbData<V extends NominationVerb> = VerbData<typeof NOMINATION_VERB_DATA, V>;
export type NominationVerbInput<V extends NominationVerb> = VerbInput<typeof NOMINATION_VERB_DATA, V>;
