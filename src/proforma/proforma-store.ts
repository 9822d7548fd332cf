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
   * The record only: the caller writes the author index with `index`, beside the version row.
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
  /** Writes the author's index row for `my proformas` (idempotent; nothing for an erased author). */
  index(proforma: Proforma): Promise<void>;
  /** A point query on the authored index (PartitionKey = author): no scan. */
  listByAuthor(authorId: string): Promise<AuthoredEntry[]>;
  /** One borough's partition, optionally only some statuses or entries changed since an instant. */
  inBorough(borough: string, filter?: { statuses?: readonly ProformaStatus[]; updatedSince?: string }): Promise<Proforma[]>;
  addVersion(version: ProformaVersion): Promise<void>;
  /** Every kept version of a proforma, oldest first (one partition of proformaversions). */
  versions(proformaId: string): Promise<ProformaVersion[]>;
  /**
   * Versions a person saved, on any proforma (for `my data`). Versions are keyed by proforma, not by
   * person: this is a filtered scan of proformaversions, kept for that rare request.
   */
  versionsBy(actorId: string): Promise<VersionLine[]>;
  /**
   * Erasure of an author: each entry they wrote keeps its content (the borough owns it) but its
   * authorId is blanked and its authorName, and any lead contact or version content naming them (one
   * of `names`), becomes `marker`; their authored index partition is deleted.
   */
  forgetAuthor(authorId: string, marker: string, names: readonly string[]): Promise<{ proformas: number; versions: number }>;
  /** Erasure: every version row the person saved keeps its content, with actor id blanked and name `marker`. */
  forgetVersionActor(actorId: string, marker: string): Promise<number>;
}

/** A version a person saved, as `my data` lists it. */
export interface VersionLine {
  proformaId: string;
  version: number;
  action: string;
  at: string;
  title: string;
}
