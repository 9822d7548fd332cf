import { isFeedKind, type FeedEventOf } from "../activity-feed/feed-event";
import { HubError } from "../domain/errors";
import { isoWeek } from "../domain/iso-week";
import { safeKey } from "../storage/table-limits";
import type { Proforma } from "./proforma";
import { contentFromProperties, contentToProperties } from "./proforma-entity";
import type { ProformaVersion, VersionAction } from "./proforma-version";

/**
 * The rows of one borough's partition of the proformas table. The record's RowKey is its ULID (digits
 * and capitals); every row that must agree with it has a lower-case prefix, so one transaction (same
 * table, same partition) writes a save whole, and each kind is one RowKey range:
 *   `<ULID>`                          the record
 *   `version:<ULID>:<revision>`       a kept version, written once (create), never replaced
 *   `author:<author key>:<ULID>`      the author's index line for "my proformas"
 *   `response:<updatedAt>:<ULID>:<revision>`  where the entry stood at this save, for circulation rounds
 *   `outbox:<feed key>`               a feed row waiting to be moved to the week's activity partition
 */
export type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

const REVISION_DIGITS = 6;

/** The RowKey range of one kind of row: `ge` and `lt` bounds (";" sorts just after ":"). */
export function rangeOf(prefix: string): { from: string; to: string } {
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1) };
}

/** Record rows: RowKeys below "a" (ULIDs use digits and capitals only). */
export const RECORD_KEYS_BELOW = "a";

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

export function versionPrefix(proformaId: string): string {
  return `version:${proformaId}:`;
}

export function versionEntity(borough: string, v: ProformaVersion): Entity {
  const { borough: _borough, ...content } = contentToProperties(v.content);
  const revision = v.revision ?? v.version;
  return {
    partitionKey: borough,
    rowKey: versionPrefix(v.proformaId) + String(revision).padStart(REVISION_DIGITS, "0"),
    proformaId: v.proformaId,
    ...content,
    action: v.action,
    at: v.at,
    actorId: v.actorId,
    actorName: v.actorName,
    changed: JSON.stringify(v.changed),
    comment: v.comment,
    status: v.status,
    version: v.version,
    revision,
  };
}

/** A version row, from today's layout or the older proformaversions table (PartitionKey = proforma id). */
export function versionFromEntity(e: Record<string, unknown>, proformaId: string, borough: string): ProformaVersion {
  let changed: string[] = [];
  try {
    const parsed = JSON.parse(str(e, "changed") || "[]");
    if (Array.isArray(parsed)) changed = parsed.filter((x): x is string => typeof x === "string");
  } catch {
    changed = [];
  }
  const keyNumber = Number(str(e, "rowKey").split(":").pop());
  const version = typeof e.version === "number" ? e.version : keyNumber;
  return {
    proformaId,
    version,
    revision: typeof e.revision === "number" ? e.revision : keyNumber || version,
    action: str(e, "action") as VersionAction,
    at: str(e, "at"),
    actorId: str(e, "actorId"),
    actorName: str(e, "actorName"),
    changed,
    comment: str(e, "comment"),
    status: str(e, "status"),
    content: contentFromProperties(e, str(e, "borough") || borough),
  };
}

export function authorPrefix(authorId: string): string {
  // ":" closes the prefix, so an id holding one is encoded too.
  return `author:${safeKey(authorId).replace(/:/g, "%3A")}:`;
}

export function authorEntity(p: Proforma, step = 0): Entity {
  return {
    partitionKey: p.borough,
    rowKey: authorPrefix(p.authorId) + p.id,
    proformaId: p.id,
    authorId: p.authorId,
    title: p.title,
    status: p.status,
    updatedAt: p.updatedAt,
    step,
  };
}

export const RESPONSE_PREFIX = "response:";

export function responseEntity(p: Proforma): Entity {
  return {
    partitionKey: p.borough,
    rowKey: `${RESPONSE_PREFIX}${p.updatedAt}:${p.id}:${String(p.revision ?? p.version).padStart(REVISION_DIGITS, "0")}`,
    proformaId: p.id,
    status: p.status,
    at: p.updatedAt,
  };
}

export const OUTBOX_PREFIX = "outbox:";

/** A feed event as written: everything but the week, which follows from `at` when not given. */
export type ProformaEventKind = "proforma.submitted" | "proforma.edited" | "proforma.published" | "proforma.returned" | "proforma.withdrawn";

export type FeedEventInput = FeedEventOf<ProformaEventKind>;

export function outboxEntity(borough: string, event: FeedEventInput): Entity {
  return {
    partitionKey: borough,
    rowKey: OUTBOX_PREFIX + safeKey(event.key),
    eventKey: event.key,
    week: event.week ?? isoWeek(new Date(event.at)),
    kind: event.kind,
    at: event.at,
    eventBorough: event.borough ?? "",
    subjectId: event.subjectId ?? "",
    title: event.title ?? "",
    actorId: event.actorId ?? "",
    data: JSON.stringify(event.data ?? {}),
  };
}

/** The outbox holds only proforma events; anything else is refused, never passed on as a feed row. */
function proformaKind(value: string): ProformaEventKind {
  if (!isFeedKind(value) || !value.startsWith("proforma.")) throw new HubError("internal", "An outbox row holds an unknown kind of event.");
  return value as ProformaEventKind;
}

export function eventFromOutbox(e: Record<string, unknown>): FeedEventInput & { week: string } {
  let data: FeedEventInput["data"];
  try {
    // Written by proformaEvent in the same transaction as the record.
    data = JSON.parse(str(e, "data") || "{}") as FeedEventInput["data"];
  } catch {
    data = undefined;
  }
  return {
    key: str(e, "eventKey"),
    week: str(e, "week"),
    kind: proformaKind(str(e, "kind")),
    at: str(e, "at"),
    borough: str(e, "eventBorough") || undefined,
    subjectId: str(e, "subjectId") || undefined,
    title: str(e, "title") || undefined,
    actorId: str(e, "actorId") || undefined,
    data,
  };
}
