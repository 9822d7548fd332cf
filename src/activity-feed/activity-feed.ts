import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import { isoWeek } from "../domain/iso-week";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, MAX_BATCH, safeKey } from "../storage/table-limits";
import { isFeedKind, type FeedEvent, type FeedEventOf, type FeedKind } from "./feed-event";

export interface ActivityFeed {
  record<K extends FeedKind>(event: FeedEventOf<K>): Promise<void>;
  /** Many rows at once: one transaction per week partition (at most 100 rows each); same keys, same rows. */
  recordAll(events: (Omit<FeedEvent, "week"> & { week?: string })[]): Promise<void>;
  week(week: string): Promise<FeedEvent[]>;
  /** Erasure: blanks the person's id on every feed row they caused; the rows (the counts) stay. */
  forgetActor(actorId: string): Promise<number>;
}

/** activity: PartitionKey ISO week, RowKey the event's stable key. */
export class TableActivityFeed implements ActivityFeed {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("activity");
  }

  record<K extends FeedKind>(event: FeedEventOf<K>): Promise<void> {
    return guardStorage(async () => {
      await this.table.upsertEntity(toEntity(event), "Replace");
    });
  }

  recordAll(events: (Omit<FeedEvent, "week"> & { week?: string })[]): Promise<void> {
    return guardStorage(async () => {
      const byWeek = new Map<string, TransactionAction[]>();
      for (const event of events) {
        const entity = toEntity(event);
        byWeek.set(entity.partitionKey, [...(byWeek.get(entity.partitionKey) ?? []), ["upsert", entity, "Replace"]]);
      }
      for (const actions of byWeek.values()) {
        for (let i = 0; i < actions.length; i += MAX_BATCH) await this.table.submitTransaction(actions.slice(i, i + MAX_BATCH));
      }
    });
  }

  week(week: string): Promise<FeedEvent[]> {
    return guardStorage(async () => {
      const events: FeedEvent[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${week}` } })) {
        const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
        let data: FeedEvent["data"];
        try {
          data = JSON.parse(s("data") || "{}");
        } catch {
          data = {};
        }
        const kind = s("kind");
        // A kind this version does not know (written by a newer one) is left for that version to read.
        if (!isFeedKind(kind)) continue;
        events.push({
          week,
          key: s("rowKey"),
          kind,
          at: s("at"),
          borough: s("borough") || undefined,
          subjectId: s("subjectId") || undefined,
          title: s("title") || undefined,
          actorId: s("actorId") || undefined,
          data,
        } as FeedEvent);
      }
      return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    });
  }

  forgetActor(actorId: string): Promise<number> {
    return guardStorage(async () => {
      // The feed is keyed by week, not by person: a scan filtered on the person's id, acceptable for
      // erasure (rare, coordinators only). Only the keys come back.
      const found: { partitionKey: string; rowKey: string }[] = [];
      const filter = odata`actorId eq ${actorId}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["PartitionKey", "RowKey"] } })) {
        found.push({ partitionKey: String(e.partitionKey), rowKey: String(e.rowKey) });
      }
      for (const key of found) await this.table.updateEntity({ ...key, actorId: "" }, "Merge");
      return found.length;
    });
  }
}

/** One feed row: PartitionKey its ISO week, RowKey its stable key (key-safe). */
function toEntity(event: Omit<FeedEvent, "week"> & { week?: string }): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const entity = {
    partitionKey: event.week ?? isoWeek(new Date(event.at)),
    rowKey: safeKey(event.key),
    kind: event.kind,
    at: event.at,
    borough: event.borough ?? "",
    subjectId: event.subjectId ?? "",
    title: event.title ?? "",
    actorId: event.actorId ?? "",
    data: JSON.stringify(event.data ?? {}),
  };
  assertEntityFits(entity);
  return entity;
}
