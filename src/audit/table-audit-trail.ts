import { odata, type TableClient } from "@azure/data-tables";
import { isoWeek } from "../domain/iso-week";
import { guardStorage } from "../storage/guard-storage";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, safeKey } from "../storage/table-limits";
import type { AuditEntry } from "./audit-entry";
import type { AuditTrail } from "./audit-trail";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * audit: each line is written twice, under `r:<record id>` (the record's history, one partition) and
 * under `w:<ISO week>` (what happened lately); RowKey is the entry's stable key, so a retry rewrites
 * the same two rows.
 */
export class TableAuditTrail implements AuditTrail {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("audit");
  }

  record(entry: AuditEntry): Promise<void> {
    return guardStorage(async () => {
      const fields = {
        at: entry.at,
        actorId: entry.actorId,
        actorName: entry.actorName.slice(0, 200),
        action: entry.action,
        recordId: entry.recordId,
        borough: entry.borough,
        outcome: entry.outcome,
        detail: entry.detail.slice(0, 1000),
      };
      const rowKey = safeKey(entry.key);
      const partitions = [`w:${isoWeek(new Date(entry.at))}`];
      if (entry.recordId) partitions.push(recordPartition(entry.recordId));
      for (const partitionKey of partitions) {
        const entity = { partitionKey, rowKey, ...fields };
        assertEntityFits(entity);
        await this.table.upsertEntity(entity, "Replace");
      }
    });
  }

  forRecord(recordId: string): Promise<AuditEntry[]> {
    return this.partition(recordPartition(recordId)).then((lines) => lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
  }

  async recent(now: Date): Promise<AuditEntry[]> {
    const weeks = [...new Set([isoWeek(now), isoWeek(new Date(now.getTime() - WEEK_MS))])];
    const lines = (await Promise.all(weeks.map((w) => this.partition(`w:${w}`)))).flat();
    return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  private partition(partitionKey: string): Promise<AuditEntry[]> {
    return guardStorage(async () => {
      const lines: AuditEntry[] = [];
      const filter = odata`PartitionKey eq ${partitionKey}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) lines.push(fromEntity(e));
      return lines;
    });
  }
}

function recordPartition(recordId: string): string {
  return `r:${safeKey(recordId)}`;
}

function fromEntity(e: Record<string, unknown>): AuditEntry {
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  return {
    key: s("rowKey"),
    at: s("at"),
    actorId: s("actorId"),
    actorName: s("actorName"),
    action: s("action"),
    recordId: s("recordId"),
    borough: s("borough"),
    outcome: s("outcome") === "refused" ? "refused" : "done",
    detail: s("detail"),
  };
}
