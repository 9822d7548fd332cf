import type { ProformaContent, ProformaDetails } from "./proforma";

/** What a save did to a proforma, as recorded in its history. */
export type VersionAction = "draft" | "submitted" | "edited" | "published" | "returned" | "withdrawn";

/** One kept version: who, when, what changed, and the content as it then stood. */
export interface ProformaVersion {
  proformaId: string;
  version: number;
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
