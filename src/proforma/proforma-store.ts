import type { Proforma, ProformaStatus, StoredProforma } from "./proforma";
import type { ProformaVersion } from "./proforma-version";

/** A line of "my proformas": enough to list a person's entries without reading them all. */
export interface AuthoredEntry {
  id: string;
  borough: string;
  title: string;
  status: string;
  updatedAt: string;
}

export interface ProformaStore {
  /**
   * Stores a new proforma under its server-made id. If that id is already stored (a retried or
   * double-clicked submit) nothing changes and the stored one comes back with `created: false`.
   */
  create(proforma: Proforma): Promise<{ created: boolean; proforma: Proforma; etag: string }>;
  get(borough: string, id: string): Promise<Proforma | undefined>;
  /** A point read with the ETag to pass back to `replace`. */
  read(borough: string, id: string): Promise<StoredProforma | undefined>;
  /**
   * Replaces a stored proforma only if it still has the given ETag; otherwise throws
   * HubError("changed-since-opened") and changes nothing. Answers the new ETag.
   */
  replace(proforma: Proforma, etag: string): Promise<string>;
  /** A point query on the authored index (PartitionKey = author): no scan. */
  listByAuthor(authorId: string): Promise<AuthoredEntry[]>;
  /** One borough's partition, optionally only some statuses or entries changed since an instant. */
  inBorough(borough: string, filter?: { statuses?: readonly ProformaStatus[]; updatedSince?: string }): Promise<Proforma[]>;
  addVersion(version: ProformaVersion): Promise<void>;
  /** Every kept version of a proforma, oldest first (one partition of proformaversions). */
  versions(proformaId: string): Promise<ProformaVersion[]>;
}
