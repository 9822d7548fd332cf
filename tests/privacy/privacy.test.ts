import assert from "node:assert/strict";
import type { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { purgeNominations } from "../../src/privacy/purge-nominations";
import { erasePerson } from "../../src/privacy/forget-person";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute, type TestUser } from "../support/teams-client";
import {
  COORD,
  HACKNEY,
  HACKNEY_STAFF,
  NOMINEE,
  NOMINEE2,
  TENANT,
  assertGoodCard,
  greet,
  putPerson,
  rows,
  snapshot,
  table,
  tell,
} from "../support/leads-support";

describe("people's data in leads and conversations: my data, forget, purge", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let tables: Record<string, TableClient>;
  let now = new Date("2026-11-30T09:00:00Z");
  let meetingId = "";

  async function nominateAndAnswer(nominee: TestUser, decision: "confirm" | "decline"): Promise<string> {
    const [form] = await tell(service, connector, HACKNEY_STAFF, "nominate");
    const nominationId = String(actionData(form, "nomination.submit").nominationId);
    await execute(service.url, HACKNEY_STAFF, "nomination.submit", {
      nominationId,
      nominee: nominee.id,
      jobTitle: "Head of Service",
      reason: "Trusted across the partnership",
    });
    if (decision === "decline") await execute(service.url, nominee, "nomination.decline", { nominationId });
    else {
      await execute(service.url, nominee, "nomination.accept", { nominationId });
      await execute(service.url, COORD, "nomination.confirm", { nominationId });
    }
    return nominationId;
  }

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id, NOMINATION_RETENTION_DAYS: "30" }, now: () => now });
    tables = Object.fromEntries(["people", "nominations", "leads", "rsvps", "conversations", "channels"].map((n) => [n, table(azurite, n)]));
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"]);
    await putPerson(service, NOMINEE, HACKNEY, ["staff"], "Head of Service");
    await putPerson(service, NOMINEE2, HACKNEY, ["staff"]);
    for (const u of [NOMINEE, NOMINEE2, HACKNEY_STAFF, COORD]) await greet(service, connector, u);
    await nominateAndAnswer(NOMINEE, "confirm");
    const [form] = await tell(service, connector, NOMINEE, "convene");
    meetingId = String(actionData(form, "convene.submit").meetingId);
    await execute(service.url, NOMINEE, "convene.submit", {
      meetingId,
      topic: "Stop and search and referrals",
      theme: "outcome:youth-justice",
      date: "2026-12-08",
      time: "13:00",
      format: "hybrid",
    });
    await execute(service.url, NOMINEE, "convene.rsvp", { meetingId, answer: "yes" });
    await execute(service.url, HACKNEY_STAFF, "convene.rsvp", { meetingId, answer: "yes" });
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when a person types my data, then they see their record, nomination, lead term, conversation and answers, and no e-mail", async () => {
    const [card] = await tell(service, connector, NOMINEE, "my data");
    assertGoodCard(card);
    const text = cardText(card);
    assert.ok(text.includes(NOMINEE.id));
    assert.match(text, /Name: Nia Nominee/);
    assert.match(text, /You were nominated as Hackney's borough lead on 2026-11-30: confirmed/);
    assert.match(text, /Hackney borough lead since 2026-11-30, job title Head of Service/);
    assert.match(text, /Stop and search and referrals \(2026-12-08, scheduled\)/);
    assert.match(text, /Stop and search and referrals: yes/);
    assert.match(text, /one-to-one chat/);
    assert.ok(!/@/.test(text));
  });

  it("when someone who is not a coordinator asks to forget a person, then it is refused and nothing changes", async () => {
    // The channel registry is left out: every message refreshes the sender's own chat address.
    const held = () =>
      Promise.all(
        Object.entries(tables)
          .filter(([n]) => n !== "channels")
          .map(([, t]) => snapshot(t)),
      );
    const before = await held();
    const [card] = await tell(service, connector, HACKNEY_STAFF, `forget ${NOMINEE.id}`);
    assert.match(cardText(card), /Only an LIIA coordinator can erase a person/);
    assert.deepEqual(await held(), before);
  });

  it("when a coordinator forgets a person, then nothing names them any more, the counts stay, and Hackney has no lead", async () => {
    const answerRows = async () => (await rows(tables.rsvps!)).filter((r) => !String(r.partitionKey).startsWith("person-")).length;
    const countsBefore = { nominations: (await rows(tables.nominations!)).length, answers: await answerRows() };
    const [card] = await tell(service, connector, COORD, `forget ${NOMINEE.id}`);
    assertGoodCard(card);
    assert.match(cardText(card), /Person erased/);
    for (const [name, client] of Object.entries(tables)) {
      const json = JSON.stringify(await rows(client));
      assert.ok(!json.includes(NOMINEE.id), `${name} holds no object id of the erased person`);
      assert.ok(!json.includes(NOMINEE.name), `${name} holds no name of the erased person`);
    }
    assert.equal((await rows(tables.nominations!)).length, countsBefore.nominations);
    assert.equal(await answerRows(), countsBefore.answers);
    assert.equal((await service.app.meetings.rsvps(meetingId)).filter((r) => r.answer === "yes").length, 2);
    const roster = await service.app.leads.roster(HACKNEY);
    assert.equal(roster.lead, undefined);
    assert.equal(roster.history.length, 1);
    assert.equal(await service.app.channels.personalChat(TENANT, NOMINEE.id), undefined);
    const [again] = await tell(service, connector, NOMINEE, "my data");
    // Talking again reopens the chat and makes the bot keep them as seen (id, name, tenant; no roles).
    assert.equal(cardText(again).match(/Nothing held\./g)?.length, 9, "only the chat just reopened and the seen row are held");
    assert.match(cardText(again), new RegExp(`Name: ${NOMINEE.name}`));
  });

  it("when declined nominations pass the retention period, then the purge deletes them and keeps the rest", async () => {
    const declined = await nominateAndAnswer(NOMINEE2, "decline");
    const countBefore = (await rows(tables.nominations!)).length;
    now = new Date("2026-12-29T09:00:00Z");
    assert.equal(await purgeNominations(service.app), 0, "29 days later it is kept");
    now = new Date("2027-01-01T09:00:00Z");
    assert.equal(await purgeNominations(service.app), 1);
    const left = await rows(tables.nominations!);
    assert.equal(left.length, countBefore - 1);
    assert.ok(!left.some((r) => r.rowKey === declined));
    assert.ok(
      left.some((r) => r.status === "confirmed"),
      "the confirmed nomination stays",
    );
  });

  it("when the coordinator who confirmed a lead is erased, then lead terms and nominations keep the confirmation but not who made it", async () => {
    const confirmed = async () => (await rows(tables.leads!)).filter((r) => r.confirmedById !== undefined).length;
    const before = await confirmed();
    assert.ok(JSON.stringify(await rows(tables.leads!)).includes(COORD.id), "the term named its confirmer before");
    const report = await erasePerson(service.app, COORD.id);
    assert.ok(report.terms >= 1 && report.nominations >= 1);
    for (const name of ["leads", "nominations"])
      assert.ok(!JSON.stringify(await rows(tables[name]!)).includes(COORD.id), `${name} holds no id of the confirmer`);
    assert.equal(await confirmed(), before, "every term stays");
  });
});
