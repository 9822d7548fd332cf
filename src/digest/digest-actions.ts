import { bindVerbs } from "../domain/verbs";
import { conveneFromHeadline } from "./convene-from-headline";
import type { DigestDeps } from "./digest-deps";
import { digestDetails, digestFeedback } from "./digest-feedback";
import { DIGEST_VERB_DATA } from "./digest-verbs";

/** The digest's card verbs, each given its data as its schema parsed it (digest-verbs.ts); src/commands.ts lists them once. */
export const DIGEST_VERBS = bindVerbs<DigestDeps, typeof DIGEST_VERB_DATA>(DIGEST_VERB_DATA, {
  "digest.feedback": digestFeedback,
  "digest.details": digestDetails,
  "headline.convene": conveneFromHeadline,
});
