import { odata, type TableClient } from "@azure/data-tables";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { DELIVERY_STATES, type DeliveryRow, type DeliveryState, type RunLease } from "./delivery-state";
import { LeaseLostError, RowChangedError, type ClaimResult, type RowChanges, type RunStore } from "./run-store";

const RUN_ROW = "run";
/** Content is kept in pieces under the 64 KiB a string property may hold. */
const PIECE = 30_000;
const MAX_PIECES = 8;

function pieces(content: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const count = Math.max(1, Math.ceil(content.length / PIECE));
  if (count > MAX_PIECES) throw new Error("run content too large to store");
  for (let i = 0; i < count; i++) out[`content${i}`] = content.slice(i * PIECE, (i + 1) * PIECE);
  out.contentPieces = count;
  return out;
}

function joinPieces(e: Record<string, unknown>): string {
  const count = typeof e.contentPieces === "number" ? e.contentPieces : 0;
  let text = "";
  for (let i = 0; i < count; i++) text += typeof e[`content${i}`] === "string" ? (e[`content${i}`] as string) : "";
  return text;
}

/** Builds the delivery row key for a channel: tenant and conversation, made key-safe. */
export function deliveryRowKey(tenantId: string, conversationId: string): string {
  return safeKey(`${tenantId}|${conversationId}`);
}

/**
 * digestruns: PartitionKey run key (e.g. digest-2026-W48), RowKey "run": owner, its instance, fence,
 * lease expiry and the run's content snapshot. deliveries: PartitionKey run key, RowKey tenant|conversation.
 */
export class TableRunStore implements RunStore {
  private readonly runs: TableClient;
  private readonly deliveries: TableClient;
  constructor(storage: Storage) {
    this.runs = storage.tableClient("digestruns");
    this.deliveries = storage.tableClient("deliveries");
  }

  claim(
    runKey: string,
    owner: string,
    now: Date,
    leaseMs: number,
    content: () => Promise<string>,
    holder?: { instance: string; isDead(holder: { owner: string; instance: string }): boolean },
  ): Promise<ClaimResult> {
    return guardStorage(async () => {
      const leaseUntil = now.getTime() + leaseMs;
      const instance = holder?.instance ?? "";
      const existing = await this.readRun(runKey);
      if (!existing) {
        const entity = {
          partitionKey: runKey,
          rowKey: RUN_ROW,
          owner,
          instance,
          fence: 1,
          leaseUntil,
          createdAt: now.toISOString(),
          ...pieces(await content()),
        };
        assertEntityFits(entity);
        try {
          const answer = await this.runs.createEntity(entity);
          return { lease: { runKey, owner, fence: 1, leaseUntil, etag: answer.etag ?? "" }, content: joinPieces(entity), created: true };
        } catch (error) {
          if (statusCodeOf(error) !== 409) throw error;
          return this.claim(runKey, owner, now, leaseMs, content, holder);
        }
      }
      const heldUntil = Number(existing.leaseUntil ?? 0);
      const held = { owner: String(existing.owner ?? ""), instance: String(existing.instance ?? "") };
      if (heldUntil > now.getTime() && held.owner !== owner && !holder?.isDead(held)) return { heldBy: held.owner, leaseUntil: heldUntil };
      const fence = Number(existing.fence ?? 0) + 1;
      try {
        const answer = await this.runs.updateEntity({ partitionKey: runKey, rowKey: RUN_ROW, owner, instance, fence, leaseUntil }, "Merge", {
          etag: existing.etag as string,
        });
        return { lease: { runKey, owner, fence, leaseUntil, etag: answer.etag ?? "" }, content: joinPieces(existing), created: false };
      } catch (error) {
        if (statusCodeOf(error) !== 412) throw error;
        const now2 = await this.readRun(runKey);
        return { heldBy: String(now2?.owner ?? ""), leaseUntil: Number(now2?.leaseUntil ?? 0) };
      }
    });
  }

  renew(lease: RunLease, now: Date, leaseMs: number): Promise<RunLease> {
    return this.writeRun(lease, { leaseUntil: now.getTime() + leaseMs, renewedAt: now.toISOString() });
  }

