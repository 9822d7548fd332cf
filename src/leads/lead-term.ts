/** A lead term is the borough's lead or one of its deputies. */
export type LeadKind = "lead" | "deputy";

/**
 * A person's time as a borough's lead or deputy, made by a confirmed nomination (its id is the
 * nomination's). A term with no `until` is current; ended terms stay as history.
 */
export interface LeadTerm {
  borough: string;
  id: string;
  kind: LeadKind;
  objectId: string;
  tenantId: string;
  name: string;
  jobTitle: string;
  since: string;
  /** When the term ended ("" while current). */
  until: string;
  confirmedById: string;
  etag?: string;
}

/** A borough's current lead, current deputies and past terms, newest first. */
export interface BoroughRoster {
  borough: string;
  lead?: LeadTerm;
  deputies: LeadTerm[];
  history: LeadTerm[];
}
