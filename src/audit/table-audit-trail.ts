import { odata, type TableClient } from "@azure/data-tables";
import { newId } from "../domain/ids";
import { isoWeek } from "../domain/iso-week";
import { cutText } from "../domain/typed-text";
import { guardStorage } from "../storage/guard-storage";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import type { AuditEntry } from "./audit-entry";
import type { AuditTrail } from "./audit-trail";
import type { RefusalCount } from "./refusal-limit";

/** RowKeys of the hourly refusal counts (one per person and hour), kept in the weekly partition. */
const REFUSALS = "refusals:";

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
        actorName: cutText(entry.actorName, 200),
        action: entry.action,
        recordId: entry.recordId,
        borough: entry.borough,
        outcome: entry.outcome,
        detail: cutText(entry.detail, 1000),
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

  countRefusal(
    refusal: { personId: string; personName: string; hour: string; at: string },
    decide: (current: RefusalCount | undefined) => { next: RefusalCount; detail: string },
  ): Promise<RefusalCount> {
    return guardStorage(async () => {
      const partitionKey = `w:${isoWeek(new Date(refusal.at))}`;
      const rowKey = `${REFUSALS}${safeKey(refusal.personId)}:${refusal.hour}`;
      for (let attempt = 0; ; attempt++) {
        const stored = await this.read(partitionKey, rowKey);
        const { next, detail } = decide(stored ? countOf(stored) : undefined);
        const entity = {
          partitionKey,
          rowKey,
          at: refusal.at,
          actorId: refusal.personId,
          actorName: cutText(refusal.personName, 200),
          action: "refusals",
          recordId: "",
          borough: "",
          outcome: "refused",
          detail: cutText(detail, 1000),
          listed: next.listed,
          more: next.more,
          whats: JSON.stringify(next.whats),
        };
        assertEntityFits(entity);
        try {
          if (stored) await this.table.updateEntity(entity, "Replace", { etag: String(stored.etag) });
          else await this.table.createEntity(entity);
          return next;
        } catch (error) {
          // Another instance counted a refusal of the same person meanwhile: count again on top of it.
          const status = statusCodeOf(error);
          if ((status !== 409 && status !== 412) || attempt >= 8) throw error;
        }
      }
    });
  }

  private async read(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
  }

  forRecord(recordId: string): Promise<AuditEntry[]> {
    return this.partition(recordPartition(recordId)).then((lines) => lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
  }

  async recent(now: Date): Promise<AuditEntry[]> {
    const weeks = [...new Set([isoWeek(now), isoWeek(new Date(now.getTime() - WEEK_MS))])];
    const lines = (await Promise.all(weeks.map((w) => this.partition(`w:${w}`)))).flat();
    return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  about(personId: string): Promise<AuditEntry[]> {
    return guardStorage(async () => {
      // The weekly copies hold every line once; their record copies are left out so nothing shows twice.
      const lines = (await this.matching(personId)).filter((e) => String(e.partitionKey).startsWith("w:") && shownAsLine(e)).map(fromEntity);
      return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    });
  }

  forgetPerson(personId: string, marker: string, names: readonly string[]): Promise<number> {
    return guardStorage(async () => {
      const scrub = (text: string) => [personId, ...names].filter((n) => n.trim().length > 1).reduce((t, n) => t.split(n).join(marker), text);
      const ownPartition = recordPartition(personId);
      let lines = 0;
      for (const e of await this.matching(personId)) {
        const pk = String(e.partitionKey);
        const rk = String(e.rowKey);
        if (pk === ownPartition) {
          await this.remove(pk, rk);
          continue;
        }
        const actor = e.actorId === personId;
        const fields = {
          actorId: actor ? "" : String(e.actorId ?? ""),
          actorName: actor ? marker : scrub(String(e.actorName ?? "")),
          recordId: e.recordId === personId ? "" : String(e.recordId ?? ""),
          detail: scrub(String(e.detail ?? "")),
        };
        if (rk.includes(safeKey(personId)) || rk.includes(personId)) {
          // A stable key built from the person's id (a refusal, a role change): the line moves to an
          // anonymous key. It no longer de-duplicates a retry, which an erased person cannot make.
          const entity = { ...e, partitionKey: pk, rowKey: `erased:${newId()}`, ...fields };
          delete (entity as Record<string, unknown>).etag;
          delete (entity as Record<string, unknown>).timestamp;
          assertEntityFits(entity);
          await this.table.createEntity(entity);
          await this.remove(pk, rk);
        } else {
          await this.table.updateEntity({ partitionKey: pk, rowKey: rk, ...fields }, "Merge");
        }
        if (pk.startsWith("w:")) lines++;
      }
      return lines;
    });
  }

  /**
   * Lines naming the person as actor or record. The trail is keyed by week and record, not by actor:
   * a scan filtered on the person's id, acceptable for `my data` and erasure, which are rare and one
   * person at a time.
   */
  private async matching(personId: string): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    const filter = odata`actorId eq ${personId} or recordId eq ${personId}`;
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(e);
    return found;
  }

  private async remove(partitionKey: string, rowKey: string): Promise<void> {
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
    }
  }

  private partition(partitionKey: string): Promise<AuditEntry[]> {
    return guardStorage(async () => {
      const lines: AuditEntry[] = [];
      const filter = odata`PartitionKey eq ${partitionKey}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) if (shownAsLine(e)) lines.push(fromEntity(e));
      return lines;
    });
  }
}

function recordPartition(recordId: string): string {
  return `r:${safeKey(recordId)}`;
}

/** An hourly refusal count is a line of the trail once it counts refusals not listed one by one. */
function shownAsLine(e: Record<string, unknown>): boolean {
  return !String(e.rowKey).startsWith(REFUSALS) || Number(e.more) > 0;
}

function countOf(e: Record<string, unknown>): RefusalCount {
  let whats: Record<string, number> = {};
  try {
    const parsed = JSON.parse(String(e.whats ?? "{}")) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
      whats = Object.fromEntries(Object.entries(parsed).filter(([, n]) => typeof n === "number"));
  } catch {
    whats = {};
  }
  return { listed: Number(e.listed) || 0, more: Number(e.more) || 0, whats };
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
