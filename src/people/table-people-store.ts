import type { TableClient } from "@azure/data-tables";
import type { Role } from "../domain/actor";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import { ROLES, type Person } from "./person";
import type { PeopleStore } from "./people-store";

/** people: PartitionKey tenant id, RowKey Entra object id. */
export class TablePeopleStore implements PeopleStore {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("people");
  }

  get(tenantId: string, objectId: string): Promise<Person | undefined> {
    return guardStorage(async () => {
      try {
        return fromEntity(await this.table.getEntity(safeKey(tenantId), safeKey(objectId)));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  put(person: Person): Promise<void> {
    return guardStorage(async () => {
      const entity = {
        partitionKey: safeKey(person.tenantId),
        rowKey: safeKey(person.objectId),
        tenantId: person.tenantId,
        objectId: person.objectId,
        name: person.name,
        jobTitle: person.jobTitle,
        borough: person.borough,
        roles: JSON.stringify(person.roles),
        updatedAt: person.updatedAt,
        updatedBy: person.updatedBy,
        actingAs: person.actingAs ? JSON.stringify(person.actingAs) : "",
      };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Replace");
    });
  }

  noteSeen(tenantId: string, objectId: string, name: string, at: string): Promise<void> {
    return guardStorage(async () => {
      // Merge: a new row holds only the id, name and tenant; an existing row keeps its roles and borough.
      const entity = { partitionKey: safeKey(tenantId), rowKey: safeKey(objectId), tenantId, objectId, name, seenAt: at };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Merge");
    });
  }

  setActingAs(tenantId: string, objectId: string, actingAs: { objectId: string; name: string } | undefined, at: string): Promise<void> {
    return guardStorage(async () => {
      const entity = {
        partitionKey: safeKey(tenantId),
        rowKey: safeKey(objectId),
        tenantId,
        objectId,
        actingAs: actingAs ? JSON.stringify(actingAs) : "",
        seenAt: at,
      };
      assertEntityFits(entity);
      await this.table.upsertEntity(entity, "Merge");
    });
  }

  remove(tenantId: string, objectId: string): Promise<boolean> {
    return guardStorage(async () => {
      try {
        await this.table.deleteEntity(safeKey(tenantId), safeKey(objectId));
        return true;
      } catch (error) {
        if (statusCodeOf(error) === 404) return false;
        throw error;
      }
    });
  }

  list(): Promise<Person[]> {
    return guardStorage(async () => {
      const people: Person[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>()) people.push(fromEntity(e));
      return people;
    });
  }
}

function fromEntity(e: Record<string, unknown>): Person {
  let roles: Role[] = [];
  try {
    const parsed = JSON.parse(typeof e.roles === "string" ? e.roles : "[]");
    if (Array.isArray(parsed)) roles = parsed.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  } catch {
    roles = [];
  }
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  return {
    tenantId: s("tenantId"),
    objectId: s("objectId"),
    name: s("name"),
    jobTitle: s("jobTitle"),
    borough: s("borough"),
    roles,
    updatedAt: s("updatedAt"),
    updatedBy: s("updatedBy"),
    actingAs: actingAsOf(s("actingAs")),
  };
}

function actingAsOf(text: string): Person["actingAs"] {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { objectId?: unknown; name?: unknown };
    if (typeof parsed.objectId === "string" && parsed.objectId) return { objectId: parsed.objectId, name: typeof parsed.name === "string" ? parsed.name : "" };
  } catch {
    // an unreadable value acts as nobody
  }
  return undefined;
}
