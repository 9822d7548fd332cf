import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import { checkCard } from "../support/card-check";
import { startTestService } from "../support/test-service";
import { ANN, BEN, activity, cardText, post, type TestUser } from "../support/teams-client";

const TENANT = "11111111-1111-4111-8111-111111111111";

/** A message in a team channel, as Teams sends it. */
async function sayInChannel(url: string, user: TestUser, channelId: string, text: string, name = "Hackney DCS"): Promise<any[]> {
  const answer = await post(
    url,
    activity(user, {
      type: "message",
      text,
      deliveryMode: "expectReplies",
      conversation: { id: channelId, conversationType: "channel", tenantId: TENANT, name },
      channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" }, channel: { id: channelId } },
    }),
  );
  assert.equal(answer.status, 200);
  return (answer.body?.activities ?? []).flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content));
}

describe("channel registry commands", function () {
  let service: RunningService;

  before(async () => {
    service = await startTestService({ env: { COORDINATORS: ANN.id } });
  });
  after(async () => {
    await service?.stop();
  });

  it("when a coordinator registers a channel as dcs Hackney, then the registry keeps the role and borough", async () => {
    const [card] = await sayInChannel(service.url, ANN, "19:dcs-hackney@thread.tacv2", "register this channel as dcs Hackney");
    assert.deepEqual(checkCard(card).errors, []);
    assert.match(cardText(card), /Hackney DCS channel/);
    const record = await service.app.channels.get(TENANT, "19:dcs-hackney@thread.tacv2");
    assert.equal(record?.role, "dcs");
    assert.equal(record?.borough, "E09000012");
    const dcs = await service.app.channels.withRole("dcs");
    assert.deepEqual(
      dcs.map((r) => r.ref.conversationId),
      ["19:dcs-hackney@thread.tacv2"],
    );
  });

  it("when a coordinator registers borough, leads and coordinators channels, then channels lists each with its role", async () => {
    await sayInChannel(service.url, ANN, "19:newham@thread.tacv2", "register this channel as borough Newham", "Newham <at>x</at> ${boom}");
    await sayInChannel(service.url, ANN, "19:leads@thread.tacv2", "register this channel as leads", "Leads");
    await sayInChannel(service.url, ANN, "19:coord@thread.tacv2", "Register this channel as coordinators", "LIIA");
    const [card] = await sayInChannel(service.url, ANN, "19:coord@thread.tacv2", "channels", "LIIA");
    const check = checkCard(card);
    assert.deepEqual(check.errors, []);
    const text = cardText(card);
    for (const role of ["Newham borough channel", "leads' channel", "coordinators' channel", "Hackney DCS channel"]) assert.ok(text.includes(role), role);
    assert.ok(!JSON.stringify(card).includes("${boom}"), "a channel name is shown inert");
    assert.equal((await service.app.channels.get(TENANT, "19:newham@thread.tacv2"))?.borough, "E09000025");
  });

  it("when Teams gives no names, then channels says what each conversation is, and a group chat shows its topic", async () => {
    // The activities' service URL answers nothing: Teams cannot be asked for the names.
    await sayInChannel(service.url, ANN, "19:quiet@thread.tacv2", "register this channel as leads", "");
    const chat = await post(
      service.url,
      activity(ANN, {
        type: "message",
        text: "register this channel as coordinators",
        deliveryMode: "expectReplies",
        conversation: { id: "19:chat@unq.gbl.spaces", conversationType: "groupChat", isGroup: true, tenantId: TENANT, name: "LIIA coordinators chat" },
      }),
    );
    assert.equal(chat.status, 200);
    const [card] = await sayInChannel(service.url, ANN, "19:quiet@thread.tacv2", "channels", "");
    const text = cardText(card);
    assert.ok(!text.includes("unnamed"), text);
    assert.match(text, /A team channel/);
    assert.match(text, /LIIA coordinators chat/);
  });

  it("when someone who is not a coordinator tries to register, then they are refused and nothing changes", async () => {
    const [card] = await sayInChannel(service.url, BEN, "19:other@thread.tacv2", "register this channel as dcs");
    assert.match(cardText(card), /Only an LIIA coordinator/);
    assert.equal((await service.app.channels.get(TENANT, "19:other@thread.tacv2"))?.role, undefined);
  });

  it("when the role or borough is not known, then a card says what to write and nothing is saved", async () => {
    for (const text of [
      "register this channel as boss",
      "register this channel as borough Atlantis",
      "register this channel as borough",
      "register this channel as leads Hackney",
    ]) {
      const [card] = await sayInChannel(service.url, ANN, "19:typo@thread.tacv2", text);
      assert.deepEqual(checkCard(card).errors, []);
      assert.match(cardText(card), /register this channel|eight boroughs|Name the borough|belongs to no borough/);
    }
    assert.equal((await service.app.channels.get(TENANT, "19:typo@thread.tacv2"))?.role, undefined);
  });

  it("when the bot is removed from a team, then its channel leaves the registry", async () => {
    await sayInChannel(service.url, ANN, "19:gone@thread.tacv2", "register this channel as leads");
    const removed = await post(
      service.url,
      activity(ANN, {
        type: "conversationUpdate",
        membersRemoved: [{ id: "28:bot" }],
        conversation: { id: "19:gone@thread.tacv2", conversationType: "channel", tenantId: TENANT },
      }),
    );
    assert.ok(removed.status < 300);
    assert.equal(await service.app.channels.get(TENANT, "19:gone@thread.tacv2"), undefined);
  });
});
