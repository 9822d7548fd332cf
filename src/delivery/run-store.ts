import { HubError } from "../domain/errors";
import type { DeliveryRow, DeliveryState, RunLease } from "./delivery-state";

/** The claim's answer: the lease and the run's stored content, or who holds it instead. */
export type ClaimResult = { lease: RunLease; content: string; created: boolean } | { heldBy: string; leaseUntil: number };

export class LeaseLostError extends HubError {
  constructor(runKey: string) {
    super("conflict", "Another instance took over this send.", { runKey });
    this.name = "LeaseLostError";
  }
}

/** A conditional write found the row changed since it was read (another instance touched it). */
export class RowChangedError extends HubError {
  constructor() {
    super("conflict", "The delivery changed since it was read.");
    this.name = "RowChangedError";
  }
}

export interface RowChanges {
  state?: DeliveryState;
  activityId?: string;
  attempts?: number;
  lastStatus?: number;
  reason?: string;
  reported?: boolean;
  correctedAt?: string;
}

/**
 * Runs and their per-channel delivery rows. The run row is claimed with a conditional create (a 409
 * means another instance has it) and held with an ETag lease that expires; every row write is
 * conditional on the ETag read, so two instances never both move a row.
 */
export interface RunStore {
  /**
   * Creates the run or takes over its lease when the lease has run out or `isDead` says its holder is
   * known to be dead. The lease records the claiming instance beside the owner.
   */
  claim(
    runKey: string,
    owner: string,
    now: Date,
    leaseMs: number,
    content: () => Promise<string>,
    holder?: { instance: string; isDead(holder: { owner: string; instance: string }): boolean },
  ): Promise<ClaimResult>;
  /** Extends the lease; throws LeaseLostError if another instance took the run. */
  renew(lease: RunLease, now: Date, leaseMs: number): Promise<RunLease>;
  /** Ends the lease now, so a later pass (a new channel, a correction) need not wait for it to expire. */
  release(lease: RunLease, now: Date, summary: Record<string, number | string>): Promise<void>;
  /** Replaces the run's content (a correction); needs the lease. */
  replaceContent(lease: RunLease, content: string, now: Date): Promise<RunLease>;
  /** Reads a run's stored content without claiming it, or undefined if the run never started. */
  content(runKey: string): Promise<string | undefined>;
  /** Adds a pending row for a channel unless it has one (whatever its state). */
  ensureRow(runKey: string, tenantId: string, conversationId: string, fence: number, now: Date): Promise<void>;
  rows(runKey: string): Promise<DeliveryRow[]>;
  row(runKey: string, rowKey: string): Promise<DeliveryRow | undefined>;
  /** Conditional on the row's ETag; throws RowChangedError on a 412. Returns the row as written. */
  update(row: DeliveryRow, changes: RowChanges, fence: number, now: Date): Promise<DeliveryRow>;
}
