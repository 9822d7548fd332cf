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
  recordInvite(roundId: string, post: InvitePost): Promise<void>;
  invites(roundId: string): Promise<InvitePost[]>;
  /**
   * Claims the right to remind a borough in a round: true once, for whichever instance asks first
   * (a conditional create); false after that. `release` gives the claim back when the reminder failed.
   */
  claimReminder(roundId: string, borough: string, at: string): Promise<boolean>;
  releaseReminder(roundId: string, borough: string): Promise<void>;
  reminded(roundId: string): Promise<string[]>;
}
