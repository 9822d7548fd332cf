import type { ConversationRef } from "../domain/conversation";
import type { FollowUpAction, Meeting, PostedCopy, Rsvp } from "./meeting";

export interface MeetingStore {
  create(meeting: Meeting): Promise<{ created: boolean; meeting: Meeting }>;
  get(id: string): Promise<Meeting | undefined>;
  /** Replaces a meeting if unchanged since read (etag); else "changed-since-opened". */
  update(meeting: Meeting): Promise<Meeting>;
  /** Meetings starting in [from, to), ISO instants, soonest first. */
  between(from: string, to: string): Promise<Meeting[]>;
  convenedBy(objectId: string): Promise<Meeting[]>;

  putRsvp(rsvp: Rsvp): Promise<void>;
  rsvps(meetingId: string): Promise<Rsvp[]>;
  /** A person's answers, by the per-person index (no scan). */
  rsvpsOf(objectId: string): Promise<Rsvp[]>;
  /** Replaces a person's answer by an anonymous one (the count stays, the person goes). */
  anonymiseRsvp(rsvp: Rsvp, anonymousId: string): Promise<void>;

  addPosted(meetingId: string, ref: ConversationRef, activityId: string): Promise<void>;
  posted(meetingId: string): Promise<PostedCopy[]>;
  /** Forgets the copy posted in one conversation (e.g. an erased person's one-to-one chat). */
  removePosted(meetingId: string, conversationId: string): Promise<void>;

  addActions(actions: FollowUpAction[]): Promise<void>;
  actionsOf(meetingId: string): Promise<FollowUpAction[]>;
  openActions(): Promise<FollowUpAction[]>;
  getAction(id: string): Promise<FollowUpAction | undefined>;
  updateAction(action: FollowUpAction): Promise<FollowUpAction>;
}
