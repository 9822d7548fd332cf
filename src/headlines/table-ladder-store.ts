import type { TableClient, TransactionAction } from "@azure/data-tables";
import type { Ladder, PipelineRow } from "../analysis/returns/ladder-types";
import type { LadderStore } from "./ladder-store";
import { safeKey } from "./table-keys";

const LATEST = "latest";
/** Table Storage allows 100 operations per same-partition transaction; ladder rows are a few KB each, so fewer per request keeps each well inside the request timeout. */
const MAX_BATCH = 20;
const MAX_STRING = 32_000; // characters; a string property is limited to 64 KiB (UTF-16).

type Entity = { partitionKey: string; rowKey: string; runId: string; kind: "ladder" | "pipeline"; body: string };

/**
 * Table "ladders": PartitionKey = area GSS code, RowKey = kind|period|group level|group (ladders) or
 * kind|period|role|group (pipeline), the figures as JSON in `body` (already suppressed: a hidden
 * count is null), and a pointer row (PartitionKey "latest") naming the newest run. Rows of older runs
 * are skipped on reading, so a group that has gone from the newest run does not linger.
 */
export class TableLadderStore implements LadderStore {
  constructor(private readonly table: TableClient) {}

  async saveRun(runId: string, ladders: readonly Ladder[], pipeline: readonly PipelineRow[]): Promise<void> {
    const entities: Entity[] = [
      ...ladders.map((l) => ({
        partitionKey: safeKey(l.areaCode),
        rowKey: safeKey(`ladder|${l.period}|${l.groupLevel}|${l.group}`),
        runId,
        kind: "ladder" as const,
        body: JSON.stringify(l),
      })),
      ...pipeline.map((p) => ({
        partitionKey: safeKey(p.areaCode),
        rowKey: safeKey(`pipeline|${p.period}|${p.role}|${p.group}`),
        runId,
        kind: "pipeline" as const,
        body: JSON.stringify(p),
      })),
    ];
    for (const e of entities) if (e.body.length > MAX_STRING) throw new Error(`a ladder row is too large to store (${e.rowKey})`);
    const byPartition = new Map<string, Entity[]>();
    for (const e of entities) {
      const list = byPartition.get(e.partitionKey);
      if (list) list.push(e);
      else byPartition.set(e.partitionKey, [e]);
    }
    for (const list of byPartition.values())
      for (let i = 0; i < list.length; i += MAX_BATCH)
        await this.table.submitTransaction(list.slice(i, i + MAX_BATCH).map((e): TransactionAction => ["upsert", e, "Replace"]));
    // The pointer moves last: a reader sees the old run or the new one, never half of the new one.
    await this.table.upsertEntity({ partitionKey: LATEST, rowKey: LATEST, runId }, "Replace");
  }

  latestRunId(): Promise<string | null> {
    return this.latestRun();
  }

  private async latestRun(): Promise<string | null> {
    try {
      return String((await this.table.getEntity(LATEST, LATEST)).runId);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  }

  private async rows<T>(kind: "ladder" | "pipeline", areaCode?: string): Promise<T[]> {
    const runId = await this.latestRun();
    if (!runId) return [];
    const q = (s: string) => s.replace(/'/g, "''");
    const filter = areaCode
      ? `PartitionKey eq '${q(safeKey(areaCode))}' and runId eq '${q(runId)}' and kind eq '${kind}'`
      : `PartitionKey ne '${LATEST}' and runId eq '${q(runId)}' and kind eq '${kind}'`;
    const out: T[] = [];
    for await (const e of this.table.listEntities<{ body: string }>({ queryOptions: { filter } })) out.push(JSON.parse(e.body) as T);
    return out;
  }

  latestLadders(areaCode?: string): Promise<Ladder[]> {
    return this.rows<Ladder>("ladder", areaCode);
  }

  latestPipeline(areaCode?: string): Promise<PipelineRow[]> {
    return this.rows<PipelineRow>("pipeline", areaCode);
  }
}
