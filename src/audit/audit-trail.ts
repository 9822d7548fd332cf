import type { AuditEntry } from "./audit-entry";

export interface AuditTrail {
  /** Writes one line; writing the same key again leaves one line. */
  record(entry: AuditEntry): Promise<void>;
  /** Every line about one record, oldest first. */
  forRecord(recordId: string): Promise<AuditEntry[]>;
  /** This week's and last week's lines, newest first. */
  recent(now: Date): Promise<AuditEntry[]>;
  /** Lines a person acted in or that are about them (for `my data`), newest first. */
  about(personId: string): Promise<AuditEntry[]>;
  /**
   * Erasure: every line the person acted in or that is about them stays as an anonymous line (actor
   * and record blanked, name `marker`, their id and names taken out of the detail); lines kept under
   * the person's own record partition are deleted, their weekly copies stay. Answers how many lines.
   */
  forgetPerson(personId: string, marker: string, names: readonly string[]): Promise<number>;
}
