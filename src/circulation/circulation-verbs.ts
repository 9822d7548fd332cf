import { cardObject } from "../domain/verbs";

/** The circulation's card verbs and the data each carries. */
export const CIRCULATION_VERB_DATA = {
  "proforma.status": cardObject({}),
};

export type CirculationVerb = keyof typeof CIRCULATION_VERB_DATA;
