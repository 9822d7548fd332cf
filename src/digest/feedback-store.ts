import { guardStorage } from "../storage/guard-storage";
import type { TableClient } from "@azure/data-tables";
import { safeKey } from "../storage/table-limits";

/** The buttons a DCS card records: "Useful", "Discuss at the next meeting", and "Show the numbers" (opened). */
export const FEEDBACK_KINDS = ["useful", "discuss", "opened"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_LABELS: Record<FeedbackKind, string> = { useful: "Useful", discuss: "Discuss at the next meeting", opened: "Opened the numbers" };

/** One press of a digest card's button: only people who pressed are ever recorded. */
export interface DigestFeedback {
  week: string;
  kind: FeedbackKind;
  objectId: string;
  name: string;
  /** The presser's borough (GSS code), or the DCS channel's, or "". */
  borough: string;
  at: string;
}

/**
 * Table `feedback`: PartitionKey digest-<week>, RowKey <kind>|<object id> (pressing twice leaves one
 * row), and the same press under PartitionKey person-<object id>, RowKey <week>|<kind>, so a person's
 * presses are found for `my data` and `forget` without scanning the weeks.
 */
export interface FeedbackStore {
  record(feedback: DigestFeedback): Promise<void>;
  forWeek(week: string): Promise<DigestFeedback[]>;
  /** Every press the person made, any week. */
  byPerson(objectId: string): Promise<DigestFeedback[]>;
  /** Deletes every press the person made; returns how many. */
  forgetPerson(objectId: string): Promise<number>;
}

const weekKey = (week: string) => safeKey(`digest-${week}`);
const personKey = (objectId: string) => safeKey(`person-${objectId}`);
const quote = (s: string) => s.replace(/'/g, "''");

function toFeedback(e: Record<string, unknown>): DigestFeedback {
  return {
    week: String(e.week),
    kind: FEEDBACK_KINDS.includes(e.kind as FeedbackKind) ? (e.kind as FeedbackKind) : "useful",
    objectId: String(e.objectId),
    name: String(e.name),
    borough: String(e.borough ?? ""),
    at: String(e.at),
  };
}

class UnguardedFeedbackStore implements FeedbackStore {
  constructor(private readonly client: TableClient) {}

  async record(f: DigestFeedback): Promise<void> {
    // The person's index row first: a press is never held where forget cannot find it.
    await this.client.upsertEntity({ partitionKey: personKey(f.objectId), rowKey: safeKey(`${f.week}|${f.kind}`), ...f }, "Replace");
    await this.client.upsertEntity({ partitionKey: weekKey(f.week), rowKey: safeKey(`${f.kind}|${f.objectId}`), ...f }, "Replace");
  }

  private async partition(pk: string): Promise<(DigestFeedback & { partitionKey: string; rowKey: string })[]> {
    const found: (DigestFeedback & { partitionKey: string; rowKey: string })[] = [];
    for await (const e of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${quote(pk)}'` } }))
      found.push({ ...toFeedback(e), partitionKey: String(e.partitionKey), rowKey: String(e.rowKey) });
    return found;
  }

  async forWeek(week: string): Promise<DigestFeedback[]> {
    return (await this.partition(weekKey(week))).map(({ partitionKey: _p, rowKey: _r, ...f }) => f);
  }

  async byPerson(objectId: string): Promise<DigestFeedback[]> {
    return (await this.partition(personKey(objectId))).map(({ partitionKey: _p, rowKey: _r, ...f }) => f);
  }

  async forgetPerson(objectId: string): Promise<number> {
    const presses = await this.partition(personKey(objectId));
    for (const p of presses) {
      await this.delete(weekKey(p.week), safeKey(`${p.kind}|${objectId}`));
      await this.delete(p.partitionKey, p.rowKey);
    }
    return presses.length;
  }

  private async delete(pk: string, rk: string): Promise<void> {
    try {
      await this.client.deleteEntity(pk, rk);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

/** The Table store with storage failures turned into a HubError a person can read. */
export class TableFeedbackStore implements FeedbackStore {
  private readonly inner: UnguardedFeedbackStore;
  constructor(client: TableClient) {
    this.inner = new UnguardedFeedbackStore(client);
  }
  record(feedback: DigestFeedback) {
    return guardStorage(() => this.inner.record(feedback));
  }
  forWeek(week: string) {
    return guardStorage(() => this.inner.forWeek(week));
  }
  byPerson(objectId: string) {
    return guardStorage(() => this.inner.byPerson(objectId));
  }
  forgetPerson(objectId: string) {
    return guardStorage(() => this.inner.forgetPerson(objectId));
  }
}
