import { guardStorage } from "../storage/guard-storage";
import type { TableClient } from "@azure/data-tables";
import { safeKey } from "../storage/table-limits";

export const FEEDBACK_KINDS = ["useful", "discuss"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

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

/** Table `feedback`: PartitionKey digest-<week>, RowKey <kind>|<object id>; pressing twice leaves one row. */
export interface FeedbackStore {
  record(feedback: DigestFeedback): Promise<void>;
  forWeek(week: string): Promise<DigestFeedback[]>;
}

class UnguardedFeedbackStore implements FeedbackStore {
  constructor(private readonly client: TableClient) {}

  async record(f: DigestFeedback): Promise<void> {
    await this.client.upsertEntity({ partitionKey: safeKey(`digest-${f.week}`), rowKey: safeKey(`${f.kind}|${f.objectId}`), ...f }, "Replace");
  }

  async forWeek(week: string): Promise<DigestFeedback[]> {
    const found: DigestFeedback[] = [];
    const pk = safeKey(`digest-${week}`).replace(/'/g, "''");
    for await (const e of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${pk}'` } })) {
      found.push({
        week: String(e.week),
        kind: e.kind === "discuss" ? "discuss" : "useful",
        objectId: String(e.objectId),
        name: String(e.name),
        borough: String(e.borough ?? ""),
        at: String(e.at),
      });
    }
    return found;
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
}
