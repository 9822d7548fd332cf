import { bindVerbs } from "../domain/verbs";
import { cancelMeeting } from "./cancel-meeting";
import { submitConvene } from "./convene";
import type { MeetingsDeps } from "./meetings-deps";
import { CONVENING_VERB_DATA } from "./meeting-verbs";
import { markActionDone, openOutcomes, recordOutcomes } from "./record-outcomes";
import { rsvpToMeeting } from "./rsvp";

/** The conversations' card verbs, each given its data as its schema parsed it (meeting-verbs.ts); src/commands.ts lists them once. */
export const CONVENING_VERBS = bindVerbs<MeetingsDeps, typeof CONVENING_VERB_DATA>(CONVENING_VERB_DATA, {
  "convene.submit": submitConvene,
  "convene.rsvp": rsvpToMeeting,
  "convene.cancel": cancelMeeting,
  "convene.outcomes": openOutcomes,
  "convene.record": recordOutcomes,
  "action.done": markActionDone,
});
