import type { AuditEntry } from "./audit-entry";

export interface AuditTrail {
  /** Writes one line; writing the same key again leaves one line. */
  record(entry: AuditEntry): Promise<void>;
  /** Every line about one record, oldest first. */
  forRecord(recordId: string): Promise<AuditEntry[]>;
  /** This week's and last week's lines, newest first. */
  recent(now: Date): Promise<AuditEntry[]>;
}
