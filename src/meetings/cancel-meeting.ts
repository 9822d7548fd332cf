import type { MeetingsDeps } from "./meetings-deps";
import type { VerbHandler } from "../domain/handlers";
import { HubError } from "../domain/errors";
import type { MeetingVerbData } from "./meeting-verbs";
import { mayManage, meetingOf } from "./meeting-rights";
import { currentInvitation, refreshCopies } from "./refresh-copies";

/** The convener or a coordinator cancels: every posted copy turns into the cancelled card. */
export const cancelMeeting: VerbHandler<MeetingsDeps, MeetingVerbData<"convene.cancel">> = async (ctx, turn, data) => {
  const m = await meetingOf(ctx, data);
  if (!mayManage(turn.actor, m)) throw new HubError("forbidden", "Only the lead who convened this conversation or an LIIA coordinator can cancel it.");
  if (m.status === "cancelled") throw new HubError("conflict", "This conversation is already cancelled.");
  if (new Date(m.startsAt).getTime() <= ctx.now().getTime())
    throw new HubError("conflict", "This conversation has already taken place; record its outcomes instead.");
  const now = ctx.now().toISOString();
  const cancelled = await ctx.meetings.update({ ...m, status: "cancelled", updatedAt: now });
  await ctx.feed.record({
    key: `conversation.cancelled:${m.id}`,
    kind: "conversation.cancelled",
    at: now,
    borough: m.convenerBorough || undefined,
    subjectId: m.id,
    title: m.topic.slice(0, 150),
    data: { startsAt: m.startsAt },
  });
  const card = await currentInvitation(ctx, cancelled);
  await refreshCopies(ctx, m.id, card);
  return card;
};
