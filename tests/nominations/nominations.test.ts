import assert from "node:assert/strict";
import type { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { leadCoverage } from "../../src/nominations/lead-coverage";
import { isoWeek } from "../../src/domain/iso-week";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute, type TestUser } from "../support/teams-client";
import {
  COORD,
  HACKNEY,
  HACKNEY_DCS,
  HACKNEY_STAFF,
  NEWHAM,
  NEWHAM_DCS,
  NEWHAM_STAFF,
  NOMINEE,
  NOMINEE2,
  STRANGER,
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

describe("borough lead nominations over HTTP against Azurite", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let nominations: TableClient;
  let leads: TableClient;

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id } });
    nominations = table(azurite, "nominations");
    leads = table(azurite, "leads");
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"], "Social worker");
    await putPerson(service, HACKNEY_DCS, HACKNEY, ["dcs"], "Director of Children's Services");
    await putPerson(service, NOMINEE, HACKNEY, ["staff"], "Head of Service");
    await putPerson(service, NEWHAM_STAFF, NEWHAM, ["staff"]);
    await putPerson(service, NEWHAM_DCS, NEWHAM, ["dcs"]);
    for (const u of [NOMINEE, NOMINEE2, HACKNEY_STAFF, HACKNEY_DCS, COORD]) await greet(service, connector, u);
    await registerChannel(service, connector, "19:hackney-dcs@thread.tacv2", "dcs", HACKNEY);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  async function openForm(u: TestUser): Promise<{ card: any; nominationId: string }> {
    const [card] = await tell(service, connector, u, "nominate");
    return { card, nominationId: String(actionData(card, "nomination.submit").nominationId) };
  }

  async function nominate(u: TestUser, fields: Record<string, unknown>): Promise<any> {
    const { nominationId } = await openForm(u);
    const answer = await execute(service.url, u, "nomination.submit", {
      nominationId,
      kind: "lead",
      jobTitle: "Head of Service",
      reason: "Leads our anti-racist practice work",
      ...fields,
    });
    assert.equal(answer.status, 200);
    assertGoodCard(answer.body.value);
    return { card: answer.body.value, nominationId };
  }

  async function stored(id: string): Promise<Record<string, any>> {
    return (await rows(nominations)).find((r) => r.rowKey === id)!;
  }

  /** The last card posted to a conversation by the bot, and the button data for a verb on it. */
  function lastPost(conversationId: string): any {
    const posts = connector.posts(conversationId);
    assert.ok(posts.length > 0, `a card was posted to ${conversationId}`);
    return FakeConnector.card(posts.at(-1)!);
  }

  it("when borough staff type nominate, then the card has a people picker with an object-id fallback and no borough choice", async () => {
    const { card } = await openForm(HACKNEY_STAFF);
    assertGoodCard(card);
    const picker = JSON.stringify(card);
    assert.ok(picker.includes('"dataset":"graph.microsoft.com/users"'));
    assert.ok(picker.includes('"id":"nomineeId"'));
    assert.ok(!picker.includes('"id":"borough"'), "staff do not choose the borough");
    assert.match(cardText(card), /Borough: Hackney \(from your record\)/);
  });

  it("when a Hackney user forges a Newham nomination, then a clear card refuses it and nothing is stored", async () => {
    const before = await snapshot(nominations);
    const { card } = await nominate(HACKNEY_STAFF, { borough: NEWHAM, nominee: NOMINEE.id });
    assert.match(cardText(card), /Not allowed/);
    assert.match(cardText(card), /only nominate for Hackney/);
    assert.equal(await snapshot(nominations), before);
  });

  it("when the nominee is unknown to the service, then the nomination is refused clearly and nothing is stored", async () => {
    const before = await snapshot(nominations);
    const { card } = await nominate(HACKNEY_STAFF, { nominee: "other", nomineeId: STRANGER.id });
    assert.match(cardText(card), /does not know the person you nominated/);
    assert.equal(await snapshot(nominations), before);
    assert.equal((await rows(nominations)).length, 0);
  });

  it("when the nominee field is not an object id, then the form comes back with the problem named", async () => {
    const { card } = await nominate(HACKNEY_STAFF, { nominee: "other", nomineeId: "nia@hackney.gov.uk" });
    assert.match(cardText(card), /Nominee: choose a person/);
    assert.equal((await rows(nominations)).length, 0);
  });

  let first = "";
  it("when Hackney staff nominate a known person, then it is stored without e-mail or phone and the nominee gets accept and decline one-to-one", async () => {
    const postsBefore = connector.posts(PERSONAL(NOMINEE)).length;
    const { card, nominationId } = await nominate(HACKNEY_STAFF, { nominee: NOMINEE.id, email: "nia@hackney.gov.uk", phone: "07700 900123", borough: HACKNEY });
    first = nominationId;
    assert.match(cardText(card), /Nomination sent/);
    const row = await stored(nominationId);
    assert.equal(row.partitionKey, HACKNEY);
    assert.equal(row.status, "open");
    assert.equal(row.nomineeId, NOMINEE.id);
    assert.equal(row.nomineeName, NOMINEE.name);
    for (const key of Object.keys(row)) assert.ok(!/mail|phone/i.test(key), `no ${key} stored`);
    assert.ok(!JSON.stringify(row).includes("07700"));
    assert.equal(connector.posts(PERSONAL(NOMINEE)).length, postsBefore + 1);
    const invite = lastPost(PERSONAL(NOMINEE));
    assertGoodCard(invite);
    assert.equal(actionData(invite, "nomination.accept").nominationId, nominationId);
    assert.equal(actionData(invite, "nomination.decline").nominationId, nominationId);
    const feed = await service.app.feed.week(isoWeek(new Date()));
    assert.ok(feed.some((e) => e.kind === "nomination.opened" && e.subjectId === nominationId && e.borough === HACKNEY));
  });

  it("when the same nominating card is sent twice, then one nomination is stored", async () => {
    const answer = await execute(service.url, HACKNEY_STAFF, "nomination.submit", { nominationId: first, nominee: NOMINEE.id, jobTitle: "Head of Service" });
    assert.match(cardText(answer.body.value), /Already/);
    assert.equal((await rows(nominations)).length, 1);
  });

  it("when someone other than the nominee presses accept, then it is refused and the row's ETag is unchanged", async () => {
    const before = await snapshot(nominations);
    const answer = await execute(service.url, NEWHAM_STAFF, "nomination.accept", { nominationId: first });
    assert.match(cardText(answer.body.value), /Only the person nominated/);
    assert.equal(await snapshot(nominations), before);
  });

  it("when the nominee accepts, then the nomination waits for confirmation and Hackney's DCS channel gets a confirm card", async () => {
    const answer = await execute(service.url, NOMINEE, "nomination.accept", { nominationId: first });
    assertGoodCard(answer.body.value);
    assert.match(cardText(answer.body.value), /Thank you for accepting/);
    assert.equal((await stored(first)).status, "accepted");
    const confirm = lastPost("19:hackney-dcs@thread.tacv2");
    assertGoodCard(confirm);
    assert.equal(actionData(confirm, "nomination.confirm").nominationId, first);
  });

  it("when Newham's DCS or Hackney staff try to confirm Hackney's lead, then each is refused and nothing changes", async () => {
    const before = await snapshot(nominations);
    const leadsBefore = await snapshot(leads);
    for (const u of [NEWHAM_DCS, HACKNEY_STAFF]) {
      const answer = await execute(service.url, u, "nomination.confirm", { nominationId: first, borough: NEWHAM });
      assert.match(cardText(answer.body.value), /Only Hackney's DCS or an LIIA coordinator/);
    }
    assert.equal(await snapshot(nominations), before);
    assert.equal(await snapshot(leads), leadsBefore);
  });

  it("when Hackney's DCS confirms, then the nominee is Hackney's lead with the lead role, and the directory shows them", async () => {
    const answer = await execute(service.url, HACKNEY_DCS, "nomination.confirm", { nominationId: first });
    assert.match(cardText(answer.body.value), /Nia Nominee is now Hackney's borough lead/);
    assert.equal((await stored(first)).status, "confirmed");
    const roster = await service.app.leads.roster(HACKNEY);
    assert.equal(roster.lead?.objectId, NOMINEE.id);
    assert.ok((await service.app.people.get(TENANT, NOMINEE.id))?.roles.includes("lead"));
    assert.match(cardText(lastPost(PERSONAL(NOMINEE))), /You are confirmed/);
    const [directory] = await tell(service, connector, NEWHAM_STAFF, "leads");
    assertGoodCard(directory);
    const text = cardText(directory);
    assert.match(text, /Hackney\nNia Nominee\n · \nHead of Service\n · since \d+ \w+ \d{4}/);
    assert.equal(text.match(/No lead yet/g)?.length, 7);
    assert.match(text, /1 of 8 boroughs have a confirmed lead/);
  });

  it("when a nominee declines, then the nomination is closed as declined and the feed records it", async () => {
    const { nominationId } = await nominate(HACKNEY_STAFF, { nominee: NOMINEE2.id, nomineeName: "Omar Other" });
    const answer = await execute(service.url, NOMINEE2, "nomination.decline", { nominationId });
    assert.match(cardText(answer.body.value), /Nomination declined/);
    const row = await stored(nominationId);
    assert.equal(row.status, "declined");
    assert.ok(row.decidedAt);
    const feed = await service.app.feed.week(isoWeek(new Date()));
    assert.ok(feed.some((e) => e.kind === "nomination.declined" && e.subjectId === nominationId));
    const again = await execute(service.url, NOMINEE2, "nomination.accept", { nominationId });
    assert.match(cardText(again.body.value), /already declined/);
  });

  it("when a coordinator nominates and confirms a new Hackney lead, then the old lead is replaced, kept in history, and loses the lead role", async () => {
    const [form] = await tell(service, connector, COORD, "nominate");
    assert.ok(JSON.stringify(form).includes('"id":"borough"'), "coordinators choose the borough");
    const { nominationId } = await nominate(COORD, { borough: HACKNEY, nominee: NOMINEE2.id, nomineeName: "Omar Other", jobTitle: "Service Manager" });
    await execute(service.url, NOMINEE2, "nomination.accept", { nominationId });
    const answer = await execute(service.url, COORD, "nomination.confirm", { nominationId });
    assert.match(cardText(answer.body.value), /This replaces Nia Nominee/);
    const roster = await service.app.leads.roster(HACKNEY);
    assert.equal(roster.lead?.objectId, NOMINEE2.id);
    assert.equal(roster.history.length, 1);
    assert.equal(roster.history[0]!.objectId, NOMINEE.id);
    assert.ok(roster.history[0]!.until);
    assert.ok(!(await service.app.people.get(TENANT, NOMINEE.id))?.roles.includes("lead"));
    const feed = await service.app.feed.week(isoWeek(new Date()));
    assert.equal(feed.filter((e) => e.kind === "lead.confirmed").length, 2);
  });

  it("when a deputy is confirmed, then the lead stays and the directory lists the deputy", async () => {
    const { nominationId } = await nominate(HACKNEY_STAFF, { nominee: NOMINEE.id, kind: "deputy" });
    await execute(service.url, NOMINEE, "nomination.accept", { nominationId });
    const [list] = await tell(service, connector, HACKNEY_DCS, "nominations");
    assertGoodCard(list);
    assert.equal(actionData(list, "nomination.confirm").nominationId, nominationId);
    await execute(service.url, HACKNEY_DCS, "nomination.confirm", { nominationId });
    const roster = await service.app.leads.roster(HACKNEY);
    assert.equal(roster.lead?.objectId, NOMINEE2.id);
    assert.deepEqual(
      roster.deputies.map((d) => d.objectId),
      [NOMINEE.id],
    );
    const [directory] = await tell(service, connector, HACKNEY_STAFF, "leads");
    assert.match(cardText(directory), /Deputies: \nNia Nominee/);
  });

  it("when the digest asks for lead coverage, then Hackney has a lead, seven boroughs have none, and waiting nominations are counted", async () => {
    const { nominationId } = await nominate(COORD, { borough: NEWHAM, nominee: NEWHAM_STAFF.id });
    const coverage = await leadCoverage(service.app);
    assert.deepEqual(
      coverage.withLead.map((l) => l.borough),
      [HACKNEY],
    );
    assert.equal(coverage.withoutLead.length, 7);
    assert.ok(!coverage.withoutLead.includes(HACKNEY));
    assert.deepEqual(coverage.openNominations, [{ borough: NEWHAM, open: 1, accepted: 0 }]);
    assert.equal(coverage.totalOpenNominations, 1);
    const answer = await execute(service.url, COORD, "nomination.withdraw", { nominationId });
    assert.match(cardText(answer.body.value), /withdrawn/);
    assert.equal((await leadCoverage(service.app)).totalOpenNominations, 0);
  });
});
