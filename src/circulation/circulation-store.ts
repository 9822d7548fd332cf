import type { RoundResponse } from "../proforma/proforma-store";

export type { RoundResponse } from "../proforma/proforma-store";

/** One call for proformas: a coordinator's invitation to every borough, with a deadline. */
export interface CirculationRound {
  /** ULID: rounds sort by when they opened. */
  id: string;
  /** The last day to answer, YYYY-MM-DD (London). */
  deadline: string;
  openedAt: string;
  openedBy: string;
  openedByName: string;
}

/** What happened when the invitation was posted to a borough channel. */
export interface InvitePost {
  borough: string;
  conversationId: string;
  outcome: "posted" | "failed";
  activityId: string;
  at: string;
}

export interface CirculationStore {
  open(round: CirculationRound): Promise<void>;
  /** The newest round, if any (rounds are few: one partition, read whole). */
  latest(): Promise<CirculationRound | undefined>;
  /** The newest round opened before this one, if any (one partition, read whole). */
  previous(round: CirculationRound): Promise<CirculationRound | undefined>;
  recordInvite(roundId: string, post: InvitePost): Promise<void>;
  invites(roundId: string): Promise<InvitePost[]>;
  /**
   * Claims the right to remind a borough in a round: true once, for whichever instance asks first
   * (a conditional create); false after that. `release` gives the claim back when the reminder failed.
   */
  claimReminder(roundId: string, borough: string, at: string): Promise<boolean>;
  releaseReminder(roundId: string, borough: string): Promise<void>;
  reminded(roundId: string): Promise<string[]>;
  /** Keeps an entry's latest status in a round (one row per entry, rewritten on every change). */
  recordResponse(roundId: string, response: RoundResponse): Promise<void>;
  /** Every entry that changed during a round: one partition range, never the proforma archive. */
  responses(roundId: string): Promise<RoundResponse[]>;
  /** Rounds a person opened (rounds are few: one partition). */
  openedBy(objectId: string): Promise<CirculationRound[]>;
  /** Keeps a round but takes out who opened it; answers how many rounds changed. */
  forgetOpener(objectId: string, marker: string): Promise<number>;
}
