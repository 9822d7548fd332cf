import { odata, type TableClient } from "@azure/data-tables";
import { HubError } from "../domain/errors";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { guardStorage } from "../storage/guard-storage";
import type { Proforma, ProformaStatus, StoredProforma } from "./proforma";
import { contentFromProperties, contentToProperties, fromEntity, toEntity } from "./proforma-entity";
import type { AuthoredEntry, ProformaStore, VersionLine } from "./proforma-store";
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
      let etag: string;
      try {
        etag = (await this.proformas.createEntity(entity)).etag ?? "";
      } catch (error) {
        // 409: this id is stored already, by an earlier delivery of the same submit, or by a first
        // attempt whose answer was lost. Either way the stored record stands and counts once.
        if (statusCodeOf(error) !== 409) throw error;
        const stored = await this.read(proforma.borough, proforma.id);
        if (!stored) throw error;
        return { created: false, proforma: stored.proforma, etag: stored.etag };
      }
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
      return newEtag;
    });
  }

  index(p: Proforma): Promise<void> {
    return guardStorage(async () => {
      // An erased author's entries have no author to index.
      if (!p.authorId) return;
      await this.authored.upsertEntity(
        { partitionKey: safeKey(p.authorId), rowKey: p.id, borough: p.borough, title: p.title, status: p.status, updatedAt: p.updatedAt },
        "Replace",
      );
    });
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

  versionsBy(actorId: string): Promise<VersionLine[]> {
    return guardStorage(async () => {
      const lines: VersionLine[] = [];
      // No key holds the person: a filtered scan, for `my data` only (rare, one person at a time).
      const filter = odata`actorId eq ${actorId}`;
      for await (const e of this.history.listEntities<Record<string, unknown>>({
        queryOptions: { filter, select: ["PartitionKey", "RowKey", "version", "action", "at", "title"] },
      })) {
        lines.push({
          proformaId: str(e, "partitionKey"),
          version: typeof e.version === "number" ? e.version : Number(str(e, "rowKey")),
          action: str(e, "action"),
          at: str(e, "at"),
          title: str(e, "title"),
        });
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
        // The entry stays (the borough owns the practice it describes); only the person goes. A Merge
        // with the row's ETag, retried on a concurrent change, so no one's edit is overwritten.
        for (let attempt = 0; attempt < 5; attempt++) {
          let e: Record<string, unknown>;
          try {
            e = await this.proformas.getEntity<Record<string, unknown>>(entry.borough, entry.id);
          } catch (error) {
            if (statusCodeOf(error) === 404) break;
            throw error;
          }
          if (str(e, "authorId") !== authorId) break;
          try {
            const patch = {
              partitionKey: entry.borough,
              rowKey: entry.id,
              authorId: "",
              authorName: marker,
              ...(named(e.contactName) ? { contactName: marker } : {}),
            };
            await this.proformas.updateEntity(patch, "Merge", { etag: String(e.etag ?? "*") });
            proformas++;
            break;
          } catch (error) {
            if (statusCodeOf(error) !== 412 || attempt === 4) throw error;
          }
        }
        // Its kept versions may name the author as lead contact: one partition, the proforma's.
        for await (const v of this.history.listEntities<Record<string, unknown>>({
          queryOptions: { filter: odata`PartitionKey eq ${entry.id}`, select: ["PartitionKey", "RowKey", "contactName"] },
        })) {
          if (!named(v.contactName)) continue;
          await this.history.updateEntity({ partitionKey: entry.id, rowKey: str(v, "rowKey"), contactName: marker }, "Merge");
          versions++;
        }
        try {
          await this.authored.deleteEntity(safeKey(authorId), entry.id);
        } catch (error) {
          if (statusCodeOf(error) !== 404) throw error;
        }
      }
      return { proformas, versions };
    });
  }

  forgetVersionActor(actorId: string, marker: string): Promise<number> {
    return guardStorage(async () => {
      let count = 0;
      // Versions are keyed by proforma, not by person: a scan filtered on the person's id, acceptable
      // for erasure, which is rare and done by a coordinator. Only the keys come back.
      const filter = odata`actorId eq ${actorId}`;
      const found: { partitionKey: string; rowKey: string }[] = [];
      for await (const e of this.history.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["PartitionKey", "RowKey"] } }))
        found.push({ partitionKey: str(e, "partitionKey"), rowKey: str(e, "rowKey") });
      for (const key of found) {
        await this.history.updateEntity({ ...key, actorId: "", actorName: marker }, "Merge");
        count++;
      }
      return count;
    });
  }
}
