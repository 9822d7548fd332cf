import { createHash } from "node:crypto";
import type { TableClient, TableEntity, TransactionAction } from "@azure/data-tables";
import type { Headline } from "../analysis/headlines";
import type { MeasureRow } from "../analysis/measure-row";
import type { MeasureStore, SourceRecord, StoredHeadline, StoredMeasure } from "./measure-store";
import { measureRowKey, safeKey } from "./table-keys";

const LATEST = "latest";
const MAX_BATCH = 100; // Table Storage: at most 100 operations per same-partition transaction.
const MAX_STRING = 32_000; // characters; a string property is limited to 64 KiB (UTF-16).

type Entity = TableEntity<Record<string, string | number | boolean>>;

function clip(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
}

/** Null numbers are left out of the entity (Table Storage has no null). */
function put(entity: Entity, name: string, value: string | number | boolean | null): void {
  if (value !== null) entity[name] = typeof value === "string" ? clip(value) : value;
}

function numberOrNull(e: Record<string, unknown>, name: string): number | null {
  return typeof e[name] === "number" ? (e[name] as number) : null;
}

function stringOrNull(e: Record<string, unknown>, name: string): string | null {
  return typeof e[name] === "string" ? (e[name] as string) : null;
}

function checksumOf(source: string, sources: readonly SourceRecord[]): string {
  return source
    .split(", ")
    .map((s) => sources.find((x) => x.name === s)?.checksum ?? "")
    .join(",");
}

async function submitAll(client: TableClient, entities: Entity[]): Promise<void> {
  // One entity per key (a transaction rejects the same key twice), grouped by partition.
  const unique = new Map(entities.map((e) => [`${e.partitionKey}\u0000${e.rowKey}`, e]));
  const byPartition = new Map<string, Entity[]>();
  for (const e of unique.values()) {
    const list = byPartition.get(e.partitionKey);
    if (list) list.push(e);
    else byPartition.set(e.partitionKey, [e]);
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += MAX_BATCH) batches.push(list.slice(i, i + MAX_BATCH).map((e) => ["upsert", e, "Replace"]));
  }
  // A few transactions at a time: each is all-or-nothing within its partition, and upserts make a
  // repeated run harmless, so order between partitions does not matter.
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await client.submitTransaction(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(8, batches.length) }, worker));
}

/**
 * Measures in table "measures" (PartitionKey = measure id, RowKey = area|period|group|level) and
 * headlines in table "headlines" (PartitionKey = run id, RowKey = rank), plus a pointer row
 * (PartitionKey "latest") naming the newest run. Every entity records its source files and checksums.
 */
