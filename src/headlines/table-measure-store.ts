import { createHash } from "node:crypto";
import type { TableClient, TableEntity, TransactionAction } from "@azure/data-tables";
import { shownRow, type Headline, type MeasureRow } from "../analysis/contract";
import { HACKNEY_AND_CITY } from "../analysis/geography";
import { STORED_HEADLINE_FIELDS, STORED_MEASURE_FIELDS, type MeasureStore, type SourceRecord, type StoredHeadline, type StoredMeasure } from "./measure-store";
import { measureRowKey, safeKey } from "./table-keys";

const LATEST = "latest";
const MAX_BATCH = 100; // Table Storage: at most 100 operations per same-partition transaction.
const MAX_STRING = 32_000; // characters; a string property is limited to 64 KiB (UTF-16).
/** Fields held as JSON text (Table Storage has no objects or arrays). */
const JSON_FIELDS = new Set<string>(["base", "caveats", "comparison"]);

type Entity = TableEntity<Record<string, string | number | boolean>>;

function clip(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
}

/** Copies the named fields into an entity; nulls are left out (Table Storage has no null), objects become JSON. */
function putFields(entity: Entity, value: object, fields: readonly string[]): Entity {
  for (const f of fields) {
    const v = (value as Record<string, unknown>)[f];
    if (v === null || v === undefined) continue;
    entity[f] = JSON_FIELDS.has(f) ? clip(JSON.stringify(v)) : typeof v === "string" ? clip(v) : (v as number | boolean);
  }
  return entity;
}

/** Reads the named fields back; a missing property is null, JSON fields are parsed. */
function readFields(e: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = e[f];
    out[f] = v === undefined || v === null ? null : JSON_FIELDS.has(f) && typeof v === "string" ? JSON.parse(v) : v;
  }
  return out;
}

function checksumOf(source: string, sources: readonly SourceRecord[]): string {
  return source
    .split(", ")
    .map((s) => sources.find((x) => x.name === s)?.checksum ?? "")
    .join(",");
}

function quote(text: string): string {
  return text.replace(/'/g, "''");
}

async function submitAll(client: TableClient, entities: Entity[], action: "upsert" | "delete" = "upsert"): Promise<void> {
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
    for (let i = 0; i < list.length; i += MAX_BATCH)
      batches.push(list.slice(i, i + MAX_BATCH).map((e): TransactionAction => (action === "upsert" ? ["upsert", e, "Replace"] : ["delete", e])));
  }
  // A few transactions at a time: each is all-or-nothing within its partition, and upserts make a
  // repeated run harmless, so order between partitions does not matter.
  let next = 0;
  const worker = async () => {
    while (next < batches.length) await client.submitTransaction(batches[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(4, batches.length) }, worker));
}

/** Deletes every entity of the given partitions (read by key, never a table scan). */
async function deletePartitions(client: TableClient, partitions: Iterable<string>): Promise<void> {
  for (const pk of new Set(partitions)) {
    const keys: Entity[] = [];
    for await (const e of client.listEntities({ queryOptions: { filter: `PartitionKey eq '${quote(pk)}'`, select: ["PartitionKey", "RowKey"] } }))
      keys.push({ partitionKey: e.partitionKey!, rowKey: e.rowKey! });
    await submitAll(client, keys, "delete");
  }
}

interface Pointer {
  runId: string;
  measureIds: string[];
  /** The runs whose headlines are still held, newest first (the pointer's run among them). */
  headlineRuns: string[];
  /** How the pointer's run counts Hackney: alone, or with the City of London. */
  hackney: HackneyArea;
}

type HackneyArea = "alone" | "with-city";

function hackneyArea(measures: readonly MeasureRow[], headlines: readonly Headline[]): HackneyArea {
  return [...measures, ...headlines].some((r) => r.areaCode === HACKNEY_AND_CITY) ? "with-city" : "alone";
}

/**
 * How many runs' headlines are held. Headlines wait for a second coordinator's approval, and until a
 * newer run is approved the digest carries the approved one's: its headlines must outlive the runs
 * stored after it. A run's headlines are a few dozen rows, so a year of monthly runs costs little.
 */
const HEADLINE_RUNS_KEPT = 12;

/**
 * Measures in table "measures" (PartitionKey = run id | measure id, RowKey = area|period|group|level)
 * and headlines in table "headlines" (PartitionKey = run id, RowKey = rank), plus a pointer row
 * (PartitionKey "latest") naming the newest run and the measures it holds. A new run is written in
 * full, the pointer is moved to it, and the measures of the run before are then deleted: only one
 * run's measures, so one view of the data, is ever held (the headlines of recent runs are kept for
 * the two-person rule, see HEADLINE_RUNS_KEPT) (storing real data replaces the demo; Hackney with City replaces Hackney
 * alone, or City would follow by subtraction). Every entity records its source files and checksums.
 */
