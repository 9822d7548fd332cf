import type { LeadKind } from "../leads/lead-term";
import { isPersonId } from "../people/person-id";

/** A nomination of a borough lead or deputy, from the nominating card to the DCS's confirmation (the term it would start). */
export type NominationKind = LeadKind;

/**
 * open: waiting for the nominee; accepted: waiting for the borough's DCS or a coordinator;
 * confirmed: the nominee holds the post; declined / withdrawn: closed, purged after the retention period.
 */
export type NominationStatus = "open" | "accepted" | "declined" | "confirmed" | "withdrawn";

export const NOMINATION_KINDS: readonly NominationKind[] = ["lead", "deputy"];

/** Field limits in UTF-16 code units. */
export const NOMINATION_LIMITS = { jobTitle: 120, reason: 1000, nomineeName: 120 } as const;

/**
 * What is stored: Entra object ids, display names, job title, borough and dates. Never e-mail or
 * phone (UK GDPR data minimisation): fields a card did not ask for are dropped before storage.
 */
export interface Nomination {
  /** Server-made ULID, given when the nominating card was shown. */
  id: string;
  /** GSS code, decided on the server from the nominator's record (coordinators may choose). */
  borough: string;
  kind: NominationKind;
  nomineeId: string;
  nomineeTenantId: string;
  nomineeName: string;
  nomineeJobTitle: string;
  reason: string;
  nominatedById: string;
  nominatedByName: string;
  status: NominationStatus;
  createdAt: string;
  updatedAt: string;
  /** When the nominee or a confirmer decided ("" while open). */
  decidedAt: string;
  decidedById: string;
  /** Storage version, for updates that must not overwrite another's change. */
  etag?: string;
}

export function isOpenNomination(n: Nomination): boolean {
  return n.status === "open" || n.status === "accepted";
}

export function kindTitle(kind: NominationKind): string {
  return kind === "lead" ? "borough lead" : "deputy lead";
}

/** A person's id as the Teams client sent it: an Entra object id, or a test client's user id. */
export function isObjectId(value: unknown): value is string {
  return isPersonId(value);
}
