import { odata, type TableClient, type TransactionAction } from "@azure/data-tables";
import type { RoundResponse } from "./proforma-store";
import { BOROUGHS } from "../domain/boroughs";
import { HubError } from "../domain/errors";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, MAX_BATCH, safeKey, statusCodeOf } from "../storage/table-limits";
import { guardStorage } from "../storage/guard-storage";
import { fullContent, type Proforma, type ProformaStatus, type StoredProforma } from "./proforma";
import { fromEntity, toEntity } from "./proforma-entity";
import type { ProformaOutbox } from "./proforma-outbox";
import {
  authorEntity,
  authorPrefix,
  outboxEntity,
  rangeOf,
  RECORD_KEYS_BELOW,
  RESPONSE_PREFIX,
  responseEntity,
  versionEntity,
  versionFromEntity,
  versionPrefix,
  type Entity,
  type FeedEventInput,
} from "./proforma-rows";
import type { AuthoredEntry, ProformaSave, ProformaStore, SaveResult, VersionLine } from "./proforma-store";
import type { ProformaVersion } from "./proforma-version";

export { fromEntity, toEntity } from "./proforma-entity";

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

/** A transaction's error names the failed action first ("1:The specified entity already exists."). */
function failedAction(error: unknown): number | undefined {
  const m = /^(\d+):/.exec(String((error as { message?: unknown })?.message ?? ""));
  return m ? Number(m[1]) : undefined;
}

/**
 * proformas: PartitionKey borough GSS code; the record under its ULID and the rows that agree with it
 * under prefixes (see proforma-rows.ts), so a save is one transaction. Rows kept in the older layout
 * (proformaversions: PartitionKey ULID; authored: PartitionKey author) are still read until
 * `npm run migrate` has moved them.
 */
export class TableProformaStore implements ProformaStore {
  private readonly proformas: TableClient;
  private readonly legacyAuthored: TableClient;
  private readonly legacyHistory: TableClient;

  constructor(
    storage: Storage,
    private readonly outbox?: ProformaOutbox,
  ) {
    this.proformas = storage.tableClient("proformas");
    this.legacyAuthored = storage.tableClient("authored");
    this.legacyHistory = storage.tableClient("proformaversions");
  }

  save(change: ProformaSave): Promise<SaveResult> {
    return guardStorage(async () => {
      const p = change.proforma;
      const record = toEntity(p);
      const rows: Entity[] = [record, versionEntity(p.borough, change.version), responseEntity(p)];
      // An erased author's entries have no author to index.
      if (p.authorId) rows.push(authorEntity(p, change.step ?? 0));
      const outbox = change.event ? outboxEntity(p.borough, change.event) : undefined;
      if (outbox) rows.push(outbox);
      for (const row of rows) assertEntityFits(row);
      if (rows.length > MAX_BATCH) throw new HubError("too-large", "This save has too many parts to store at once.");
      const actions: TransactionAction[] = rows.map((row) => {
        if (row === record) return change.etag ? ["update", row, "Replace", { etag: change.etag }] : ["create", row];
        // Author and response lines say where things stand now; version and outbox rows are written once.
        return row.rowKey.startsWith("author:") || row.rowKey.startsWith(RESPONSE_PREFIX) ? ["upsert", row, "Replace"] : ["create", row];
      });
      let etag: string;
      try {
        const result = await this.transact(actions);
        // The record is the first action; an update's answer carries no key, only its place.
        etag = result.subResponses[0]?.etag ?? "";
      } catch (error) {
        const status = statusCodeOf(error);
        if (!change.etag && status === 409 && failedAction(error) === 0) {
          const stored = await this.read(p.borough, p.id);
          if (stored) return { saved: false, stored };
        }
        if (change.etag && (status === 412 || status === 404 || status === 409)) {
          throw new HubError("changed-since-opened", "This proforma changed since you opened it, so nothing was overwritten.", {}, { cause: error });
        }
        throw error;
      }
      if (outbox) this.outbox?.relay(outbox);
      return { saved: true, etag };
    });
  }

  async create(p: Proforma, event?: FeedEventInput): Promise<{ created: boolean; proforma: Proforma; etag: string }> {
    const action = p.status === "draft" ? "draft" : p.status === "published" ? "published" : "submitted";
    const version: ProformaVersion = {
      proformaId: p.id,
      version: p.version,
      revision: p.revision ?? p.version,
      action,
      at: p.updatedAt,
      actorId: p.authorId,
      actorName: p.authorName,
      changed: [],
      comment: "",
      status: p.status,
      content: fullContent(p),
    };
    const result = await this.save({ proforma: p, version, event });
    return result.saved ? { created: true, proforma: p, etag: result.etag } : { created: false, ...result.stored };
  }

