import type { Proforma, ProformaStatus, StoredProforma } from "./proforma";
import type { FeedEventInput } from "./proforma-rows";
import type { ProformaVersion } from "./proforma-version";

/** A line of "my proformas": enough to list a person's entries without reading them all. */
export interface AuthoredEntry {
  id: string;
  borough: string;
  title: string;
  status: string;
  updatedAt: string;
  /** The step (0-based) the form showed after the author's last press: where a draft resumes. 0 when not known. */
  step: number;
}

/** One save of a proforma: the record as it will stand and the rows that must agree with it. */
export interface ProformaSave {
  proforma: Proforma;
  /** The ETag the save was decided on; absent for a new record. */
  etag?: string;
  /** The version row (keyed by the proforma's revision: written once, never replaced). */
  version: ProformaVersion;
  /** The activity-feed row for a shared change; it goes through the outbox in the same transaction. */
  event?: FeedEventInput;
  /** The step the form shows after this save (kept on the author line, so a draft resumes there). */
  step?: number;
}

/** `saved`, with the record's new ETag; or, for a new record whose id is stored already, what is stored. */
export type SaveResult = { saved: true; etag: string } | { saved: false; stored: StoredProforma };

/** Where a borough's entry stood when it last changed (the circulation rounds read these). */
export interface RoundResponse {
  borough: string;
  proformaId: string;
  status: string;
  at: string;
}

export interface ProformaStore {
  /**
   * Writes a save whole or not at all: the record, its version row, its author index line, its
   * circulation response and its feed row's outbox entry, in one transaction of the borough's
   * partition. A new record whose id is stored already (a retried or replayed first save) writes
   * nothing and answers what is stored. An update whose ETag no longer matches writes nothing and
   * throws HubError("changed-since-opened"). The feed row is moved to its week's partition right after.
   */
  save(change: ProformaSave): Promise<SaveResult>;
  /** A new record with its first version by its author (seeds, fixtures). */
  create(proforma: Proforma, event?: FeedEventInput): Promise<{ created: boolean; proforma: Proforma; etag: string }>;
  get(borough: string, id: string): Promise<Proforma | undefined>;
  /** A point read with the ETag to pass back to `save`. */
  read(borough: string, id: string): Promise<StoredProforma | undefined>;
  /** Where the author stopped, after a press that changed nothing else: their author line only (absent: nothing). */
  markStep(borough: string, authorId: string, id: string, step: number): Promise<void>;
  /**
   * Deletes a draft whole: the record at the ETag it was read with, its author line and its version
   * and response rows, in one transaction of its borough's partition. A draft with more rows than one
   * transaction holds loses its oldest rows first, each batch checked against (and renewing) the
   * record's ETag, and the record goes in the last. A record changed since it was read is kept:
   * HubError("changed-since-opened"). Answers how many rows went.
   */
  deleteDraft(stored: StoredProforma): Promise<{ rows: number }>;
  /** "My proformas": one RowKey range per borough partition (no scan); only these boroughs' if given. */
  listByAuthor(authorId: string, boroughs?: readonly string[]): Promise<AuthoredEntry[]>;
  /** One borough's records, optionally only some statuses or entries changed since an instant. */
  inBorough(borough: string, filter?: { statuses?: readonly ProformaStatus[]; updatedSince?: string }): Promise<Proforma[]>;
  /** Where each entry stood at its latest save since an instant (circulation rounds): one RowKey range per borough. */
  responsesSince(since: string): Promise<RoundResponse[]>;
  /** Every kept version of a proforma, oldest first: its borough's partition if known, else each borough's. */
  versions(proformaId: string, borough?: string): Promise<ProformaVersion[]>;
  /**
   * Versions a person saved, on any proforma (for `my data`). Versions are keyed by proforma, not by
   * person: this is a filtered scan, kept for that rare request.
   */
  versionsBy(actorId: string): Promise<VersionLine[]>;
  /**
   * Erasure of an author: each entry they wrote keeps its content (the borough owns it) but its
   * authorId is blanked and its authorName, and any lead contact or version content naming them (one
   * of `names`), becomes `marker`; their author index lines are deleted.
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
