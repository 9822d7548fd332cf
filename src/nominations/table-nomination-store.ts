import { odata, type TableClient } from "@azure/data-tables";
import { BOROUGHS, isBoroughCode } from "../domain/boroughs";
import { HubError } from "../domain/errors";
import { isSubmissionId } from "../domain/ids";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, statusCodeOf } from "../storage/table-limits";
import { NOMINATION_KINDS, type Nomination, type NominationKind, type NominationStatus } from "./nomination";
import type { NominationStore } from "./nomination-store";

const STATUSES: readonly NominationStatus[] = ["open", "accepted", "declined", "confirmed", "withdrawn"];

/** nominations: PartitionKey borough GSS code, RowKey nomination id (ULID). */
export class TableNominationStore implements NominationStore {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("nominations");
  }

  create(nomination: Nomination): Promise<{ created: boolean; nomination: Nomination }> {
    return guardStorage(async () => {
      const entity = toEntity(nomination);
      assertEntityFits(entity);
      try {
        const answer = await this.table.createEntity(entity);
        return { created: true, nomination: { ...nomination, etag: answer.etag } };
      } catch (error) {
        if (statusCodeOf(error) !== 409) throw error;
        const stored = await this.get(nomination.borough, nomination.id);
        if (!stored) throw error;
        return { created: false, nomination: stored };
      }
    });
  }

  get(borough: string, id: string): Promise<Nomination | undefined> {
    if (!isBoroughCode(borough) || !isSubmissionId(id)) return Promise.resolve(undefined);
    return guardStorage(async () => {
      try {
        return fromEntity(await this.table.getEntity<Record<string, unknown>>(borough, id));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  async find(id: string): Promise<Nomination | undefined> {
    if (!isSubmissionId(id)) return undefined;
    const found = await Promise.all(BOROUGHS.map((b) => this.get(b.code, id)));
    return found.find((n) => n !== undefined);
  }

  update(nomination: Nomination): Promise<Nomination> {
    return guardStorage(async () => {
      const entity = toEntity(nomination);
      assertEntityFits(entity);
      try {
        const answer = await this.table.updateEntity(entity, "Replace", { etag: nomination.etag ?? "*" });
        return { ...nomination, etag: answer.etag };
      } catch (error) {
        if (statusCodeOf(error) === 412 || statusCodeOf(error) === 404) {
          throw new HubError(
            "changed-since-opened",
            "This nomination changed since this card was shown. Type nominations to see where it stands.",
            {},
            { cause: error },
          );
        }
        throw error;
      }
    });
  }

  remove(borough: string, id: string): Promise<void> {
    return guardStorage(async () => {
      try {
        await this.table.deleteEntity(borough, id);
      } catch (error) {
        if (statusCodeOf(error) !== 404) throw error;
      }
    });
  }

  inBorough(borough: string, statuses?: NominationStatus[]): Promise<Nomination[]> {
    return guardStorage(async () => {
      const found: Nomination[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${borough}` } })) {
        const n = fromEntity(e);
        if (!statuses || statuses.includes(n.status)) found.push(n);
      }
      return found;
    });
  }

  async everywhere(statuses?: NominationStatus[]): Promise<Nomination[]> {
    const lists = await Promise.all(BOROUGHS.map((b) => this.inBorough(b.code, statuses)));
    return lists.flat();
  }

  involving(objectId: string): Promise<Nomination[]> {
    return guardStorage(async () => {
      const lists = await Promise.all(
        BOROUGHS.map(async (b) => {
          const found: Nomination[] = [];
          const filter = odata`PartitionKey eq ${b.code} and (nomineeId eq ${objectId} or nominatedById eq ${objectId} or decidedById eq ${objectId})`;
          for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(fromEntity(e));
          return found;
        }),
      );
      return lists.flat();
    });
  }
}

function toEntity(n: Nomination): { partitionKey: string; rowKey: string; [key: string]: unknown } {
  return {
    partitionKey: n.borough,
    rowKey: n.id,
    borough: n.borough,
    kind: n.kind,
    nomineeId: n.nomineeId,
    nomineeTenantId: n.nomineeTenantId,
    nomineeName: n.nomineeName,
    nomineeJobTitle: n.nomineeJobTitle,
    reason: n.reason,
    nominatedById: n.nominatedById,
    nominatedByName: n.nominatedByName,
    status: n.status,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    decidedAt: n.decidedAt,
    decidedById: n.decidedById,
  };
}

function fromEntity(e: Record<string, unknown>): Nomination {
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  const kind = s("kind") as NominationKind;
  const status = s("status") as NominationStatus;
  return {
    id: s("rowKey"),
    borough: s("partitionKey"),
    kind: NOMINATION_KINDS.includes(kind) ? kind : "lead",
    nomineeId: s("nomineeId"),
    nomineeTenantId: s("nomineeTenantId"),
    nomineeName: s("nomineeName"),
    nomineeJobTitle: s("nomineeJobTitle"),
    reason: s("reason"),
    nominatedById: s("nominatedById"),
    nominatedByName: s("nominatedByName"),
    status: STATUSES.includes(status) ? status : "open",
    createdAt: s("createdAt"),
    updatedAt: s("updatedAt"),
    decidedAt: s("decidedAt"),
    decidedById: s("decidedById"),
    etag: typeof e.etag === "string" ? e.etag : undefined,
  };
}
