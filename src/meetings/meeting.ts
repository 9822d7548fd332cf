import type { ConversationRef } from "../domain/conversation";

/**
 * A cross-borough conversation between leads (a meeting, not a Teams conversation: that word is
 * taken by src/domain/conversation.ts for conversation references).
 */
export type MeetingStatus = "scheduled" | "cancelled";
export type RsvpAnswer = "yes" | "no" | "maybe";
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ["yes", "maybe", "no"];

/** How many follow-up actions the outcomes form offers. */
export const ACTION_SLOTS = 3;

/** How many proformas the convene card offers at most: the convener's own shared ones, then the newest published. */
export const PROFORMAS_OFFERED = 50;

export const MEETING_LIMITS = { topic: 150, place: 300, outcomes: 3000, actionText: 300, proformaNote: 500, proformas: 10 } as const;

export interface Meeting {
  id: string;
  topic: string;
  theme: string;
  /** The start as a UTC instant (ISO 8601, whole seconds); chosen in Europe/London time. */
  startsAt: string;
  format: string;
  place: string;
  /**
   * Proformas to discuss: those the convener picked from the ones offered (their own shared ones and
   * the newest published), with title and borough as stored then; plus a free note.
   */
  proformas: { id: string; title: string; borough?: string }[];
  proformaNote: string;
  convenerId: string;
  convenerTenantId: string;
  convenerName: string;
  convenerBorough: string;
  status: MeetingStatus;
  outcomes: string;
  outcomesRecordedAt: string;
  /** When the posted copies were turned into the held card (with "Record outcomes"), "" before. */
  heldShownAt?: string;
  peerReview: boolean;
  createdAt: string;
  updatedAt: string;
  etag?: string;
}

export interface Rsvp {
  meetingId: string;
  objectId: string;
  name: string;
  borough: string;
  answer: RsvpAnswer;
  at: string;
}

/** Where a copy of the invitation was posted, so it can be updated in place later. */
export interface PostedCopy {
  meetingId: string;
  ref: ConversationRef;
  activityId: string;
}

/** A follow-up action agreed at a conversation, owned by a borough. */
export interface FollowUpAction {
  id: string;
  meetingId: string;
  meetingTopic: string;
  text: string;
  ownerBorough: string;
  /** Due date, YYYY-MM-DD (London calendar). */
  due: string;
  status: "open" | "done";
  remindedAt: string;
  overdueAt: string;
  createdAt: string;
  etag?: string;
}
