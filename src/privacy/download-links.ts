import { createHash, randomBytes } from "node:crypto";
import { odata, type TableClient } from "@azure/data-tables";
import { guardStorage } from "../storage/guard-storage";
import type { Storage } from "../storage/open-storage";
import { statusCodeOf } from "../storage/table-limits";

/** How long a `my data` download address works. */
export const DOWNLOAD_LIFETIME_MS = 10 * 60 * 1000;

/** A download token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const PARTITION = "mydata";

export interface DownloadLink {
  token: string;
  expiresAt: string;
}

export interface DownloadOwner {
  objectId: string;
  tenantId: string;
}

/**
 * Short-lived, unguessable addresses for a person's `my data` file. Only a SHA-256 of each token is
 * stored, so what storage holds cannot be used to download; a person's expired addresses are deleted
 * when they ask for a new one, and an expired address is deleted when it is tried.
 */
export interface DownloadLinks {
  create(owner: DownloadOwner, now: Date): Promise<DownloadLink>;
  /** The owner of a live token; undefined for a token unknown, malformed or expired. */
  ownerOf(token: string, now: Date): Promise<DownloadOwner | undefined>;
  /** Erasure: every address the person holds. */
  forgetPerson(objectId: string): Promise<void>;
}

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** downloads: PartitionKey `mydata`, RowKey the token's SHA-256; the person's ids and the expiry. */
export class TableDownloadLinks implements DownloadLinks {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("downloads");
  }

  create(owner: DownloadOwner, now: Date): Promise<DownloadLink> {
    return guardStorage(async () => {
      await this.removeExpired(owner.objectId, now);
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(now.getTime() + DOWNLOAD_LIFETIME_MS).toISOString();
      await this.table.createEntity({ partitionKey: PARTITION, rowKey: hashOf(token), objectId: owner.objectId, tenantId: owner.tenantId, expiresAt });
      return { token, expiresAt };
    });
  }

  ownerOf(token: string, now: Date): Promise<DownloadOwner | undefined> {
    if (!TOKEN.test(token)) return Promise.resolve(undefined);
    return guardStorage(async () => {
      const rowKey = hashOf(token);
      let row: Record<string, unknown>;
      try {
        row = await this.table.getEntity<Record<string, unknown>>(PARTITION, rowKey);
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
      if (!(String(row.expiresAt) > now.toISOString())) {
        await this.remove(rowKey);
        return undefined;
      }
      return { objectId: String(row.objectId), tenantId: String(row.tenantId) };
    });
  }

  forgetPerson(objectId: string): Promise<void> {
    return guardStorage(async () => {
      const filter = odata`PartitionKey eq ${PARTITION} and objectId eq ${objectId}`;
      const keys: string[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["rowKey"] } })) keys.push(String(e.rowKey));
      for (const key of keys) await this.remove(key);
    });
  }

  /** The person's addresses that have expired (a live one stays: each page of the card offers one). */
  private async removeExpired(objectId: string, now: Date): Promise<void> {
    const filter = odata`PartitionKey eq ${PARTITION} and objectId eq ${objectId} and expiresAt le ${now.toISOString()}`;
    const keys: string[] = [];
    for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["rowKey"] } })) keys.push(String(e.rowKey));
    for (const key of keys) await this.remove(key);
  }

  private async remove(rowKey: string): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, rowKey);
    } catch (error) {
      if (statusCodeOf(error) !== 404) throw error;
    }
  }
}
