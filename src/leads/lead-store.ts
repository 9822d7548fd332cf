import type { BoroughRoster, LeadTerm } from "./lead-term";

export interface LeadStore {
  roster(borough: string): Promise<BoroughRoster>;
  /**
   * Starts a term. A lead's term replaces the borough's current lead in one transaction (the old
   * term is ended, never deleted); a deputy's term is added. Confirming the same nomination twice
   * changes nothing the second time.
   */
  confirm(term: LeadTerm): Promise<{ created: boolean; replaced?: LeadTerm }>;
  /** Ends a current term (a lead's also frees the post), e.g. when the person is erased. */
  end(term: LeadTerm, until: string): Promise<void>;
  /** Rewrites a term's person fields (for erasure), keeping its dates and kind. */
  rewrite(term: LeadTerm): Promise<void>;
  /** Every term, current or past, a person holds or held (one partition query per borough). */
  heldBy(objectId: string): Promise<LeadTerm[]>;
  /** Every term the person confirmed as DCS or coordinator (one partition query per borough), for erasure. */
  confirmedBy(objectId: string): Promise<LeadTerm[]>;
}
