import { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import type { ChannelRole } from "../../src/channels/channel-store";
import type { Role } from "../../src/domain/actor";
import { isVerb } from "../../src/commands";
import { checkCard } from "./card-check";
import { activity, post, type TestUser } from "./teams-client";
import type { FakeConnector } from "./fake-connector";

export const TENANT = "11111111-1111-4111-8111-111111111111";
export const HACKNEY = "E09000012";
export const NEWHAM = "E09000025";

const user = (n: number, name: string): TestUser => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, name, tenantId: TENANT });

export const COORD = user(1, "Cora Coordinator");
export const HACKNEY_STAFF = user(2, "Harry Hackney");
export const HACKNEY_DCS = user(3, "Dana Director");
export const NOMINEE = user(4, "Nia Nominee");
export const NOMINEE2 = user(5, "Omar Other");
export const NEWHAM_STAFF = user(6, "Nell Newham");
export const NEWHAM_DCS = user(7, "Ned Newham-Director");
export const NEWHAM_LEAD = user(8, "Lola Newham-Lead");
export const STRANGER = user(9, "Sam Stranger");

/** Writes a people row, the way a coordinator's setup would: roles and borough decided on the server. */
export async function putPerson(service: RunningService, u: TestUser, borough: string, roles: Role[], jobTitle = ""): Promise<void> {
  await service.app.people.put({
    tenantId: TENANT,
    objectId: u.id,
    name: u.name,
    jobTitle,
    borough,
    roles,
    updatedAt: new Date().toISOString(),
    updatedBy: "test",
  });
}

/** The person says hello in their one-to-one chat, whose service URL is the fake connector: the bot keeps the reference. */
export async function greet(service: RunningService, connector: FakeConnector, u: TestUser): Promise<void> {
  await tell(service, connector, u, "help");
}

/** Types a message in the person's one-to-one chat (served by the fake connector) and returns the reply cards. */
export async function tell(service: RunningService, connector: FakeConnector, u: TestUser, text: string): Promise<any[]> {
  const answer = await post(service.url, activity(u, { type: "message", text, serviceUrl: connector.url, deliveryMode: "expectReplies" }));
  if (answer.status !== 200) throw new Error(`message "${text}" answered ${answer.status}`);
  return ((answer.body?.activities ?? []) as any[]).flatMap((a) => (a.attachments ?? []).map((x: any) => x.content));
}

/** Registers a channel conversation with a role, pointing at the fake connector. */
export async function registerChannel(
  service: RunningService,
  connector: FakeConnector,
  conversationId: string,
  role: ChannelRole,
  borough?: string,
): Promise<void> {
  const ref = { conversationId, serviceUrl: connector.url, tenantId: TENANT, channelId: "msteams", conversationType: "channel" as const, botId: "28:bot" };
  await service.app.channels.remember(ref, `${role} channel`, new Date());
  await service.app.channels.setRole(TENANT, conversationId, role, borough, new Date());
}

export function table(azurite: EmbeddedAzurite, name: string): TableClient {
  return TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
}

export async function rows(client: TableClient): Promise<Record<string, any>[]> {
  const found: Record<string, any>[] = [];
  for await (const e of client.listEntities()) found.push(e);
  return found;
}

/** A snapshot of a table's rows and ETags, to show that a refusal changed nothing. */
export async function snapshot(client: TableClient): Promise<string> {
  const found = await rows(client);
  return JSON.stringify(found.map((e) => [e.partitionKey, e.rowKey, e.etag]).sort());
}

/** Every card must parse, carry no `${`, weigh under 28 KB, and have a handler for each verb. */
export function assertGoodCard(card: any): void {
  const check = checkCard(card);
  if (check.errors.length) throw new Error(`card errors: ${check.errors.join("; ")}`);
  if (check.bytes >= 28 * 1024) throw new Error(`card weighs ${check.bytes} bytes`);
  for (const verb of check.verbs) if (!isVerb(verb)) throw new Error(`verb ${verb} has no handler`);
}
