import { odata, type TableClient } from "@azure/data-tables";
import type { ConversationRef } from "../domain/conversation";
import type { Storage } from "../storage/open-storage";
import { guardStorage } from "../storage/guard-storage";
import { assertEntityFits, safeKey, statusCodeOf } from "../storage/table-limits";
import type { ChannelRecord, ChannelRole, ChannelStore } from "./channel-store";

const ROLES: readonly ChannelRole[] = ["dcs", "borough", "leads", "coordinators"];

/**
 * channels: PartitionKey tenant id, RowKey conversation id (made key-safe). Personal chats are also
 * indexed by person, RowKey `person:<object id>`, so a one-to-one card needs a point read, not a scan.
 */
export class TableChannelStore implements ChannelStore {
  private readonly table: TableClient;
  constructor(storage: Storage) {
    this.table = storage.tableClient("channels");
  }

  remember(ref: ConversationRef, name: string, now: Date): Promise<void> {
    return guardStorage(async () => {
      const fields = {
        conversationId: ref.conversationId,
        serviceUrl: ref.serviceUrl,
        tenantId: ref.tenantId,
        channelId: ref.channelId,
        conversationType: ref.conversationType,
        botId: ref.botId,
        teamId: ref.teamId ?? "",
        userId: ref.userId ?? "",
        userObjectId: ref.userObjectId ?? "",
        updatedAt: now.toISOString(),
        // A name Teams did not repeat this time (ordinary messages carry none) is kept, not wiped.
        ...(name ? { name: name.slice(0, 200) } : {}),
      };
      const entity = { partitionKey: safeKey(ref.tenantId), rowKey: safeKey(ref.conversationId), ...fields };
      assertEntityFits(entity);
      // Merge keeps the role a coordinator gave this conversation.
      await this.table.upsertEntity(entity, "Merge");
      if (ref.conversationType === "personal" && ref.userObjectId) {
        await this.table.upsertEntity({ partitionKey: safeKey(ref.tenantId), rowKey: `person:${safeKey(ref.userObjectId)}`, ...fields }, "Merge");
      }
    });
  }

  get(tenantId: string, conversationId: string): Promise<ChannelRecord | undefined> {
    return this.read(safeKey(tenantId), safeKey(conversationId));
  }

  personalChat(tenantId: string, objectId: string): Promise<ChannelRecord | undefined> {
    return this.read(safeKey(tenantId), `person:${safeKey(objectId)}`);
  }

  setRole(tenantId: string, conversationId: string, role: ChannelRole | undefined, borough: string | undefined, now: Date): Promise<void> {
    return guardStorage(async () => {
      await this.table.updateEntity(
        { partitionKey: safeKey(tenantId), rowKey: safeKey(conversationId), role: role ?? "", borough: borough ?? "", roleSetAt: now.toISOString() },
        "Merge",
      );
    });
  }

  forget(tenantId: string, conversationId: string): Promise<void> {
    return guardStorage(async () => {
      try {
        await this.table.deleteEntity(safeKey(tenantId), safeKey(conversationId));
      } catch (error) {
        if (statusCodeOf(error) !== 404) throw error;
      }
    });
  }

  list(): Promise<ChannelRecord[]> {
    return guardStorage(async () => {
      const records: ChannelRecord[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>()) {
        if (typeof e.rowKey === "string" && e.rowKey.startsWith("person:")) continue;
        records.push(fromEntity(e));
      }
      return records;
    });
  }

  withRole(role: ChannelRole): Promise<ChannelRecord[]> {
    return guardStorage(async () => {
      const records: ChannelRecord[] = [];
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`role eq ${role}` } })) {
        if (typeof e.rowKey === "string" && e.rowKey.startsWith("person:")) continue;
        records.push(fromEntity(e));
      }
      return records;
    });
  }

  forgetPersonalChats(objectId: string): Promise<ChannelRecord[]> {
    return guardStorage(async () => {
      // Chats are keyed by tenant and conversation: a scan filtered on the person's id, acceptable for
      // erasure (rare, coordinators only; the registry holds a few hundred rows).
      const found: Record<string, unknown>[] = [];
      const filter = odata`userObjectId eq ${objectId} and conversationType eq ${"personal"}`;
      for await (const e of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(e);
      for (const e of found) {
        try {
          await this.table.deleteEntity(String(e.partitionKey), String(e.rowKey));
        } catch (error) {
          if (statusCodeOf(error) !== 404) throw error;
        }
      }
      const chats = new Map(found.map((e) => fromEntity(e)).map((c) => [`${c.ref.tenantId}|${c.ref.conversationId}`, c]));
      return [...chats.values()];
    });
  }

  private read(pk: string, rk: string): Promise<ChannelRecord | undefined> {
    return guardStorage(async () => {
      try {
        return fromEntity(await this.table.getEntity(pk, rk));
      } catch (error) {
        if (statusCodeOf(error) === 404) return undefined;
        throw error;
      }
    });
  }
}

function fromEntity(e: Record<string, unknown>): ChannelRecord {
  const s = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : "");
  const type = s("conversationType");
  const role = s("role") as ChannelRole;
  return {
    ref: {
      conversationId: s("conversationId"),
      serviceUrl: s("serviceUrl"),
      tenantId: s("tenantId"),
      channelId: s("channelId") || "msteams",
      conversationType: type === "channel" || type === "groupChat" ? type : "personal",
      botId: s("botId"),
      teamId: s("teamId") || undefined,
      userId: s("userId") || undefined,
      userObjectId: s("userObjectId") || undefined,
    },
    role: ROLES.includes(role) ? role : undefined,
    borough: s("borough") || undefined,
    name: s("name"),
    updatedAt: s("updatedAt"),
  };
}
