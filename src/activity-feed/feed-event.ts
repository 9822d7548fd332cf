/** Small extra facts each kind of event carries (flat values: the feed keeps them as JSON). */
export interface FeedData {
  "proforma.submitted": ProformaFacts;
  "proforma.edited": ProformaFacts;
  "proforma.published": ProformaFacts;
  "proforma.returned": ProformaFacts;
  "proforma.withdrawn": ProformaFacts;
  "nomination.opened": NoFacts;
  "nomination.accepted": NoFacts;
  "nomination.declined": NoFacts;
  "lead.confirmed": { kind: string; replaced: boolean };
  "conversation.convened": { startsAt: string; theme: string };
  "conversation.cancelled": { startsAt: string };
  "action.overdue": { due: string; meetingId: string; owner: string };
  "action.done": { due: string; meetingId: string };
}

/** What the features record: one name per kind of event, each with its own facts. */
export type FeedKind = keyof FeedData;

// Every kind once: the compiler refuses a kind added to FeedData and left out here.
const KNOWN: Record<FeedKind, true> = {
  "proforma.submitted": true,
  "proforma.edited": true,
  "proforma.published": true,
  "proforma.returned": true,
  "proforma.withdrawn": true,
  "nomination.opened": true,
  "nomination.accepted": true,
  "nomination.declined": true,
  "lead.confirmed": true,
  "conversation.convened": true,
  "conversation.cancelled": true,
  "action.overdue": true,
  "action.done": true,
};

export const FEED_KINDS = Object.keys(KNOWN) as FeedKind[];

export function isFeedKind(value: unknown): value is FeedKind {
  return typeof value === "string" && (FEED_KINDS as readonly string[]).includes(value);
}

type NoFacts = Record<string, never>;

/** A proforma's themes go in as comma-separated codes. */
interface ProformaFacts {
  outcomeAreas: string;
  priorities: string;
  status: string;
  version: number;
  demo?: boolean;
  comment?: string;
}

interface FeedEventBase {
  /** ISO week in Europe/London, e.g. 2026-W48: the partition. */
  week: string;
  /**
   * A stable key for this happening (e.g. `proforma.submitted:<id>:v1`), so writing the same event
   * twice (a retry, a redelivery) leaves one row.
   */
  key: string;
  at: string;
  borough?: string;
  subjectId?: string;
  title?: string;
  actorId?: string;
}

/**
 * One thing that happened, written to the week's activity feed. The digest reads one week's
 * partition, so its cost grows with the week, not with the archive. A union on `kind`: a digest
 * section that narrows on a kind sees that kind's facts.
 */
export type FeedEvent = { [K in FeedKind]: FeedEventBase & { kind: K; data?: Partial<FeedData[K]> } }[FeedKind];

/** An event of one kind, as a feature records it (the week is worked out from `at` when left out). */
export type FeedEventOf<K extends FeedKind> = Omit<FeedEventBase, "week"> & { week?: string; kind: K; data?: FeedData[K] };
