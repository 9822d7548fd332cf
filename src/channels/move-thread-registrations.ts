import type { TableClient } from "@azure/data-tables";
import { channelConversationId } from "../domain/conversation";
import type { Storage } from "../storage/open-storage";
import { safeKey, statusCodeOf } from "../storage/table-limits";

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

async function read(table: TableClient, pk: string, rk: string): Promise<Record<string, unknown> | undefined> {
  try {
    return await table.getEntity<Record<string, unknown>>(pk, rk);
  } catch (error) {
    if (statusCodeOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Channel registrations kept under the thread a command was typed in (`<channel>;messageid=<post>`,
 * as the service stored them before it kept channels by channel) move to the channel's own row, so
 * digests and invitations appear as new posts in the channel. A role given later wins over an older
 * one. The thread's row stays, without its role, so cards already posted into that thread can still be
 * updated in place (`digest correct`). Safe to run again: a second run finds nothing to move.
 */
export async function moveThreadRegistrations(storage: Storage, progress: (line: string) => void): Promise<number> {
  const table = storage.tableClient("channels");
  const threads: Record<string, unknown>[] = [];
  for await (const e of table.listEntities<Record<string, unknown>>()) {
    const id = str(e, "conversationId");
    if (str(e, "conversationType") === "channel" && str(e, "role") && channelConversationId(id) !== id) threads.push(e);
  }
  let moved = 0;
  for (const e of threads) {
    const pk = str(e, "partitionKey");
    const channelId = channelConversationId(str(e, "conversationId"));
    const target = await read(table, pk, safeKey(channelId));
    const targetIsNewer = target !== undefined && str(target, "role") !== "" && str(target, "roleSetAt") > str(e, "roleSetAt");
    if (!targetIsNewer) {
      const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...fields } = e;
      const base = target ? {} : { ...fields, conversationId: channelId };
      await table.upsertEntity(
        { ...base, partitionKey: pk, rowKey: safeKey(channelId), role: str(e, "role"), borough: str(e, "borough"), roleSetAt: str(e, "roleSetAt") },
        "Merge",
      );
    }
    await table.updateEntity({ partitionKey: pk, rowKey: str(e, "rowKey"), role: "", borough: "" }, "Merge");
    moved++;
    progress(`channel registration moved from a thread to its channel (${moved} of ${threads.length})`);
  }
  return moved;
}
