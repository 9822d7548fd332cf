import type { AuditEntry } from "./audit-entry";
import type { AuditTrail } from "./audit-trail";

/** What writing an audit line uses (every feature that audits what it did), given at composition (src/composition.ts). */
export interface AuditDeps {
  audit: AuditTrail;
  now: () => Date;
}

/** What the audit trail's commands use. */
export interface AuditCommandDeps extends AuditDeps {
  /**
   * A record's own history as audit lines (a proforma's kept versions), given at composition so the
   * audit trail needs no feature's types; none for a record that keeps no history.
   */
  recordHistory(recordId: string): Promise<AuditEntry[]>;
}
