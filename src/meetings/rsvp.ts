import type { MeetingsDeps } from "./meetings-deps";
import type { VerbHandler } from "../domain/handlers";
import { HubError } from "../domain/errors";
import type { MeetingVerbData } from "./meeting-verbs";
import { meetingOf } from "./meeting-rights";
import { currentInvitation, refreshCopies } from "./refresh-copies";

/**
 * Yes / maybe / no on an invitation: stored once per person (a second answer replaces the first),
 * then the card comes back with live counts, and every other posted copy is updated in place.
 */
export const rsvpToMeeting: VerbHandler<MeetingsDeps, MeetingVerbData<"convene.rsvp">> = async (ctx, turn, data) => {
  const m = await meetingOf(ctx, data);
  // A late press answers plainly on the card as it stands now, with the buttons that still apply.
  if (m.status === "cancelled")
    return currentInvitation(ctx, m, "This conversation was cancelled, so your answer was not recorded. Type leads to see the conversations coming up.");
  if (new Date(m.startsAt).getTime() <= ctx.now().getTime())
    return currentInvitation(ctx, m, "This conversation has already started, so answers are closed and yours was not recorded.");
  const { answer } = data;
  if (!answer) throw new HubError("invalid-input", "Answer yes, maybe or no.");
  await ctx.meetings.putRsvp({
    meetingId: m.id,
    objectId: turn.actor.id,
    name: turn.actor.name,
    borough: turn.actor.borough ?? "",
    answer,
    at: ctx.now().toISOString(),
  });
  const card = await currentInvitation(ctx, m);
  await refreshCopies(ctx, m.id, card);
  return card;
};
