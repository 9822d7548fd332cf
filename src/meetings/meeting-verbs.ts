import { z } from "zod";
import { cardObject, formText, locator, type VerbData, type VerbInput } from "../domain/verbs";
import { ACTION_SLOTS, RSVP_ANSWERS, type RsvpAnswer } from "./meeting";

const meeting = { meetingId: locator };
const actionSlots = Object.fromEntries(
  Array.from({ length: ACTION_SLOTS }, (_, i) => [`action${i + 1}`, `owner${i + 1}`, `due${i + 1}`])
    .flat()
    .map((k) => [k, formText]),
);

/** The conversations' card verbs and the data each carries; the meeting record decides rights. */
export const CONVENING_VERB_DATA = {
  "convene.submit": cardObject({
    meetingId: formText,
    topic: formText,
    theme: formText,
    // Date and time are read together as a London instant (domain/london-time.ts), which says what is wrong.
    date: z.unknown().optional(),
    time: z.unknown().optional(),
    format: formText,
    place: formText,
    proformas: formText,
    proformaNote: formText,
  }),
  "convene.rsvp": cardObject({
    ...meeting,
    answer: z
      .enum(RSVP_ANSWERS as [RsvpAnswer, ...RsvpAnswer[]])
      .optional()
      .catch(undefined),
  }),
  "convene.cancel": cardObject(meeting),
  "convene.outcomes": cardObject(meeting),
  "convene.record": cardObject({ ...meeting, outcomes: formText, peerReview: formText, ...actionSlots }),
  "action.done": cardObject({ actionId: locator, meetingId: locator }),
};

export type MeetingVerb = keyof typeof CONVENING_VERB_DATA;
export type MeetingVerbData<V extends MeetingVerb> = VerbData<typeof CONVENING_VERB_DATA, V>;
export type MeetingVerbInput<V extends MeetingVerb> = VerbInput<typeof CONVENING_VERB_DATA, V>;
