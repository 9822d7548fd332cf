import { odata, type TableClient } from "@azure/data-tables";
import { HubError } from "../domain/errors";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { guardStorage } from "../storage/guard-storage";
import type { Proforma, ProformaStatus, StoredProforma } from "./proforma";
import { contentFromProperties, contentToProperties, fromEntity, toEntity } from "./proforma-entity";
import type { AuthoredEntry, ProformaStore } from "./proforma-store";
import type { ProformaVersion, VersionAction } from "./proforma-version";

export { fromEntity, toEntity } from "./proforma-entity";

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

const VERSION_DIGITS = 6;

/**
 * proformas: PartitionKey borough GSS code, RowKey ULID. authored: PartitionKey author (key-safe),
 * RowKey ULID, a small index for "my proformas". proformaversions: PartitionKey ULID, RowKey the
 * version number, zero-padded so versions sort.
 */
export class TableProformaStore implements ProformaStore {
  private readonly proformas: TableClient;
  private readonly authored: TableClient;
  private readonly history: TableClient;

  constructor(storage: Storage) {
    this.proformas = storage.tableClient("proformas");
    this.authored = storage.tableClient("authored");
    this.history = storage.tableClient("proformaversions");
  }

  create(proforma: Proforma): Promise<{ created: boolean; proforma: Proforma; etag: string }> {
    return guardStorage(async () => {
      const entity = toEntity(proforma);
      assertEntityFits(entity);
      let etag = "";
      try {
        etag = (await this.proformas.createEntity(entity)).etag ?? "";
      } catch (error) {
        // 409: this id is stored already, by an earlier delivery of the same submit, or by a first
        // attempt whose answer was lost. Either way the stored record stands and counts once.
        if (statusCodeOf(error) !== 409) throw error;
        const stored = await this.read(proforma.borough, proforma.id);
        if (!stored) throw error;
        await this.index(stored.proforma);
        return { created: false, proforma: stored.proforma, etag: stored.etag };
      }
      // The author index is written after the record and repaired by any retry or later save.
      await this.index(proforma);
      return { created: true, proforma, etag };
    });
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

  replace(proforma: Proforma, etag: string): Promise<string> {
    return guardStorage(async () => {
      const entity = toEntity(proforma);
      assertEntityFits(entity);
      let newEtag: string;
      try {
        newEtag = (await this.proformas.updateEntity(entity, "Replace", { etag })).etag ?? "";
      } catch (error) {
        const status = statusCodeOf(error);
        if (status === 412 || status === 404) {
          throw new HubError("changed-since-opened", "This proforma changed since you opened it, so nothing was overwritten.", {}, { cause: error });
        }
        throw error;
      }
      await this.index(proforma);
      return newEtag;
    });
  }

  private async index(p: Proforma): Promise<void> {
    await this.authored.upsertEntity(
      { partitionKey: safeKey(p.authorId), rowKey: p.id, borough: p.borough, title: p.title, status: p.status, updatedAt: p.updatedAt },
      "Replace",
    );
  }

  listByAuthor(authorId: string): Promise<AuthoredEntry[]> {
    return guardStorage(async () => {
      const entries: AuthoredEntry[] = [];
      const pk = safeKey(authorId);
      for await (const e of this.authored.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) {
        entries.push({ id: str(e, "rowKey"), borough: str(e, "borough"), title: str(e, "title"), status: str(e, "status"), updatedAt: str(e, "updatedAt") });
      }
      return entries.sort((a, b) => (a.id < b.id ? 1 : -1));
    });
  }

  inBorough(borough: string, filter: { statuses?: readonly ProformaStatus[]; updatedSince?: string } = {}): Promise<Proforma[]> {
    return guardStorage(async () => {
      let query = odata`PartitionKey eq ${borough}`;
      if (filter.statuses?.length) query += ` and (${filter.statuses.map((s) => odata`status eq ${s}`).join(" or ")})`;
      if (filter.updatedSince) query += odata` and updatedAt ge ${filter.updatedSince}`;
      const found: Proforma[] = [];
      for await (const e of this.proformas.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } })) found.push(fromEntity(e));
      return found;
    });
  }

  addVersion(v: ProformaVersion): Promise<void> {
    return guardStorage(async () => {
      const { borough: _borough, ...content } = contentToProperties(v.content);
      const entity = {
        partitionKey: v.proformaId,
        rowKey: String(v.version).padStart(VERSION_DIGITS, "0"),
        borough: v.content.borough,
        ...content,
        action: v.action,
        at: v.at,
        actorId: v.actorId,
        actorName: v.actorName,
        changed: JSON.stringify(v.changed),
        comment: v.comment,
        status: v.status,
        version: v.version,
      };
      assertEntityFits(entity);
      // Keyed by version: a retried save rewrites the same row, never adds a second.
      await this.history.upsertEntity(entity, "Replace");
    });
  }

  versions(proformaId: string): Promise<ProformaVersion[]> {
    return guardStorage(async () => {
      const out: ProformaVersion[] = [];
      for await (const e of this.history.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${proformaId}` } })) {
        let changed: string[] = [];
        try {
          const parsed = JSON.parse(str(e, "changed") || "[]");
          if (Array.isArray(parsed)) changed = parsed.filter((x): x is string => typeof x === "string");
        } catch {
          changed = [];
        }
        out.push({
          proformaId,
          version: typeof e.version === "number" ? e.version : Number(str(e, "rowKey")),
          action: str(e, "action") as VersionAction,
          at: str(e, "at"),
          actorId: str(e, "actorId"),
          actorName: str(e, "actorName"),
          changed,
          comment: str(e, "comment"),
          status: str(e, "status"),
          content: contentFromProperties(e, str(e, "borough")),
        });
      }
      return out.sort((a, b) => a.version - b.version);
    });
  }
}
