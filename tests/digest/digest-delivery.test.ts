import assert from "node:assert/strict";
import sinon from "sinon";
import { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { sendDigest, digestRunKey } from "../../src/digest/send-digest";
import { TableRunStore } from "../../src/delivery/table-run-store";
import { MAX_CARD_BYTES } from "../../src/cards/render-card";
import { checkCard } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { ANN, cardText, say } from "../support/teams-client";
import { HACKNEY, NEWHAM, TENANT, clearChannels, feedEvent, registerChannel, virtualTime } from "./digest-support";

describe("weekly digest delivery to DCS channels (real service, Azurite and a fake Bot Connector)", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  let clock = new Date("2026-11-30T09:00:00Z");

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, now: () => clock });
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });
  beforeEach(async () => {
    connector.answer = () => undefined;
    connector.calls.length = 0;
    await clearChannels(service.app);
  });

  const rows = (week: string) => new TableRunStore(service.storage).rows(digestRunKey(week));
  const callsTo = (id: string) => connector.calls.filter((c) => c.conversationId === id && c.method === "POST");

  async function dcsChannels(n: number, prefix: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = `19:${prefix}-${i}@thread.tacv2`;
      await registerChannel(service.app, id, connector.url, "dcs", i === 0 ? NEWHAM : undefined, `DCS ${prefix} ${i}`);
      ids.push(id);
    }
    return ids;
  }

  it("when a coordinator sends a normal week's digest, then each DCS channel gets exactly one card, with its own borough first, and a second send adds nothing", async () => {
    const week = "2026-W48";
    await feedEvent(service.app, week, {
      key: "p1",
      kind: "proforma.published",
      at: "2026-11-24T10:00:00Z",
      borough: NEWHAM,
      title: "Newham mentoring ${evil} <at>all</at>",
      data: { outcomeAreas: "education" },
    });
    await feedEvent(service.app, week, {
      key: "p2",
      kind: "proforma.submitted",
      at: "2026-11-25T10:00:00Z",
      borough: HACKNEY,
      title: "Hackney family group conferences",
      data: { outcomeAreas: "social-care,youth-justice" },
    });
    await feedEvent(service.app, week, { key: "n1", kind: "nomination.opened", at: "2026-11-26T10:00:00Z", borough: NEWHAM, title: "Newham lead" });
    await feedEvent(service.app, week, {
      key: "c1",
      kind: "conversation.convened",
      at: "2026-11-27T10:00:00Z",
      title: "Exclusions round table",
      data: { when: "8 December" },
    });
    const ids = await dcsChannels(3, "normal");
    await registerChannel(service.app, "19:coord@thread.tacv2", connector.url, "coordinators");

    const [answer] = await say(service.url, ANN, `digest send now ${week}`);
    assert.match(cardText(answer), /sent to 3 channel\(s\) now, 0 already had it, 0 failed, 0 unknown/);
    for (const id of ids) assert.equal(connector.posts(id).length, 1, `one digest in ${id}`);
    assert.equal(callsTo("19:coord@thread.tacv2").length, 0, "no problems to report");

    const newhamCard = FakeConnector.card(connector.posts(ids[0])[0]!);
    const other = FakeConnector.card(connector.posts(ids[1])[0]!);
    for (const card of [newhamCard, other]) {
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      assert.ok(check.bytes < MAX_CARD_BYTES);
      assert.ok(!JSON.stringify(card).includes("${"), "user-typed ${ is inert");
      assert.ok(!/<at>/.test(JSON.stringify(card)), "user-typed mention is inert");
    }
    const newhamText = cardText(newhamCard);
    assert.ok(newhamText.indexOf("Newham mentoring") < newhamText.indexOf("Hackney family group"), "Newham's items lead the Newham DCS channel");
    assert.match(newhamText, /Newham items first/);
    const otherText = cardText(other);
    assert.ok(otherText.indexOf("Hackney family group") < otherText.indexOf("Newham mentoring"), "other channels keep borough order");
    assert.match(otherText, /1 new and 1 published, from 2 boroughs/);
    assert.match(otherText, /Exclusions round table/);
    assert.match(otherText, /Actions overdue\nNothing this week\./);
    assert.deepEqual(
      (await rows(week)).map((r) => r.state),
      ["sent", "sent", "sent"],
    );
    assert.ok((await rows(week)).every((r) => r.activityId));

    const [again] = await say(service.url, ANN, `digest send now ${week}`);
    assert.match(cardText(again), /sent to 0 channel\(s\) now, 3 already had it/);
    for (const id of ids) assert.equal(connector.posts(id).length, 1, `still one digest in ${id}`);
  });

  it("when Teams answers a storm of 429s with Retry-After, then every channel still gets one card, after waiting as asked", async () => {
    const week = "2026-W40";
    const ids = await dcsChannels(4, "storm");
    const refused = new Map<string, number>();
    connector.answer = (call) => {
      const n = refused.get(call.conversationId) ?? 0;
      if (n < 2) {
        refused.set(call.conversationId, n + 1);
        return { status: 429, headers: { "retry-after": "2" } };
      }
      return undefined;
    };
    const time = virtualTime();
    const summary = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer, random: () => 0.5 });
    assert.equal(summary.sent, 4);
    for (const id of ids) {
      assert.equal(connector.posts(id).length, 1);
      assert.equal(callsTo(id).length, 3, "two refusals, then the post");
    }
    assert.equal(time.waits.length, 8);
    assert.ok(
      time.waits.every((w) => w >= 2000 && w < 2500),
      `waits honour Retry-After: ${time.waits}`,
    );
    assert.ok((await rows(week)).every((r) => r.state === "sent" && r.attempts === 3));
  });

  it("when a send's outcome is unknown (500, or the connection drops), then it is not resent but reported to the coordinators' channel once", async () => {
    const week = "2026-W41";
    const ids = await dcsChannels(3, "unknown");
    await registerChannel(service.app, "19:coord-u@thread.tacv2", connector.url, "coordinators", undefined, "LIIA coordinators");
    connector.answer = (call) => (call.conversationId === ids[1] ? { status: 500 } : call.conversationId === ids[2] ? "drop" : undefined);
    const time = virtualTime();
    const summary = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    assert.deepEqual([summary.sent, summary.unknown], [1, 2]);
    assert.equal(callsTo(ids[1]!).length, 1, "a 500 is not retried");
    assert.equal(callsTo(ids[2]!).length, 1, "a dropped connection is not retried");
    const reports = connector.posts("19:coord-u@thread.tacv2");
    assert.equal(reports.length, 1);
    const report = FakeConnector.card(reports[0]!);
    assert.deepEqual(checkCard(report).errors, []);
    assert.match(cardText(report), /DCS unknown 1[\s\S]*Outcome unknown, not resent[\s\S]*DCS unknown 2/);

    connector.answer = () => undefined;
    const again = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    assert.deepEqual([again.sent, again.unknown, again.alreadySent], [0, 2, 1]);
    assert.equal(callsTo(ids[1]!).length, 1, "still not resent");
    assert.equal(connector.posts("19:coord-u@thread.tacv2").length, 1, "reported once");
  });

  it("when a stored service URL was tampered with, or a channel answers 403, then nothing goes there and the other channels still get theirs", async () => {
    const week = "2026-W42";
    const ids = await dcsChannels(3, "tamper");
    const channels = TableClient.fromConnectionString(azurite.connectionString, "channels", { allowInsecureConnection: true });
    await channels.updateEntity({ partitionKey: TENANT, rowKey: ids[1]!, serviceUrl: "https://evil.example/" }, "Merge");
    connector.answer = (call) => (call.conversationId === ids[2] ? { status: 403 } : undefined);
    const time = virtualTime();
    const summary = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    assert.deepEqual([summary.sent, summary.failed], [1, 2]);
    assert.equal(callsTo(ids[1]!).length, 0, "no request carried the bot's token to the tampered address");
    assert.equal(callsTo(ids[2]!).length, 1, "403 is not retried");
    assert.equal(connector.posts(ids[0]!).length, 1);
    const byId = new Map((await rows(week)).map((r) => [r.conversationId, r]));
    assert.match(byId.get(ids[1]!)!.reason, /not a Teams Bot Connector/);
    assert.equal(byId.get(ids[2]!)!.lastStatus, 403);
  });

  it("when an instance stops after half the channels, then the next pass takes over its expired lease, resumes, and sends nothing twice", async () => {
    const week = "2026-W43";
    const ids = await dcsChannels(6, "crash");
    const messenger = service.app.messenger;
    const realPost = messenger.post.bind(messenger);
    let n = 0;
    const stub = sinon.stub(messenger, "post").callsFake(async (ref, card) => {
      n++;
      if (n < 3) return realPost(ref, card);
      if (n === 3) await realPost(ref, card); // the third card lands, then the instance dies before recording it
      return new Promise<never>(() => {});
    });
    const time = virtualTime();
    // The dying instance's lease renewals stop too (they would hang with it).
    const dying: TableRunStore = Object.assign(Object.create(new TableRunStore(service.storage)) as TableRunStore, {
      renew: () => new Promise<never>(() => {}),
    });
    void sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer, concurrency: 1, store: dying });
    while (n < 3 || connector.posts().filter((c) => ids.includes(c.conversationId)).length < 3) await new Promise((r) => setTimeout(r, 10));
    stub.restore();

    const held = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    assert.equal(held.outcome, "held-elsewhere", "the lease is still live");
    clock = new Date(clock.getTime() + 5 * 60_000);
    const resumed = await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    assert.deepEqual([resumed.alreadySent, resumed.unknown, resumed.sent], [2, 1, 3]);
    for (const id of ids) assert.equal(connector.posts(id).length, 1, `exactly one digest in ${id}`);
    const states = (await rows(week)).map((r) => r.state).sort();
    assert.deepEqual(states, ["sent", "sent", "sent", "sent", "sent", "unknown"]);
  });

  it("when a coordinator corrects a sent digest, then each card is updated in place and nothing new is posted", async () => {
    const week = "2026-W44";
    const ids = await dcsChannels(2, "correct");
    await feedEvent(service.app, week, { key: "p9", kind: "proforma.submitted", at: "2026-10-27T10:00:00Z", borough: HACKNEY, title: "First title" });
    const time = virtualTime();
    await sendDigest(service.app, week, { sleep: time.sleep, pacer: time.pacer });
    await feedEvent(service.app, week, { key: "p9", kind: "proforma.submitted", at: "2026-10-27T10:00:00Z", borough: HACKNEY, title: "Corrected title" });
    const [answer] = await say(service.url, ANN, `digest correct ${week}`);
    assert.match(cardText(answer), /updated in place in 2 channel/);
    for (const id of ids) {
      const [posted] = connector.posts(id);
      const updates = connector.updates(id);
      assert.equal(connector.posts(id).length, 1);
      assert.equal(updates.length, 1);
      assert.ok(posted);
      assert.equal(updates[0]!.activityId, (await rows(week)).find((r) => r.conversationId === id)!.activityId, "the sent activity is updated");
      assert.match(cardText(FakeConnector.card(updates[0]!)), /Corrected title/);
    }
    const [never] = await say(service.url, ANN, "digest correct 2026-W01");
    assert.match(cardText(never), /has not been sent/);
  });
});
