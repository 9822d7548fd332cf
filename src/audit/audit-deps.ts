import type { ProformaStore } from "../proforma/proforma-store";
import type { AuditTrail } from "./audit-trail";

/** What writing an audit line uses (every feature that audits what it did), given at composition (src/composition.ts). */
export interface AuditDeps {
  audit: AuditTrail;
  now: () => Date;
}

/** What the audit trail's commands use. */
export interface AuditCommandDeps extends AuditDeps {
  proformas: ProformaStore;
}