  async release(lease: RunLease, now: Date, summary: Record<string, number | string>): Promise<void> {
    await this.writeRun(lease, { leaseUntil: now.getTime(), finishedAt: now.toISOString(), ...summary });
  }

  replaceContent(lease: RunLease, content: string, now: Date): Promise<RunLease> {
    return this.writeRun(lease, { ...pieces(content), correctedAt: now.toISOString() });
  }

  content(runKey: string): Promise<string | undefined> {
    return guardStorage(async () => {
      const run = await this.readRun(runKey);
      return run ? joinPieces(run) : undefined;
    });
  }

  ensureRow(runKey: string, tenantId: string, conversationId: string, fence: number, now: Date): Promise<void> {
    return guardStorage(async () => {
      const entity = {
        partitionKey: runKey,
        rowKey: deliveryRowKey(tenantId, conversationId),
        tenantId,
        conversationId,
        state: "pending",
        activityId: "",
        attempts: 0,
        lastStatus: 0,
        reason: "",
        fence,
        reported: false,
        correctedAt: "",
        updatedAt: now.toISOString(),
      };
      assertEntityFits(entity);
      try {
        await this.deliveries.createEntity(entity);
      } catch (error) {
        if (statusCodeOf(error) !== 409) throw error;
      }
    });
  }

  rows(runKey: string): Promise<DeliveryRow[]> {
    return guardStorage(async () => {
      const rows: DeliveryRow[] = [];
      for await (const e of this.deliveries.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${runKey}` } })) {
        rows.push(fromEntity(e));
      }
      return rows;
    });
  }

  row(runKey: string, rowKey: string): Promise<DeliveryRow | undefined> {
    return guardStorage(async () => {
      try {
        return fromEntity(await this.deliveries.getEntity<Record<string, unknown>>(runKey, rowKey));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  update(row: DeliveryRow, changes: RowChanges, fence: number, now: Date): Promise<DeliveryRow> {
    return guardStorage(async () => {
      const entity = { partitionKey: row.runKey, rowKey: row.rowKey, ...changes, fence, updatedAt: now.toISOString() };
      assertEntityFits(entity);
      try {
        const answer = await this.deliveries.updateEntity(entity, "Merge", { etag: row.etag });
        return { ...row, ...changes, fence, updatedAt: entity.updatedAt, etag: answer.etag ?? "" };
      } catch (error) {
        if (statusCodeOf(error) === 412) throw new RowChangedError();
        throw error;
      }
    });
  }

  private async readRun(runKey: string): Promise<(Record<string, unknown> & { etag: string }) | undefined> {
    try {
      return (await this.runs.getEntity<Record<string, unknown>>(runKey, RUN_ROW)) as Record<string, unknown> & { etag: string };
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
  }

  private writeRun(lease: RunLease, fields: Record<string, unknown>): Promise<RunLease> {
    return guardStorage(async () => {
      const entity = { partitionKey: lease.runKey, rowKey: RUN_ROW, ...fields };
      assertEntityFits(entity);
      try {
        const answer = await this.runs.updateEntity(entity, "Merge", { etag: lease.etag });
        return { ...lease, leaseUntil: typeof fields.leaseUntil === "number" ? fields.leaseUntil : lease.leaseUntil, etag: answer.etag ?? "" };
      } catch (error) {
        if (statusCodeOf(error) === 412) throw new LeaseLostError(lease.runKey);
        throw error;
      }
    });
  }
}

function fromEntity(e: Record<string, unknown>): DeliveryRow {
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  const n = (k: string) => (typeof e[k] === "number" ? (e[k] as number) : 0);
  const state = s("state") as DeliveryState;
  return {
    runKey: s("partitionKey"),
    rowKey: s("rowKey"),
    tenantId: s("tenantId"),
    conversationId: s("conversationId"),
    state: DELIVERY_STATES.includes(state) ? state : "unknown",
    activityId: s("activityId"),
    attempts: n("attempts"),
    lastStatus: n("lastStatus"),
    reason: s("reason"),
    fence: n("fence"),
    reported: e.reported === true,
    correctedAt: s("correctedAt"),
    updatedAt: s("updatedAt"),
    etag: s("etag"),
  };
}