  get(borough: string, id: string): Promise<Proforma | undefined> {
    return this.read(borough, id).then((s) => s?.proforma);
  }

  read(borough: string, id: string): Promise<StoredProforma | undefined> {
    return guardStorage(async () => {
      try {
        const e = await this.proformas.getEntity<Record<string, unknown>>(borough, id);
        return { proforma: fromEntity(e), etag: String(e.etag ?? "") };
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  markStep(borough: string, authorId: string, id: string, step: number): Promise<void> {
    return guardStorage(async () => {
      if (!authorId) return;
      // Merge needs the line to exist: an author line that is gone (an erased author) stays gone.
      await ignoreMissing(this.proformas.updateEntity({ partitionKey: borough, rowKey: authorPrefix(authorId) + id, step }, "Merge"));
    });
  }

  deleteDraft(stored: StoredProforma): Promise<{ rows: number }> {
    return guardStorage(async () => {
      const p = stored.proforma;
      const keys = async (from: string, to: string, filter = "") => {
        const found: string[] = [];
        const query = odata`PartitionKey eq ${p.borough} and RowKey ge ${from} and RowKey lt ${to}` + filter;
        for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter: query, select: ["RowKey"] } }))
          found.push(str(e, "rowKey"));
        return found;
      };
      const versions = rangeOf(versionPrefix(p.id));
      const responses = rangeOf(RESPONSE_PREFIX);
      const author = p.authorId ? authorPrefix(p.authorId) + p.id : "";
      const rows = [
        ...(await keys(versions.from, versions.to)),
        ...(await keys(responses.from, responses.to, odata` and proformaId eq ${p.id}`)),
        ...(author && (await this.exists(p.borough, author)) ? [author] : []),
      ];
      const count = 1 + rows.length;
      const record = { partitionKey: p.borough, rowKey: p.id };
      const remove = (rowKey: string): TransactionAction => ["delete", { partitionKey: p.borough, rowKey }];
      // A transaction deletes without checking an ETag: a write with the ETag the person confirmed
      // comes first, so a draft saved since then is kept whole, and any card opened before it is stale.
      let etag = await this.guard(p.borough, p.id, stored.etag);
      // Only a draft with more rows than one transaction holds loses its oldest rows first, a batch at a
      // time, each with the record's ETag checked again.
      while (rows.length > MAX_BATCH - 1) {
        const batch = rows.splice(0, MAX_BATCH - 1);
        const result = await this.deleting([["update", record, "Merge", { etag }], ...batch.map(remove)]);
        etag = result.subResponses[0]?.etag ?? "";
      }
      await this.deleting([["delete", record], ...rows.map(remove)]);
      // Lines kept in the older layout, until npm run migrate has moved them.
      if (p.authorId) await ignoreMissing(this.legacyAuthored.deleteEntity(safeKey(p.authorId), p.id));
      const legacy: string[] = [];
      for await (const e of this.legacyHistory.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${p.id}`, select: ["RowKey"] },
      }))
        legacy.push(str(e, "rowKey"));
      for (const rowKey of legacy) await ignoreMissing(this.legacyHistory.deleteEntity(p.id, rowKey));
      return { rows: count + legacy.length };
    });
  }

  private async exists(borough: string, rowKey: string): Promise<boolean> {
    try {
      await this.proformas.getEntity(borough, rowKey, { queryOptions: { select: ["RowKey"] } });
      return true;
    } catch (error) {
      if (statusCodeOf(error) === 404) return false;
      throw error;
    }
  }

  private async guard(borough: string, id: string, etag: string): Promise<string> {
    try {
      return (await this.proformas.updateEntity({ partitionKey: borough, rowKey: id }, "Merge", { etag })).etag ?? "";
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 412 || status === 404) {
        throw new HubError("changed-since-opened", "This draft changed since you asked to delete it, so nothing was deleted.", {}, { cause: error });
      }
      throw error;
    }
  }

  private async deleting(actions: TransactionAction[]): Promise<{ subResponses: { etag?: string }[] }> {
    try {
      return await this.transact(actions);
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 412 || status === 404) {
        throw new HubError("changed-since-opened", "This draft changed since you asked to delete it, so nothing was deleted.", {}, { cause: error });
      }
      throw error;
    }
  }

  listByAuthor(authorId: string, boroughs?: readonly string[]): Promise<AuthoredEntry[]> {
    return guardStorage(async () => {
      const byId = new Map<string, AuthoredEntry>();
      const { from, to } = rangeOf(authorPrefix(authorId));
      const line = (e: Record<string, unknown>, borough: string, id: string): AuthoredEntry => ({
        id,
        borough,
        title: str(e, "title"),
        status: str(e, "status"),
        updatedAt: str(e, "updatedAt"),
        step: typeof e.step === "number" && Number.isInteger(e.step) && e.step >= 0 ? e.step : 0,
      });
      const pk = safeKey(authorId);
      for await (const e of this.legacyAuthored.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) {
        if (!boroughs || boroughs.includes(str(e, "borough"))) byId.set(str(e, "rowKey"), line(e, str(e, "borough"), str(e, "rowKey")));
      }
      const read = async (borough: string) => {
        const found: AuthoredEntry[] = [];
        const filter = odata`PartitionKey eq ${borough} and RowKey ge ${from} and RowKey lt ${to}`;
        for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
          found.push(line(e, borough, str(e, "proformaId")));
        }
        return found;
      };
      const current = boroughs ? (await Promise.all(boroughs.map(read))).flat() : await this.eachBorough(read);
      for (const entry of current) byId.set(entry.id, entry);
      return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : -1));
    });
  }

  inBorough(borough: string, filter: { statuses?: readonly ProformaStatus[]; updatedSince?: string } = {}): Promise<Proforma[]> {
    return guardStorage(async () => {
      let query = odata`PartitionKey eq ${borough} and RowKey lt ${RECORD_KEYS_BELOW}`;
      if (filter.statuses?.length) query += ` and (${filter.statuses.map((s) => odata`status eq ${s}`).join(" or ")})`;
      if (filter.updatedSince) query += odata` and updatedAt ge ${filter.updatedSince}`;
      const found: Proforma[] = [];
      for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } })) found.push(fromEntity(e));
      return found;
    });
  }

  responsesSince(since: string): Promise<RoundResponse[]> {
    return guardStorage(async () => {
      const { to } = rangeOf(RESPONSE_PREFIX);
      const rows = await this.eachBorough(async (borough) => {
        const latest = new Map<string, RoundResponse>();
        const filter = odata`PartitionKey eq ${borough} and RowKey ge ${RESPONSE_PREFIX + since} and RowKey lt ${to}`;
        const query = { filter, select: ["RowKey", "proformaId", "status", "at"] };
        // Keys sort by time: the last row of an entry is where it stands.
        for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: query })) {
          latest.set(str(e, "proformaId"), { borough, proformaId: str(e, "proformaId"), status: str(e, "status"), at: str(e, "at") });
        }
        return [...latest.values()];
      });
      return rows;
    });
  }

  versions(proformaId: string, borough?: string): Promise<ProformaVersion[]> {
    return guardStorage(async () => {
      const byRevision = new Map<number, ProformaVersion>();
      for await (const e of this.legacyHistory.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${proformaId}` } })) {
        const v = versionFromEntity(e, proformaId, str(e, "borough"));
        byRevision.set(v.revision ?? v.version, v);
      }
      const { from, to } = rangeOf(versionPrefix(proformaId));
      const read = async (b: string) => {
        const found: ProformaVersion[] = [];
        const filter = odata`PartitionKey eq ${b} and RowKey ge ${from} and RowKey lt ${to}`;
        for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
          found.push(versionFromEntity(e, proformaId, b));
        return found;
      };
      for (const v of borough ? await read(borough) : await this.eachBorough(read)) byRevision.set(v.revision ?? v.version, v);
      return [...byRevision.values()].sort((a, b) => (a.revision ?? a.version) - (b.revision ?? b.version));
    });
  }

  versionsBy(actorId: string): Promise<VersionLine[]> {
    return guardStorage(async () => {
      const lines: VersionLine[] = [];
      const select = ["PartitionKey", "RowKey", "proformaId", "version", "action", "at", "title"];
      const push = (e: Record<string, unknown>, proformaId: string) =>
        lines.push({
          proformaId,
          version: typeof e.version === "number" ? e.version : Number(str(e, "rowKey").split(":").pop()),
          action: str(e, "action"),
          at: str(e, "at"),
          title: str(e, "title"),
        });
      // No key holds the person: filtered scans, for `my data` only (rare, one person at a time).
      const { from, to } = rangeOf("version:");
      const filter = odata`RowKey ge ${from} and RowKey lt ${to} and actorId eq ${actorId}`;
      for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter, select } })) push(e, str(e, "proformaId"));
      const legacy = odata`actorId eq ${actorId}`;
      for await (const e of this.legacyHistory.listEntities<Record<string, unknown>>({ queryOptions: { filter: legacy, select } })) {
        push(e, str(e, "partitionKey"));
      }
      return lines.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    });
  }

  forgetAuthor(authorId: string, marker: string, names: readonly string[]): Promise<{ proformas: number; versions: number }> {
    return guardStorage(async () => {
      const named = (value: unknown) =>
        typeof value === "string" && names.some((n) => n.trim() !== "" && value.trim().toLocaleLowerCase("en-GB") === n.trim().toLocaleLowerCase("en-GB"));
      let proformas = 0;
      let versions = 0;
      for (const entry of await this.listByAuthor(authorId)) {
        if (await this.forgetOnRecord(entry, authorId, marker, named)) proformas++;
        // Its kept versions may name the author as lead contact: one RowKey range of its partition.
        const { from, to } = rangeOf(versionPrefix(entry.id));
        const filter = odata`PartitionKey eq ${entry.borough} and RowKey ge ${from} and RowKey lt ${to}`;
        for await (const v of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["RowKey", "contactName"] } })) {
          if (!named(v.contactName)) continue;
          await this.proformas.updateEntity({ partitionKey: entry.borough, rowKey: str(v, "rowKey"), contactName: marker }, "Merge");
          versions++;
        }
        const legacy = { filter: odata`PartitionKey eq ${entry.id}`, select: ["PartitionKey", "RowKey", "contactName"] };
        for await (const v of this.legacyHistory.listEntities<Record<string, unknown>>({ queryOptions: legacy })) {
          if (!named(v.contactName)) continue;
          await this.legacyHistory.updateEntity({ partitionKey: entry.id, rowKey: str(v, "rowKey"), contactName: marker }, "Merge");
          versions++;
        }
        await ignoreMissing(this.proformas.deleteEntity(entry.borough, authorPrefix(authorId) + entry.id));
        await ignoreMissing(this.legacyAuthored.deleteEntity(safeKey(authorId), entry.id));
      }
      return { proformas, versions };
    });
  }

  forgetVersionActor(actorId: string, marker: string): Promise<number> {
    return guardStorage(async () => {
      let count = 0;
      // Versions are keyed by proforma, not by person: a scan filtered on the person's id, acceptable
      // for erasure, which is rare and done by a coordinator. Only the keys come back.
      const { from, to } = rangeOf("version:");
      const tables: [TableClient, string][] = [
        [this.proformas, odata`RowKey ge ${from} and RowKey lt ${to} and actorId eq ${actorId}`],
        [this.legacyHistory, odata`actorId eq ${actorId}`],
      ];
      for (const [table, filter] of tables) {
        const found: { partitionKey: string; rowKey: string }[] = [];
        for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["PartitionKey", "RowKey"] } }))
          found.push({ partitionKey: str(e, "partitionKey"), rowKey: str(e, "rowKey") });
        for (const key of found) {
          await table.updateEntity({ ...key, actorId: "", actorName: marker }, "Merge");
          count++;
        }
      }
      return count;
    });
  }

  /** Blanks the author on the record itself, with its ETag, retried on a concurrent change. */
  private async forgetOnRecord(entry: AuthoredEntry, authorId: string, marker: string, named: (v: unknown) => boolean): Promise<boolean> {
    // The entry stays (the borough owns the practice it describes); only the person goes.
    for (let attempt = 0; ; attempt++) {
      let e: Record<string, unknown>;
      try {
        e = await this.proformas.getEntity<Record<string, unknown>>(entry.borough, entry.id);
      } catch (error) {
        if (statusCodeOf(error) === 404) return false;
        throw error;
      }
      if (str(e, "authorId") !== authorId) return false;
      try {
        const patch = {
          partitionKey: entry.borough,
          rowKey: entry.id,
          authorId: "",
          authorName: marker,
          ...(named(e.contactName) ? { contactName: marker } : {}),
        };
        await this.proformas.updateEntity(patch, "Merge", { etag: String(e.etag ?? "*") });
        return true;
      } catch (error) {
        if (statusCodeOf(error) !== 412 || attempt === 4) throw error;
      }
    }
  }

  /**
   * A transaction's "table not found" comes inside its 202 answer, past the pipeline policy that
   * recreates missing tables for single requests: storage that came back empty gets the table made
   * here, and the transaction is sent once more.
   */
  private async transact(actions: TransactionAction[]): Promise<{ subResponses: { etag?: string }[] }> {
    try {
      return await this.proformas.submitTransaction(actions);
    } catch (error) {
      if (statusCodeOf(error) !== 404 || (error as { code?: unknown }).code !== "TableNotFound") throw error;
      await this.proformas.createTable();
      return this.proformas.submitTransaction(actions);
    }
  }

  private async eachBorough<T>(read: (borough: string) => Promise<T[]>): Promise<T[]> {
    return (await Promise.all(BOROUGHS.map((b) => read(b.code)))).flat();
  }
}

async function ignoreMissing(deletion: Promise<unknown>): Promise<void> {
  try {
    await deletion;
  } catch (error) {
    if (statusCodeOf(error) !== 404) throw error;
  }
}
