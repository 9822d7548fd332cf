import type { MeetingsDeps } from "./meetings-deps";
import { isCoordinator, type Actor } from "../domain/actor";
import { HubError } from "../domain/errors";
import type { Meeting } from "./meeting";

/** A confirmed lead or deputy (the "lead" role, given on confirmation) or a coordinator may convene. */
export function mayConvene(actor: Actor): boolean {
  return isCoordinator(actor) || actor.roles.includes("lead");
}

/** The convener or a coordinator may cancel a conversation and record its outcomes. */
export function mayManage(actor: Actor, m: Meeting): boolean {
  return isCoordinator(actor) || (actor.id !== "" && actor.id === m.convenerId);
}

/** Reads the meeting a card's button points at; the id is only a locator, rights come from the record. */
export async function meetingOf(ctx: MeetingsDeps, { meetingId }: { meetingId?: string }): Promise<Meeting> {
  const meeting = meetingId !== undefined ? await ctx.meetings.get(meetingId) : undefined;
  if (!meeting) throw new HubError("not-found", "This conversation is not known to the Hub. Type leads to see the conversations coming up.");
  return meeting;
}
