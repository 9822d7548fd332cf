/** One line of the audit trail: who did what to which record, and whether it was allowed. */
export interface AuditEntry {
  /**
   * A stable key for this happening (e.g. `proforma.submitted:<id>`), so a retried or redelivered
   * action leaves one line.
   */
  key: string;
  at: string;
  actorId: string;
  actorName: string;
  /** What was done, e.g. "proforma.submitted", "role.set", "refused". */
  action: string;
  /** The record acted on: a proforma id, a person's object id ...; "" when none. */
  recordId: string;
  /** GSS code of the record's borough, if it has one. */
  borough: string;
  outcome: "done" | "refused";
  /** A short plain sentence for coordinators. */
  detail: string;
}
