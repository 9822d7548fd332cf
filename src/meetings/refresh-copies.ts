import type { ConversationRef } from "../domain/conversation";
import type { MeetingsDeps } from "./meetings-deps";
import type { AdaptiveCard } from "../cards/render-card";
import type { Meeting } from "./meeting";
import { invitationCard } from "./meeting-cards";

/** The invitation as it stands now: the meeting with its answers and actions. */
export async function currentInvitation(ctx: MeetingsDeps, m: Meeting, note = ""): Promise<AdaptiveCard> {
  const [rsvps, actions] = await Promise.all([ctx.meetings.rsvps(m.id), ctx.meetings.actionsOf(m.id)]);
  return invitationCard(m, rsvps, actions, ctx.now(), note);
}

/**
 * Updates every posted copy of the invitation in place (each update is one PUT; a failed one is
 * logged and left, the next change will try again). Returns how many were updated.
 */
export async function refreshCopies(ctx: MeetingsDeps, meetingId: string, card: AdaptiveCard): Promise<number> {
  const copies = await ctx.meetings.posted(meetingId);
  const results = await Promise.allSettled(copies.map((c) => ctx.messenger.update(c.ref, c.activityId, card)));
  results.forEach((r, i) => {
    if (r.status === "rejected") ctx.logger.warn({ err: r.reason, conversation: copies[i]!.ref.conversationId }, "an invitation copy could not be updated");
  });
  return results.filter((r) => r.status === "fulfilled").length;
}

/** Posts the invitation to each target and keeps each copy's activity id. */
export async function postCopies(ctx: MeetingsDeps, meetingId: string, targets: ConversationRef[], card: AdaptiveCard): Promise<number> {
  let posted = 0;
  for (const ref of targets) {
    const sent = await ctx.notifier.deliver(ref, card);
    if (!sent) continue;
    posted++;
    await ctx.meetings.addPosted(meetingId, sent.ref, sent.activityId);
  }
  return posted;
}
