import { odata, type TableClient } from "@azure/data-tables";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import type { CirculationRound, CirculationStore, InvitePost, RoundResponse } from "./circulation-store";

const ROUNDS = "round";

/**
 * circulations: rounds in PartitionKey "round" (RowKey ULID); each round's invitation posts and
 * reminder claims in PartitionKey = round id, RowKey `invite:<conversation>` / `reminder:<GSS code>`;
 * the entries boroughs saved during the round in the same partition, RowKey `response:<proforma id>`.
 */
export class TableCirculationStore implements CirculationStore {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("circulations");
  }

  open(round: CirculationRound): Promise<void> {
    return guardStorage(async () => {
      const entity = {
        partitionKey: ROUNDS,
        rowKey: round.id,
        deadline: round.deadline,
        openedAt: round.openedAt,
        openedBy: round.openedBy,
        openedByName: round.openedByName,
      };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Replace");
    });
  }

  async latest(): Promise<CirculationRound | undefined> {
    const rounds = await this.rounds();
    return rounds.reduce<CirculationRound | undefined>((newest, r) => (!newest || r.id > newest.id ? r : newest), undefined);
  }

  async previous(round: CirculationRound): Promise<CirculationRound | undefined> {
    const rounds = (await this.rounds()).filter((r) => r.id < round.id);
    return rounds.reduce<CirculationRound | undefined>((newest, r) => (!newest || r.id > newest.id ? r : newest), undefined);
  }

  recordInvite(roundId: string, post: InvitePost): Promise<void> {
    return guardStorage(async () => {
      const entity = { partitionKey: roundId, rowKey: `invite:${safeKey(post.conversationId)}`, ...post };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Replace");
    });
  }

  invites(roundId: string): Promise<InvitePost[]> {
    return guardStorage(async () => {
      const out: InvitePost[] = [];
      const filter = odata`PartitionKey eq ${roundId} and RowKey ge ${"invite:"} and RowKey lt ${"invite;"}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
        out.push({
          borough: s("borough"),
          conversationId: s("conversationId"),
          outcome: s("outcome") === "posted" ? "posted" : "failed",
          activityId: s("activityId"),
          at: s("at"),
        });
      }
      return out;
    });
  }

  claimReminder(roundId: string, borough: string, at: string): Promise<boolean> {
    return guardStorage(async () => {
      try {
        await this.table.createEntity({ partitionKey: roundId, rowKey: `reminder:${borough}`, at });
        return true;
      } catch (error) {
        if (statusCodeOf(error) === 409) return false;
        throw error;
      }
    });
  }

  releaseReminder(roundId: string, borough: string): Promise<void> {
    return guardStorage(async () => {
      try {
        await this.table.deleteEntity(roundId, `reminder:${borough}`);
      } catch (error) {
        if (statusCodeOf(error) !== 404) throw error;
      }
    });
  }

  reminded(roundId: string): Promise<string[]> {
    return guardStorage(async () => {
      const out: string[] = [];
      const filter = odata`PartitionKey eq ${roundId} and RowKey ge ${"reminder:"} and RowKey lt ${"reminder;"}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["RowKey"] } })) {
        out.push(String(e.rowKey ?? "").slice("reminder:".length));
      }
      return out;
    });
  }

  recordResponse(roundId: string, response: RoundResponse): Promise<void> {
    return guardStorage(async () => {
      const entity = { partitionKey: roundId, rowKey: `response:${response.proformaId}`, ...response };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Replace");
    });
  }

  responses(roundId: string): Promise<RoundResponse[]> {
    return guardStorage(async () => {
      const out: RoundResponse[] = [];
      const filter = odata`PartitionKey eq ${roundId} and RowKey ge ${"response:"} and RowKey lt ${"response;"}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
        out.push({ borough: s("borough"), proformaId: s("proformaId"), status: s("status"), at: s("at") });
      }
      return out;
    });
  }

  async openedBy(objectId: string): Promise<CirculationRound[]> {
    return (await this.rounds()).filter((r) => r.openedBy === objectId);
  }

  forgetOpener(objectId: string, marker: string): Promise<number> {
    return guardStorage(async () => {
      const mine = await this.openedBy(objectId);
      for (const round of mine) await this.open({ ...round, openedBy: "", openedByName: marker });
      return mine.length;
    });
  }

  private rounds(): Promise<CirculationRound[]> {
    return guardStorage(async () => {
      const out: CirculationRound[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${ROUNDS}` } })) {
        const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
        out.push({ id: s("rowKey"), deadline: s("deadline"), openedAt: s("openedAt"), openedBy: s("openedBy"), openedByName: s("openedByName") });
      }
      return out;
    });
  }
}
