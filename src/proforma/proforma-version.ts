import type { ProformaContent, ProformaDetails } from "./proforma";

/** What a save did to a proforma, as recorded in its history. */
export type VersionAction = "draft" | "submitted" | "edited" | "published" | "returned" | "withdrawn";

/**
 * The actions that make a new version of what was shared: a version number counts these only, so
 * draft saves (and returns or withdrawals, which change no content) are kept apart from it.
 */
export const SHARED_ACTIONS: readonly VersionAction[] = ["submitted", "edited", "published"];

/** One kept version: who, when, what changed, and the content as it then stood. */
export interface ProformaVersion {
  proformaId: string;
  /** How many shared versions (SHARED_ACTIONS) the entry had after this save; 0 for drafts never shared. */
  version: number;
  /** Every save's own number (draft saves included): the row's key, written once. Absent on old rows: then `version`. */
  revision?: number;
  action: VersionAction;
  at: string;
  actorId: string;
  actorName: string;
  /** Field ids whose values differ from the version before. */
  changed: string[];
  /** A coordinator's comment (returns), or "". */
  comment: string;
  status: string;
  content: ProformaContent & ProformaDetails;
}

/** The revision and version numbers after a save with this action. */
export function nextNumbers(before: { version: number; revision?: number } | undefined, action: VersionAction): { revision: number; version: number } {
  const revision = (before ? (before.revision ?? before.version) : 0) + 1;
  const version = (before?.version ?? 0) + (SHARED_ACTIONS.includes(action) ? 1 : 0);
  return { revision, version };
}
