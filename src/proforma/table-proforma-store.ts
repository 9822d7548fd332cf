import { odata, type TableClient } from "@azure/data-tables";
import type { Storage } from "../storage/open-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { guardStorage } from "../storage/guard-storage";
import type { Proforma, ProformaStatus } from "./proforma";
import type { AuthoredEntry, ProformaStore } from "./proforma-store";

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

/** proformas: PartitionKey borough GSS code, RowKey the proforma's ULID. */
export function toEntity(p: Proforma): Entity {
  return {
    partitionKey: p.borough,
    rowKey: p.id,
    title: p.title,
    outcomeAreas: JSON.stringify(p.outcomeAreas),
    summary: p.summary,
    impact: p.impact,
    contactName: p.contactName,
    consentScope: p.consentScope,
    noPersonalData: p.noPersonalData,
    status: p.status,
    authorId: p.authorId,
    authorName: p.authorName,
    tenantId: p.tenantId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
    demo: p.demo,
  };
}

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

export function fromEntity(e: Record<string, unknown>): Proforma {
  let outcomeAreas: string[] = [];
  try {
    const parsed = JSON.parse(str(e, "outcomeAreas") || "[]");
    if (Array.isArray(parsed)) outcomeAreas = parsed.filter((x): x is string => typeof x === "string");
  } catch {
    outcomeAreas = [];
  }
  return {
    id: str(e, "rowKey"),
    borough: str(e, "partitionKey"),
    title: str(e, "title"),
    outcomeAreas,
    summary: str(e, "summary"),
    impact: str(e, "impact"),
    contactName: str(e, "contactName"),
    consentScope: str(e, "consentScope"),
    noPersonalData: true,
    status: (str(e, "status") || "submitted") as ProformaStatus,
    authorId: str(e, "authorId"),
    authorName: str(e, "authorName"),
    tenantId: str(e, "tenantId"),
    createdAt: str(e, "createdAt"),
    updatedAt: str(e, "updatedAt"),
    version: typeof e.version === "number" ? e.version : 1,
    demo: e.demo === true,
  };
}

export class TableProformaStore implements ProformaStore {
  private readonly proformas: TableClient;
  private readonly authored: TableClient;

  constructor(storage: Storage) {
    this.proformas = storage.tableClient("proformas");
    this.authored = storage.tableClient("authored");
  }

  create(proforma: Proforma): Promise<{ created: boolean; proforma: Proforma }> {
    return guardStorage(async () => {
      const entity = toEntity(proforma);
      assertEntityFits(entity);
      let created = true;
      try {
        await this.proformas.createEntity(entity);
      } catch (error) {
        // 409: this id is stored already, by an earlier delivery of the same submit, or by a first
        // attempt whose answer was lost. Either way the stored record stands and counts once.
        if (statusCodeOf(error) !== 409) throw error;
        created = false;
      }
      const stored = created ? proforma : ((await this.get(proforma.borough, proforma.id)) ?? proforma);
      // The author index is written after the record and repaired by any retry, so it is never
      // missing for long and never points at nothing.
      await this.authored.upsertEntity(
        {
          partitionKey: safeKey(stored.authorId),
          rowKey: stored.id,
          borough: stored.borough,
          title: stored.title,
          status: stored.status,
          updatedAt: stored.updatedAt,
        },
        "Replace",
      );
      return { created, proforma: stored };
    });
  }

  get(borough: string, id: string): Promise<Proforma | undefined> {
    return guardStorage(async () => {
      try {
        return fromEntity(await this.proformas.getEntity(borough, id));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
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
}
