import { bindVerbs } from "../domain/verbs";
import { cancelMeeting } from "./cancel-meeting";
import { submitConvene } from "./convene";
import type { ConveningDeps } from "./convening-deps";
import { CONVENING_VERB_DATA } from "./convening-verbs";
import { markActionDone, openOutcomes, recordOutcomes } from "./record-outcomes";
import { rsvpToMeeting } from "./rsvp";

/** The conversations' card verbs, each given its data as its schema parsed it (convening-verbs.ts); src/commands.ts lists them once. */
export const CONVENING_VERBS = bindVerbs<ConveningDeps, typeof CONVENING_VERB_DATA>(CONVENING_VERB_DATA, {
  "convene.submit": submitConvene,
  "convene.rsvp": rsvpToMeeting,
  "convene.cancel": cancelMeeting,
  "convene.outcomes": openOutcomes,
  "convene.record": recordOutcomes,
  "action.done": markActionDone,
});
