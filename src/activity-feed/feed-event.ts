/**
 * One thing that happened, written to the week's activity feed. The digest reads one week's
 * partition, so its cost grows with the week, not with the archive.
 */
export interface FeedEvent {
  /** ISO week in Europe/London, e.g. 2026-W48: the partition. */
  week: string;
  /**
   * A stable key for this happening (e.g. `proforma.submitted:<id>:v1`), so writing the same event
   * twice (a retry, a redelivery) leaves one row.
   */
  key: string;
  kind: string;
  at: string;
  borough?: string;
  subjectId?: string;
  title?: string;
  actorId?: string;
  /** Small extra facts, kept as JSON. */
  data?: Record<string, string | number | boolean | null>;
}
