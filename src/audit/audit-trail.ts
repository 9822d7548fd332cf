import type { AuditEntry } from "./audit-entry";
import type { RefusalCount } from "./refusal-limit";

export interface AuditTrail {
  /** Writes one line; writing the same key again leaves one line. */
  record(entry: AuditEntry): Promise<void>;
  /**
   * Counts one refusal in the person's clock hour with a conditional write (safe across instances):
   * `decide` gets the count so far and answers the next; the stored count also stands as the hour's
   * summary line (`detail`), shown once it has refusals not listed one by one. Answers the next count.
   */
  countRefusal(
    refusal: { personId: string; personName: string; hour: string; at: string },
    decide: (current: RefusalCount | undefined) => { next: RefusalCount; detail: string },
  ): Promise<RefusalCount>;
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
