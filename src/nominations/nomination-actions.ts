import { bindVerbs } from "../domain/verbs";
import { confirmNomination, withdrawNomination } from "./confirm-nomination";
import { submitNomination } from "./nominate";
import type { NominationDeps } from "./nominations-deps";
import { NOMINATION_VERB_DATA } from "./nomination-verbs";
import { acceptNomination, declineNomination } from "./respond-to-nomination";

/** The nominations' card verbs, each given its data as its schema parsed it (nomination-verbs.ts); src/commands.ts lists them once. */
export const NOMINATION_VERBS = bindVerbs<NominationDeps, typeof NOMINATION_VERB_DATA>(NOMINATION_VERB_DATA, {
  "nomination.submit": submitNomination,
  "nomination.accept": acceptNomination,
  "nomination.decline": declineNomination,
  "nomination.confirm": confirmNomination,
  "nomination.withdraw": withdrawNomination,
});
