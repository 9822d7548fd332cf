import assert from "node:assert/strict";
import sinon from "sinon";
import type { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { conversationsInWeek } from "../../src/meetings/meeting-queries";
import { overdueActions } from "../../src/meetings/action-checks";
import { runHousekeeping, startHousekeeping } from "../../src/scheduler/housekeeping";
import { isoWeek } from "../../src/domain/iso-week";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute, type TestUser } from "../support/teams-client";
import {
  COORD,
  HACKNEY,
  HACKNEY_STAFF,
  NEWHAM,
  NEWHAM_LEAD,
  NOMINEE as HACKNEY_LEAD,
  TENANT,
  assertGoodCard,
  greet,
  putPerson,
  registerChannel,
  rows,
  snapshot,
  table,
  tell,
} from "../support/leads-support";

const PERSONAL = (u: TestUser) => `a:personal-${u.id}`;
const LEADS_CHANNEL = "19:leads@thread.tacv2";

describe("cross-borough conversations over HTTP against Azurite", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let meetings: TableClient;
  let answers: TableClient;
  let now = new Date("2026-11-30T09:00:00Z");

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id }, now: () => now });
    meetings = table(azurite, "conversations");
    answers = table(azurite, "rsvps");
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"]);
    for (const [u, borough] of [
      [HACKNEY_LEAD, HACKNEY],
      [NEWHAM_LEAD, NEWHAM],
    ] as const) {
      await putPerson(service, u, borough, ["staff", "lead"], "Head of Service");
      await service.app.leads.confirm({
        borough,
        id: `01K${u.id.slice(-1)}00000000000000000000000`.slice(0, 26).toUpperCase(),
        kind: "lead",
        objectId: u.id,
        tenantId: TENANT,
        name: u.name,
        jobTitle: "Head of Service",
        since: now.toISOString(),
        until: "",
        confirmedById: COORD.id,
      });
      await greet(service, connector, u);
    }
    await greet(service, connector, HACKNEY_STAFF);
    await registerChannel(service, connector, LEADS_CHANNEL, "leads");
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  async function convene(u: TestUser, fields: Record<string, unknown>): Promise<{ card: any; meetingId: string }> {
    const [form] = await tell(service, connector, u, "convene");
    const meetingId = String(actionData(form, "convene.submit").meetingId);
    const answer = await execute(service.url, u, "convene.submit", {
      meetingId,
      topic: "Adultification of Black children",
      theme: "priority:adolescent-safeguarding",
      date: "2026-12-10",
      time: "10:00",
      format: "online",
      place: "Teams meeting",
      ...fields,
    });
    assert.equal(answer.status, 200);
    assertGoodCard(answer.body.value);
    return { card: answer.body.value, meetingId };
  }

  it("when borough staff without the lead role type convene, then they are refused", async () => {
    const [card] = await tell(service, connector, HACKNEY_STAFF, "convene");
    assert.match(cardText(card), /Only a confirmed borough lead or an LIIA coordinator/);
  });

  it("when a lead types convene, then the card offers outcome areas and pan-London priorities, a London date and time", async () => {
    const [form] = await tell(service, connector, HACKNEY_LEAD, "convene");
    assertGoodCard(form);
    const json = JSON.stringify(form);
    for (const needle of [
      "Outcome area: Education",
      "Pan-London priority: Adolescent safeguarding",
      '"type":"Input.Date"',
      '"type":"Input.Time"',
      '"min":"2026-11-30"',
    ])
      assert.ok(json.includes(needle), needle);
  });

  it("when the date is in the past, then the form comes back saying so and nothing is stored or posted", async () => {
    const before = await snapshot(meetings);
    const posts = connector.posts().length;
    const { card } = await convene(HACKNEY_LEAD, { date: "2026-11-29", time: "10:00" });
    assert.match(cardText(card), /Sunday 29 November 2026 at 10:00 is in the past/);
    assert.equal(await snapshot(meetings), before);
    assert.equal(connector.posts().length, posts);
  });

  let meetingId = "";
  it("when a lead convenes, then it is stored in UTC, posted to the leads' channel and each lead one-to-one, with the reader's local time", async () => {
    const { card, meetingId: id } = await convene(HACKNEY_LEAD, {
      topic: "Adultification {{DATE(2030-01-01T00:00:00Z)}} [click](https://phish.example)",
      date: "2026-12-10",
      time: "10:00",
    });
    meetingId = id;
    assert.match(cardText(card), /posted to 3 conversations/);
    const stored = await service.app.meetings.get(meetingId);
    assert.equal(stored?.startsAt, "2026-12-10T10:00:00Z");
    for (const conversation of [LEADS_CHANNEL, PERSONAL(HACKNEY_LEAD), PERSONAL(NEWHAM_LEAD)]) {
      const copy = FakeConnector.card(connector.posts(conversation).at(-1)!);
      assertGoodCard(copy);
      assert.equal(actionData(copy, "convene.rsvp").meetingId, meetingId);
    }
    const json = JSON.stringify(card);
    // The date once, in one format: London time (Teams showed a second copy from its date functions).
    assert.ok(!json.includes("{{DATE(2026") && !json.includes("{{TIME("), "no second copy of the date");
    assert.equal(cardText(card).match(/Thursday 10 December 2026 at 10:00 London time/g)?.length, 1);
    assert.equal(cardText(card).match(/10 December|2026-12-10/g)?.length, 1);
    assert.ok(!json.includes("{{DATE(2030"), "date functions in typed text are broken");
    assert.ok(!json.includes("https://phish"), "links in typed text are broken");
    const feed = await service.app.feed.week(isoWeek(now));
    assert.ok(feed.some((e) => e.kind === "conversation.convened" && e.subjectId === meetingId));
    assert.deepEqual(
      (await conversationsInWeek(service.app, "2026-W50")).map((m) => m.id),
      [meetingId],
    );
    assert.deepEqual(await conversationsInWeek(service.app, "2026-W49"), []);
    const [directory] = await tell(service, connector, HACKNEY_STAFF, "leads");
    assert.match(cardText(directory), /Adultification/);
  });

  it("when several people answer, then the answer card and every posted copy show live counts and who is coming per borough", async () => {
    await execute(service.url, NEWHAM_LEAD, "convene.rsvp", { meetingId, answer: "yes" });
    await execute(service.url, HACKNEY_LEAD, "convene.rsvp", { meetingId, answer: "maybe" });
    await execute(service.url, HACKNEY_STAFF, "convene.rsvp", { meetingId, answer: "yes" });
    const last = await execute(service.url, NEWHAM_LEAD, "convene.rsvp", { meetingId, answer: "no" });
    const card = last.body.value;
    assertGoodCard(card);
    const text = cardText(card);
    assert.match(text, /Coming: 1 · Maybe: 1 · Not coming: 1/);
    assert.match(text, /Hackney: \nHarry Hackney, Nia Nominee \(maybe\)/);
    assert.ok(!text.includes("Newham: "), "Newham's lead said no in the end");
    assert.equal((await service.app.meetings.rsvps(meetingId)).length, 3);
    for (const copy of await service.app.meetings.posted(meetingId)) {
      const update = connector
        .updates(copy.ref.conversationId)
        .filter((u) => u.activityId === copy.activityId)
        .at(-1);
      assert.ok(update, `copy in ${copy.ref.conversationId} updated`);
      assert.match(cardText(FakeConnector.card(update!)), /Coming: 1 · Maybe: 1 · Not coming: 1/);
    }
  });

  it("when outcomes are asked for before the date, then it is refused", async () => {
    const answer = await execute(service.url, HACKNEY_LEAD, "convene.outcomes", { meetingId });
    assert.match(cardText(answer.body.value), /once the conversation has taken place/);
  });

  it("when a conversation is cancelled, then every copy says so, the feed records it, and a later answer is refused with nothing stored", async () => {
    const { meetingId: second } = await convene(HACKNEY_LEAD, { topic: "Workforce progression", date: "2026-12-16", time: "14:30" });
    const refused = await execute(service.url, NEWHAM_LEAD, "convene.cancel", { meetingId: second });
    assert.match(cardText(refused.body.value), /Only the lead who convened/);
    const answer = await execute(service.url, HACKNEY_LEAD, "convene.cancel", { meetingId: second });
    assert.match(cardText(answer.body.value), /Cancelled/);
    for (const copy of await service.app.meetings.posted(second)) {
      const update = connector
        .updates(copy.ref.conversationId)
        .filter((u) => u.activityId === copy.activityId)
        .at(-1)!;
      assert.match(cardText(FakeConnector.card(update)), /Cancelled/);
    }
    const feed = await service.app.feed.week(isoWeek(now));
    assert.ok(feed.some((e) => e.kind === "conversation.cancelled" && e.subjectId === second));
    const before = await snapshot(answers);
    const late = await execute(service.url, NEWHAM_LEAD, "convene.rsvp", { meetingId: second, answer: "yes" });
    assertGoodCard(late.body.value);
    assert.match(cardText(late.body.value), /was cancelled, so your answer was not recorded/);
    assert.equal(await snapshot(answers), before);
    assert.deepEqual(
      (await conversationsInWeek(service.app, "2026-W51")).map((m) => m.id),
      [],
    );
  });

  it("when the start has passed, then housekeeping turns every posted copy into the held card once, and a late RSVP answers on that card", async () => {
    now = new Date("2026-12-10T12:00:00Z");
    const copies = await service.app.meetings.posted(meetingId);
    assert.ok(copies.length > 0);
    const updatesOf = (c: (typeof copies)[number]) => connector.updates(c.ref.conversationId).filter((u) => u.activityId === c.activityId);
    const before = copies.map((c) => updatesOf(c).length);
    await runHousekeeping(service.app);
    copies.forEach((c, i) => {
      const updates = updatesOf(c);
      assert.equal(updates.length, before[i]! + 1, "each copy updated in place");
      const card = FakeConnector.card(updates.at(-1)!);
      assertGoodCard(card);
      assert.match(cardText(card), /Cross-borough conversation \(held\)/);
      assert.ok(actionData(card, "convene.outcomes"), "the held card offers Record outcomes");
      assert.throws(() => actionData(card, "convene.rsvp"), /no convene.rsvp button/);
    });
    await runHousekeeping(service.app);
    assert.deepEqual(
      copies.map((c) => updatesOf(c).length),
      before.map((n) => n + 1),
      "turned once",
    );
    const late = await execute(service.url, NEWHAM_LEAD, "convene.rsvp", { meetingId, answer: "no" });
    assertGoodCard(late.body.value);
    assert.match(cardText(late.body.value), /already started, so answers are closed and yours was not recorded/);
    assert.ok(actionData(late.body.value, "convene.outcomes"), "the late answer keeps the buttons that still apply");
  });

  it("after the date, when the convener records outcomes and actions, then they are stored, shown, and flagged as a peer review", async () => {
    now = new Date("2026-12-10T12:00:00Z");
    const refused = await execute(service.url, NEWHAM_LEAD, "convene.outcomes", { meetingId });
    assert.match(cardText(refused.body.value), /Only the lead who convened/);
    const opened = await execute(service.url, HACKNEY_LEAD, "convene.outcomes", { meetingId });
    assertGoodCard(opened.body.value);
    const pastDue = await execute(service.url, HACKNEY_LEAD, "convene.record", {
      meetingId,
      outcomes: "Agreed a shared audit",
      action1: "Audit",
      owner1: HACKNEY,
      due1: "2026-12-01",
    });
    assert.match(cardText(pastDue.body.value), /Action 1: the due date 2026-12-01 is in the past/);
    assert.equal((await service.app.meetings.actionsOf(meetingId)).length, 0);
    const answer = await execute(service.url, HACKNEY_LEAD, "convene.record", {
      meetingId,
      outcomes: "Agreed a shared audit of strategy meetings",
      peerReview: "true",
      action1: "Audit strategy meetings",
      owner1: HACKNEY,
      due1: "2026-12-14",
      action2: "Share the adolescent safeguarding data",
      owner2: NEWHAM,
      due2: "2026-12-20",
    });
    const card = answer.body.value;
    assertGoodCard(card);
    const text = cardText(card);
    assert.match(text, /Flagged as the start of a peer review/);
    assert.match(text, /Agreed a shared audit of strategy meetings/);
    assert.match(text, /Audit strategy meetings\n · Hackney · due 2026-12-14 · open/);
    assert.equal(actionData(card, "action.done").meetingId, meetingId, "each open action has a Mark done button");
    const actions = await service.app.meetings.actionsOf(meetingId);
    assert.deepEqual(
      actions.map((a) => [a.ownerBorough, a.due]),
      [
        [HACKNEY, "2026-12-14"],
        [NEWHAM, "2026-12-20"],
      ],
    );
    assert.equal((await service.app.meetings.get(meetingId))?.peerReview, true);
  });

  it("when the timer runs (time faked), then owners are reminded once before actions fall due and overdue actions are marked once", async () => {
    const clock = sinon.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const housekeeping = startHousekeeping(service.app, 60_000);
    const hackneyCards = () => connector.posts(PERSONAL(HACKNEY_LEAD)).map((c) => cardText(FakeConnector.card(c)));
    const newhamCards = () => connector.posts(PERSONAL(NEWHAM_LEAD)).map((c) => cardText(FakeConnector.card(c)));
    const tick = async () => {
      await clock.tickAsync(60_000);
      await housekeeping.settled();
    };
    try {
      const [hackney0, newham0] = [hackneyCards().length, newhamCards().length];
      now = new Date("2026-12-12T09:00:00Z");
      await tick();
      assert.equal(hackneyCards().length, hackney0 + 1);
      assert.match(hackneyCards().at(-1)!, /An action falls due soon\nAudit strategy meetings/);
      const reminder = FakeConnector.card(connector.posts(PERSONAL(HACKNEY_LEAD)).at(-1)!);
      assertGoodCard(reminder);
      assert.ok(actionData(reminder, "action.done").actionId);
      assert.equal(newhamCards().length, newham0, "Newham's action is not due within three days");
      await tick();
      assert.equal(hackneyCards().length, hackney0 + 1, "reminded once");

      now = new Date("2026-12-15T09:00:00Z");
      await tick();
      assert.match(hackneyCards().at(-1)!, /An action is overdue/);
      const overdue = await overdueActions(service.app, now);
      assert.deepEqual(
        overdue.map((a) => a.ownerBorough),
        [HACKNEY],
      );
      const feed = await service.app.feed.week(isoWeek(now));
      assert.equal(feed.filter((e) => e.kind === "action.overdue").length, 1);
      await tick();
      assert.equal((await service.app.feed.week(isoWeek(now))).filter((e) => e.kind === "action.overdue").length, 1, "marked once");

      now = new Date("2026-12-17T09:00:00Z");
      await tick();
      assert.match(newhamCards().at(-1)!, /An action falls due soon\nShare the adolescent safeguarding data/);
    } finally {
      housekeeping.stop();
      clock.restore();
    }
  });

  it("when the owner borough's lead marks the overdue action done, then it is no longer overdue; another borough may not", async () => {
    const [action] = await overdueActions(service.app, now);
    const refused = await execute(service.url, NEWHAM_LEAD, "action.done", { actionId: action!.id });
    assert.match(cardText(refused.body.value), /Only Hackney's lead or an LIIA coordinator/);
    const done = await execute(service.url, HACKNEY_LEAD, "action.done", { actionId: action!.id });
    assert.match(cardText(done.body.value), /Action done/);
    assert.deepEqual(await overdueActions(service.app, now), []);
    assert.equal((await rows(meetings)).filter((r) => r.partitionKey === "action" && r.status === "done").length, 1);
  });

  it("when the owner presses Mark done on the invitation, then the invitation comes back with the action done, updated in every copy", async () => {
    const open = (await service.app.meetings.actionsOf(meetingId)).find((a) => a.status === "open")!;
    const answer = await execute(service.url, NEWHAM_LEAD, "action.done", { actionId: open.id, meetingId });
    const card = answer.body.value;
    assertGoodCard(card);
    assert.match(cardText(card), /Thank you: the action is marked done/);
    assert.match(cardText(card), /Share the adolescent safeguarding data\n · Newham · due 2026-12-20 · done/);
    assert.throws(() => actionData(card, "action.done"), /no action.done button/, "no action is left open");
    for (const c of await service.app.meetings.posted(meetingId)) {
      const last = connector
        .updates(c.ref.conversationId)
        .filter((u) => u.activityId === c.activityId)
        .at(-1)!;
      assert.match(cardText(FakeConnector.card(last)), /Newham · due 2026-12-20 · done/);
    }
  });
});