export class TableMeasureStore implements MeasureStore {
  constructor(
    private readonly measures: TableClient,
    private readonly headlines: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveRun(measures: readonly MeasureRow[], headlines: readonly Headline[], sources: readonly SourceRecord[]): Promise<string> {
    const created = this.now().toISOString();
    const runId = `${created.replace(/[:.]/g, "-")}-${createHash("sha256")
      .update(sources.map((s) => s.checksum).join())
      .digest("hex")
      .slice(0, 8)}`;
    await submitAll(
      this.measures,
      measures.map((m) => this.measureEntity(m, runId, sources)),
    );
    await submitAll(
      this.headlines,
      headlines.map((h, i) => this.headlineEntity(h, i + 1, runId, created, sources)),
    );
    await this.headlines.upsertEntity({ partitionKey: LATEST, rowKey: LATEST, runId, createdAt: created, count: headlines.length }, "Replace");
    return runId;
  }

  private measureEntity(m: MeasureRow, runId: string, sources: readonly SourceRecord[]): Entity {
    const hide = m.suppressed;
    const e: Entity = { partitionKey: safeKey(m.measure), rowKey: measureRowKey(m.areaCode, m.period, m.groupKey, m.level) };
    put(e, "measure", m.measure);
    put(e, "topic", m.topic);
    put(e, "areaCode", m.areaCode);
    put(e, "areaName", m.areaName);
    put(e, "period", m.period);
    put(e, "group", m.group);
    put(e, "level", m.level);
    put(e, "numerator", hide ? null : m.numerator);
    put(e, "denominator", hide ? null : m.denominator);
    put(e, "value", hide ? null : m.value);
    put(e, "unit", m.unit);
    put(e, "ciLow", hide ? null : m.ciLow);
    put(e, "ciHigh", hide ? null : m.ciHigh);
    put(e, "referenceGroup", m.referenceGroup);
    put(e, "ratio", hide ? null : m.ratio);
    put(e, "ratioLow", hide ? null : m.ratioLow);
    put(e, "ratioHigh", hide ? null : m.ratioHigh);
    put(e, "suppressed", m.suppressed);
    put(e, "note", m.note);
    put(e, "method", m.method);
    put(e, "source", m.source);
    put(e, "checksum", checksumOf(m.source, sources));
    put(e, "synthetic", m.synthetic);
    put(e, "runId", runId);
    return e;
  }

  private headlineEntity(h: Headline, rank: number, runId: string, created: string, sources: readonly SourceRecord[]): Entity {
    return {
      partitionKey: safeKey(runId),
      rowKey: String(rank).padStart(4, "0"),
      runId,
      rank,
      createdAt: created,
      text: clip(h.text),
      measure: h.measure,
      areaCode: h.areaCode,
      areaName: h.areaName,
      period: h.period,
      group: h.group,
      ratio: h.ratio,
      ratioLow: h.ratioLow,
      ratioHigh: h.ratioHigh,
      significant: h.significant,
      source: clip(h.source),
      checksum: checksumOf(h.source, sources),
      synthetic: h.synthetic,
    };
  }

  async latestHeadlines(limit: number): Promise<StoredHeadline[]> {
    let pointer: Record<string, unknown>;
    try {
      pointer = await this.headlines.getEntity(LATEST, LATEST);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return [];
      throw error;
    }
    const runId = String(pointer.runId);
    const found: StoredHeadline[] = [];
    const pages = this.headlines.listEntities({ queryOptions: { filter: `PartitionKey eq '${safeKey(runId).replace(/'/g, "''")}'` } });
    for await (const e of pages) {
      found.push({
        runId,
        rank: Number(e.rank),
        text: String(e.text),
        measure: String(e.measure),
        areaCode: String(e.areaCode),
        areaName: String(e.areaName),
        period: String(e.period),
        group: String(e.group),
        ratio: Number(e.ratio),
        ratioLow: Number(e.ratioLow),
        ratioHigh: Number(e.ratioHigh),
        significant: e.significant === true,
        source: String(e.source),
        checksum: String(e.checksum),
        synthetic: e.synthetic === true,
        createdAt: String(e.createdAt),
      });
      if (found.length >= limit) break;
    }
    return found.sort((a, b) => a.rank - b.rank).slice(0, limit);
  }

  async listMeasures(filter: { measure: string; areaCode?: string }): Promise<StoredMeasure[]> {
    const pk = safeKey(filter.measure).replace(/'/g, "''");
    let query = `PartitionKey eq '${pk}'`;
    if (filter.areaCode) {
      // RowKeys start with the area code: a range query on the prefix.
      const prefix = safeKey(`${filter.areaCode}|`).replace(/'/g, "''");
      query += ` and RowKey ge '${prefix}' and RowKey lt '${prefix}~~'`;
    }
    const rows: StoredMeasure[] = [];
    for await (const e of this.measures.listEntities({ queryOptions: { filter: query } })) {
      rows.push({
        measure: String(e.measure),
        topic: String(e.topic),
        areaCode: String(e.areaCode),
        areaName: String(e.areaName),
        period: String(e.period),
        group: String(e.group),
        level: stringOrNull(e, "level"),
        numerator: numberOrNull(e, "numerator"),
        denominator: numberOrNull(e, "denominator"),
        value: numberOrNull(e, "value"),
        unit: String(e.unit),
        ciLow: numberOrNull(e, "ciLow"),
        ciHigh: numberOrNull(e, "ciHigh"),
        referenceGroup: stringOrNull(e, "referenceGroup"),
        ratio: numberOrNull(e, "ratio"),
        ratioLow: numberOrNull(e, "ratioLow"),
        ratioHigh: numberOrNull(e, "ratioHigh"),
        suppressed: e.suppressed === true,
        note: stringOrNull(e, "note"),
        method: String(e.method),
        source: String(e.source),
        checksum: String(e.checksum),
        synthetic: e.synthetic === true,
        runId: String(e.runId),
      });
    }
    return rows;
  }
}
