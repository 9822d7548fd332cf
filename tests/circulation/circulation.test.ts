import assert from "node:assert/strict";
import sinon from "sinon";
import { startReminderTimer } from "../../src/scheduler/reminders";
import { BOROUGHS } from "../../src/domain/boroughs";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { checkCard } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { ANN, BEN, activity, cardText, execute, post, say } from "../support/teams-client";
import { startTestAzurite, startTestService } from "../support/test-service";
import { CORA, HACKNEY, NEWHAM, buttonData, essentials, placeIn } from "../proforma/support";

const HOUR = 60 * 60 * 1000;
const TENANT = CORA.tenantId!;
const CITY_OF_LONDON = "E09000001";

describe("proforma circulation, status and reminders", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  let now = new Date("2026-03-02T10:00:00Z");
  const channelOf = (code: string) => `19:borough-${code}@thread.tacv2`;

  async function sayInChannel(text: string, conversationId: string): Promise<any[]> {
    const answer = await post(
      service.url,
      activity(CORA, {
        type: "message",
        text,
        deliveryMode: "expectReplies",
        serviceUrl: connector.url,
        conversation: { id: conversationId, conversationType: "channel", tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" } },
      }),
    );
    assert.equal(answer.status, 200);
    return (answer.body.activities ?? []).flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content));
  }

  before(async () => {
    connector = await new FakeConnector().start();
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, env: { COORDINATORS: CORA.id }, now: () => now, schedule: false });
    await placeIn(service, ANN, HACKNEY);
    await placeIn(service, BEN, NEWHAM);
    // Every borough but the City of London registers its channel, with the real command.
    for (const b of BOROUGHS.filter((b) => b.code !== CITY_OF_LONDON)) {
      const [card] = await sayInChannel(`register this channel as borough ${b.name}`, channelOf(b.code));
      assert.match(cardText(card), /Channel registered/);
    }
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
    await connector?.stop();
  });

  it("when someone who is not a coordinator circulates, or gives a bad date, then it is refused and nothing is posted", async () => {
    const [refused] = await say(service.url, BEN, "circulate proforma by 2026-03-20");
    assert.match(cardText(refused), /Only an LIIA coordinator can circulate/);
    const [past] = await say(service.url, CORA, "circulate proforma by 2026-03-01");
    assert.match(cardText(past), /The deadline must be after today \(2026-03-02\)/);
    const [nonsense] = await say(service.url, CORA, "circulate proforma by {{DATE(2026-03-20)}}");
    assert.match(cardText(nonsense), /is not a date I can read/);
    assert.equal(connector.posts().length, 0);
    const [none] = await say(service.url, ANN, "proforma status");
    assert.match(cardText(none), /No circulation yet/);
  });

  it("when entries were shared before the first round opened, then those from the year before count and older ones do not", async () => {
    const entry = (id: string, status: "published" | "submitted", at: string) => ({
      ...(essentials({ borough: CITY_OF_LONDON, title: `City entry ${id}` }) as any),
      outcomeAreas: ["education"],
      noPersonalData: true,
      id,
      status,
      authorId: CORA.id,
      authorName: CORA.name,
      tenantId: TENANT,
      createdAt: at,
      updatedAt: at,
      version: 1,
      demo: false,
    });
    // Published three weeks before the round; and one from two years before, which no longer answers.
    await service.app.proformas.create(entry("01KHZ0000000000000000000C1", "published", "2026-02-09T10:00:00.000Z"));
    await service.app.proformas.create(entry("01H00000000000000000000000", "submitted", "2024-02-09T10:00:00.000Z"));
  });

  it("when a coordinator circulates, then every registered borough channel gets one invitation, and a repeat posts nothing", async () => {
    const [card] = await say(service.url, CORA, "circulate proforma by 20 March 2026");
    assert.deepEqual(checkCard(card).errors, []);
    const text = cardText(card);
    assert.match(text, /Invitation posted to 7 of 8 boroughs, deadline 20 March 2026/);
    assert.match(text, /No borough channel registered for: City of London/);
    const posts = connector.posts();
    assert.equal(posts.length, 7);
    assert.deepEqual(new Set(posts.map((p) => p.conversationId)), new Set(BOROUGHS.filter((b) => b.code !== CITY_OF_LONDON).map((b) => channelOf(b.code))));
    const hackney = FakeConnector.card(connector.posts(channelOf(HACKNEY))[0]!);
    assert.match(cardText(hackney), /LIIA asks Hackney to share good practice/);
    assert.deepEqual(checkCard(hackney).errors, []);
    assert.ok(checkCard(hackney).verbs.includes("proforma.open"));
    const [again] = await say(service.url, CORA, "circulate proforma by 2026-03-20");
    assert.match(cardText(again), /Already circulated/);
    assert.equal(connector.posts().length, 7);
  });

  it("when Hackney submits and Newham only drafts, then status shows in review, published (shared before the round), draft only and nothing", async () => {
    now = new Date("2026-03-05T10:00:00Z");
    const [form] = await say(service.url, ANN, "proforma");
    await execute(service.url, ANN, "proforma.submit", { ...buttonData(form, "proforma.submit"), ...essentials() });
    const [draft] = await say(service.url, BEN, "proforma");
    await execute(service.url, BEN, "proforma.draft", { ...buttonData(draft, "proforma.draft"), title: "Newham draft", borough: NEWHAM });
    const [status] = await say(service.url, BEN, "proforma status");
    assert.deepEqual(checkCard(status).errors, []);
    const text = cardText(status);
    assert.match(text, /2 of 8 boroughs have submitted: 1 published, 1 in review\. Nobody is overdue\./);
    assert.match(text, /Hackney\nin review/);
    assert.match(text, /Newham\ndraft only/);
    assert.match(text, /Havering\nnothing/);
    assert.match(text, /City of London\npublished · no borough channel registered/);
  });

  it("when the reminder timer runs, then only in the last three days are boroughs without a submission reminded, once each", async () => {
    const clock = sinon.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const timer = startReminderTimer(service.app, HOUR);
    try {
      const before = connector.posts().length;
      now = new Date("2026-03-10T09:00:00Z");
      await clock.tickAsync(HOUR);
      await timer.settled();
      assert.equal(connector.posts().length, before, "no reminder ten days out");

      now = new Date("2026-03-18T09:00:00Z");
      await clock.tickAsync(HOUR);
      await timer.settled();
      const reminders = connector.posts().slice(before);
      assert.equal(reminders.length, 6, "six borough channels: not Hackney, which submitted, nor the City with no channel");
      assert.ok(!reminders.some((p) => p.conversationId === channelOf(HACKNEY)));
      const newham = FakeConnector.card(reminders.find((p) => p.conversationId === channelOf(NEWHAM))!);
      assert.match(cardText(newham), /Newham has a draft proforma that is not submitted yet/);
      assert.deepEqual(checkCard(newham).errors, []);

      now = new Date("2026-03-19T09:00:00Z");
      await clock.tickAsync(HOUR);
      await timer.settled();
      assert.equal(connector.posts().length, before + 6, "each borough is reminded once");
    } finally {
      timer.stop();
      clock.restore();
    }
  });

  it("when a reminder cannot be posted, then the borough is not marked reminded and the next check tries again", async () => {
    // A new round, so the claims of the last test do not apply.
    now = new Date("2026-03-25T10:00:00Z");
    await say(service.url, CORA, "circulate proforma by 2026-04-10");
    const clock = sinon.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const timer = startReminderTimer(service.app, HOUR);
    try {
      connector.answer = (call) => (call.conversationId === channelOf(NEWHAM) ? { status: 503 } : undefined);
      now = new Date("2026-04-09T09:00:00Z");
      const before = connector.posts().length;
      await clock.tickAsync(HOUR);
      await timer.settled();
      assert.ok(
        !connector
          .posts()
          .slice(before)
          .some((p) => p.conversationId === channelOf(NEWHAM)),
      );
      connector.answer = () => undefined;
      await clock.tickAsync(HOUR);
      await timer.settled();
      const newhamReminders = connector.posts(channelOf(NEWHAM)).filter((p) => /Reminder/.test(cardText(FakeConnector.card(p))));
      assert.equal(newhamReminders.length, 2, "one from the first round, one retried in this round");
    } finally {
      connector.answer = () => undefined;
      timer.stop();
      clock.restore();
    }
  });

  it("when the deadline has passed, then status names every borough without a submission as overdue", async () => {
    now = new Date("2026-04-11T08:00:00Z");
    const [status] = await say(service.url, CORA, "proforma status");
    const text = cardText(status);
    // What answered the first round (its deadline day has ended) does not answer this one.
    assert.match(text, /0 of 8 boroughs have submitted\. Overdue: Barking and Dagenham, City of London, Hackney/);
    assert.match(text, /Newham\nnothing · overdue/);
  });
});
