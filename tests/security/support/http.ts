import { post, type HttpAnswer } from "../../support/teams-client";
import type { TableName } from "../../../src/storage/table-names";
import type { HubFixture } from "./hub-fixture";

/** Posts an activity with an Authorization header (or none). */
export function postActivity(url: string, activity: Record<string, unknown>, token?: string): Promise<HttpAnswer> {
  return post(url, activity, token === undefined ? {} : { authorization: `Bearer ${token}` });
}

/** How many rows the given tables hold, in total: to show a refused request wrote nothing. */
export async function rowCount(hub: HubFixture, tables: TableName[] = ["channels", "people", "proformas", "authored", "audit", "activity"]): Promise<number> {
  let n = 0;
  for (const t of tables) n += (await hub.rows(t)).length;
  return n;
}

/** Cards in an expectReplies answer. */
export function replyCards(answer: HttpAnswer): any[] {
  return ((answer.body?.activities ?? []) as any[]).flatMap((a) => (a.attachments ?? []).map((x: any) => x.content));
}
