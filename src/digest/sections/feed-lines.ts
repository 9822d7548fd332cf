import type { FeedEvent } from "../../activity-feed/feed-event";
import { boroughByCode } from "../../domain/boroughs";
import type { DigestLine } from "../digest-data";

/** Longest title kept in a digest line; the card stays well under Teams' 28 KB. */
export const MAX_SUBJECT = 140;

export function clip(text: string | undefined, max = MAX_SUBJECT): string | undefined {
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function boroughName(code: string | undefined): string {
  return (code && boroughByCode(code)?.name) || "All boroughs";
}

/** The latest event per subject (an edited then published proforma counts once, as published). */
export function latestPerSubject<E extends FeedEvent>(events: readonly E[]): E[] {
  const bySubject = new Map<string, E>();
  for (const e of events) bySubject.set(e.subjectId || e.key, e);
  return [...bySubject.values()];
}

/** Lines for feed events, one each, by borough then time, worded by kind. */
export function eventLines<E extends FeedEvent>(events: readonly E[], words: (e: E) => string): DigestLine[] {
  return [...events]
    .sort((a, b) => boroughName(a.borough).localeCompare(boroughName(b.borough)) || a.at.localeCompare(b.at))
    .map((e) => ({ borough: e.borough, text: words(e), subject: clip(e.title) }));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function boroughCount(events: readonly FeedEvent[]): number {
  return new Set(events.map((e) => e.borough).filter(Boolean)).size;
}
