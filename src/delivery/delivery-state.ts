/**
 * One send of one run (a week's digest, a batch of data headlines) to one channel. A row moves
 * pending -> sending -> sent | failed | unknown, each step a conditional write, so no two instances
 * can both send it, and a channel already sent is never sent again.
 */
export type DeliveryState = "pending" | "sending" | "sent" | "failed" | "unknown";

export const DELIVERY_STATES: readonly DeliveryState[] = ["pending", "sending", "sent", "failed", "unknown"];

export interface DeliveryRow {
  runKey: string;
  rowKey: string;
  tenantId: string;
  conversationId: string;
  state: DeliveryState;
  /** The posted card's activity id, once sent: a correction updates this activity in place. */
  activityId: string;
  attempts: number;
  /** The Bot Connector's last answer (0 when none came back). */
  lastStatus: number;
  /** Why a send failed or is unknown, in plain words. */
  reason: string;
  /** The lease generation that last wrote the row. */
  fence: number;
  reported: boolean;
  correctedAt: string;
  updatedAt: string;
  etag: string;
}

/** The claim on a run: whoever holds an unexpired lease sends; a crashed holder's lease runs out. */
export interface RunLease {
  runKey: string;
  owner: string;
  fence: number;
  leaseUntil: number;
  etag: string;
}

/** What one delivery pass did, for the coordinator's answer, the log and the tests. */
export interface RunSummary {
  runKey: string;
  outcome: "delivered" | "held-elsewhere" | "no-channels" | "lease-lost";
  channels: number;
  sent: number;
  alreadySent: number;
  failed: number;
  unknown: number;
  /** Channels left pending because storage failed around them: a later pass sends them. */
  unfinished: number;
}