export class TableMeasureStore implements MeasureStore {
  constructor(
    private readonly measures: TableClient,
    private readonly headlines: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private static measurePartition(runId: string, measure: string): string {
    return safeKey(`${runId}|${measure}`);
  }

  private async pointer(): Promise<Pointer | null> {
    try {
      const p = await this.headlines.getEntity<Record<string, unknown>>(LATEST, LATEST);
      const ids = typeof p.measureIds === "string" ? (JSON.parse(p.measureIds) as string[]) : [];
      const runs = typeof p.headlineRuns === "string" ? (JSON.parse(p.headlineRuns) as string[]) : [String(p.runId)];
      return { runId: String(p.runId), measureIds: ids, headlineRuns: runs, hackney: p.hackney === "with-city" ? "with-city" : "alone" };
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  async saveRun(measures: readonly MeasureRow[], headlines: readonly Headline[], sources: readonly SourceRecord[]): Promise<string> {
    const created = this.now().toISOString();
    const runId = `${created.replace(/[:.]/g, "-")}-${createHash("sha256")
      .update(sources.map((s) => s.checksum).join())
      .digest("hex")
      .slice(0, 8)}`;
    const previous = await this.pointer();
    // Comparisons with "all other groups" are for the analyst's JSON; nothing reads them from storage.
    const kept = measures.filter((m) => !m.measure.endsWith("-vs-others"));
    await submitAll(
      this.measures,
      kept.map((m) => this.measureEntity(m, runId, sources)),
    );
    await submitAll(
      this.headlines,
      headlines.map((h, i) => this.headlineEntity(h, i + 1, runId, created, sources)),
    );
    const measureIds = [...new Set(kept.map((m) => m.measure))];
    // Runs that count Hackney the other way are never held beside this one: a Hackney figure and a
    // Hackney-with-City figure side by side would give the City of London's by subtraction.
    const hackney = hackneyArea(kept, headlines);
    const earlier = (previous?.headlineRuns ?? []).filter((r) => r !== runId);
    const held = [runId, ...(previous && previous.hackney === hackney ? earlier : [])];
    const dropped = previous && previous.hackney === hackney ? held.slice(HEADLINE_RUNS_KEPT) : earlier;
    await this.headlines.upsertEntity(
      {
        partitionKey: LATEST,
        rowKey: LATEST,
        runId,
        createdAt: created,
        count: headlines.length,
        measureIds: clip(JSON.stringify(measureIds)),
        headlineRuns: JSON.stringify(held.slice(0, HEADLINE_RUNS_KEPT)),
        hackney,
      },
      "Replace",
    );
    if (previous && previous.runId !== runId) {
      await deletePartitions(
        this.measures,
        previous.measureIds.map((id) => TableMeasureStore.measurePartition(previous.runId, id)),
      );
    }
    await deletePartitions(
      this.headlines,
      dropped.map((r) => safeKey(r)),
    );
    // Rows stored before runs were kept apart (PartitionKey = measure id alone) are removed too.
    await deletePartitions(
      this.measures,
      measureIds.map((id) => safeKey(id)),
    );
    return runId;
  }

  private measureEntity(m: MeasureRow, runId: string, sources: readonly SourceRecord[]): Entity {
    const e: Entity = { partitionKey: TableMeasureStore.measurePartition(runId, m.measure), rowKey: measureRowKey(m.areaCode, m.period, m.groupKey, m.level) };
    putFields(e, shownRow(m), STORED_MEASURE_FIELDS);
    e.checksum = checksumOf(m.source, sources);
    e.runId = runId;
    return e;
  }

  private headlineEntity(h: Headline, rank: number, runId: string, created: string, sources: readonly SourceRecord[]): Entity {
    const e: Entity = { partitionKey: safeKey(runId), rowKey: String(rank).padStart(4, "0"), runId, rank, createdAt: created };
    putFields(e, h, STORED_HEADLINE_FIELDS);
    e.checksum = checksumOf(h.source, sources);
    return e;
  }

  async latestHeadlines(limit: number): Promise<StoredHeadline[]> {
    const pointer = await this.pointer();
    return pointer ? this.headlinesOfRun(pointer.runId, limit) : [];
  }

  async latestRunId(): Promise<string | undefined> {
    return (await this.pointer())?.runId;
  }

  async headlinesOfRun(runId: string, limit: number): Promise<StoredHeadline[]> {
    const found: StoredHeadline[] = [];
    const pages = this.headlines.listEntities({ queryOptions: { filter: `PartitionKey eq '${quote(safeKey(runId))}'` } });
    for await (const e of pages) {
      const fields = readFields(e, STORED_HEADLINE_FIELDS);
      found.push({
        ...(fields as Omit<StoredHeadline, "runId" | "rank" | "checksum" | "createdAt">),
        caveats: (fields.caveats as string[] | null) ?? [],
        detail: (fields.detail as string | null) ?? "",
        significant: e.significant === true,
        synthetic: e.synthetic === true,
        runId,
        rank: Number(e.rank),
        checksum: String(e.checksum),
        createdAt: String(e.createdAt),
      });
      if (found.length >= limit) break;
    }
    return found.sort((a, b) => a.rank - b.rank).slice(0, limit);
  }

  async listMeasures(filter: { measure: string; areaCode?: string }): Promise<StoredMeasure[]> {
    const pointer = await this.pointer();
    if (!pointer) return [];
    let query = `PartitionKey eq '${quote(TableMeasureStore.measurePartition(pointer.runId, filter.measure))}'`;
    if (filter.areaCode) {
      // RowKeys start with the area code: a range query on the prefix.
      const prefix = quote(safeKey(`${filter.areaCode}|`));
      query += ` and RowKey ge '${prefix}' and RowKey lt '${prefix}~~'`;
    }
    const rows: StoredMeasure[] = [];
    for await (const e of this.measures.listEntities({ queryOptions: { filter: query } })) {
      const fields = readFields(e, STORED_MEASURE_FIELDS);
      rows.push({
        ...(fields as Omit<StoredMeasure, "checksum" | "runId">),
        suppressed: e.suppressed === true,
        noBase: e.noBase === true,
        synthetic: e.synthetic === true,
        checksum: String(e.checksum),
        runId: String(e.runId),
      });
    }
    return rows;
  }
}
