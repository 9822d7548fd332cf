import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { moveThreadRegistrations } from "../../src/channels/move-thread-registrations";
import { safeKey } from "../../src/storage/table-limits";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { activity, actionData, cardText, execute, post } from "../support/teams-client";
import { COORD, HACKNEY, HACKNEY_DCS, putPerson, TENANT, tell } from "../support/leads-support";

const CHANNEL = "19:dcs-hackney@thread.tacv2";
const TEAM = "19:team@thread.tacv2";

/**
 * Teams names a channel message's conversation by its thread: `<channel id>;messageid=<root post>`,
 * with the channel itself in channelData.channel.id. A registration typed in one thread is the
 * channel's, and what the Hub sends there later is a new post in the channel, not a reply hidden in
 * the thread where someone once typed `register this channel`.
 */
describe("channels are registered as channels, not as the thread the command was typed in", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;

  async function inThread(rootPost: string, text: string, fields: Record<string, unknown> = {}): Promise<any[]> {
    const answer = await post(
      service.url,
      activity(COORD, {
        type: "message",
        text: `<at>Disparities Hub</at> ${text}`,
        deliveryMode: "expectReplies",
        serviceUrl: connector.url,
        conversation: { id: `${CHANNEL};messageid=${rootPost}`, conversationType: "channel", isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
        ...fields,
      }),
    );
    assert.equal(answer.status, 200);
    return (answer.body.activities ?? []).flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content));
  }

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id } });
    await putPerson(service, HACKNEY_DCS, HACKNEY, ["dcs"]);
    // The bot is added to the team: Teams tells it about the channel (no thread).
    const added = await post(
      service.url,
      activity(COORD, {
        type: "conversationUpdate",
        serviceUrl: connector.url,
        membersAdded: [{ id: "28:bot" }],
        conversation: { id: CHANNEL, conversationType: "channel", isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL }, eventType: "teamMemberAdded" },
      }),
    );
    assert.ok(added.status < 300);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when a coordinator registers from a thread, then the digest sent now is a new post in the channel, and the channel is listed once", async () => {
    connector.teams[TEAM] = { name: "LIIA Directors", channels: [{ id: TEAM }, { id: CHANNEL, name: "Hackney DCS" }] };
    const [registered] = await inThread("1001", "register this channel as dcs Hackney");
    assert.match(cardText(registered), /Hackney DCS channel/);

    const [sent] = await tell(service, connector, COORD, "digest send now");
    assert.match(cardText(sent), /sent to 1 channel/);
    assert.equal(connector.posts(CHANNEL).length, 1, "the digest is posted to the channel itself");
    assert.equal(connector.posts(`${CHANNEL};messageid=1001`).length, 0, "not as a reply in the registration thread");

    // A later message in the channel carries no names: the ones Teams gave at registration stay.
    await inThread("1002", "help");
    const [list] = await tell(service, connector, COORD, "channels");
    assert.equal(cardText(list).match(/Hackney DCS channel/g)?.length, 1);
    assert.match(cardText(list), /LIIA Directors › Hackney DCS/, "the team and channel names Teams gave");
    assert.equal((await service.app.channels.list()).filter((c) => c.ref.conversationType === "channel").length, 1);
  });

  it("when the DCS presses Useful on the digest (an invoke in the digest's own thread), then the press is counted for the channel's borough", async () => {
    const digest = FakeConnector.card(connector.posts(CHANNEL)[0]!);
    const data = actionData(digest, "digest.feedback");
    // A DCS with no borough on their record: the channel says which borough the press is for.
    const guest = { ...HACKNEY_DCS, id: "00000000-0000-4000-8000-0000000000d1", name: "Guest Director" };
    const answer = await execute(
      service.url,
      guest,
      "digest.feedback",
      { ...data, kind: "useful" },
      {
        conversation: { id: `${CHANNEL};messageid=activity-9`, conversationType: "channel", isGroup: true, tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
      },
    );
    assert.equal(answer.status, 200);
    const presses = await service.app.feedback.forWeek(String(data.week));
    assert.deepEqual(
      presses.map((p) => [p.name, p.borough]),
      [["Guest Director", HACKNEY]],
    );
  });

  it("when a coordinator unregisters from another thread of the same channel, then the channel loses its role", async () => {
    const [card] = await inThread("2002", "unregister this channel");
    assert.match(cardText(card), /no longer the Hackney DCS channel/);
    assert.equal((await service.app.channels.withRole("dcs")).length, 0);
  });

  it("when a registration was stored under its thread (as before), then npm run migrate moves it to the channel, and a second run moves nothing", async () => {
    const OTHER = "19:leads@thread.tacv2";
    const table = service.storage.tableClient("channels");
    const old = `${OTHER};messageid=3003`;
    await table.createEntity({
      partitionKey: safeKey(TENANT),
      rowKey: safeKey(old),
      conversationId: old,
      serviceUrl: connector.url,
      tenantId: TENANT,
      channelId: "msteams",
      conversationType: "channel",
      botId: "28:bot",
      teamId: TEAM,
      userId: "",
      userObjectId: "",
      name: "Leads",
      updatedAt: "2026-11-01T09:00:00.000Z",
      role: "leads",
      borough: "",
      roleSetAt: "2026-11-01T09:00:00.000Z",
    });
    const lines: string[] = [];
    assert.equal(await moveThreadRegistrations(service.storage, (l) => lines.push(l)), 1);
    const leads = await service.app.channels.withRole("leads");
    assert.deepEqual(
      leads.map((c) => [c.ref.conversationId, c.name]),
      [[OTHER, "Leads"]],
    );
    assert.equal((await service.app.channels.get(TENANT, old))?.role, undefined, "the thread keeps its reference, not its role");
    assert.equal(await moveThreadRegistrations(service.storage, () => undefined), 0);
  });
});
