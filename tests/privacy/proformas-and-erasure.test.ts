import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import type { Proforma } from "../../src/proforma/proforma";
import { TABLES } from "../../src/storage/table-names";
import { FORMER_STAFF } from "../../src/privacy/forget-person";
import { conveneFormCard } from "../../src/meetings/meeting-cards";
import { FakeConnector } from "../support/fake-connector";
import { checkCard } from "../support/card-check";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute, type TestUser } from "../support/teams-client";
import { buttonData, essentials } from "../proforma/support";
import {
  COORD,
  HACKNEY,
  HACKNEY_STAFF,
  NEWHAM,
  NOMINEE2,
  TENANT,
  assertGoodCard,
  greet,
  putPerson,
  registerChannel,
  rows,
  table,
  tell,
} from "../support/leads-support";

const LEADS_CHANNEL = "19:leads-erasure@thread.tacv2";
/** The author who will be erased: Hackney staff who wrote proformas. */
const AUTHOR: TestUser = NOMINEE2;
const HOSTILE = "${evil} {{DATE(2030-01-01T00:00:00Z)}} https://phish.example <at>Everyone</at> ";

/** A published entry stored directly (setup only): published `minutes` after 1 November 2026. */
function published(n: number, borough: string, title: string): Proforma {
  const at = new Date(Date.UTC(2026, 10, 1, 9, n)).toISOString();
  return {
    ...(essentials({ borough, title, contactName: "Sam Contact" }) as object),
    outcomeAreas: ["social-care"],
    noPersonalData: true,
    consentScope: "liia",
    id: `01KSEED${String(n).padStart(19, "0")}`,
    status: "published",
    authorId: "00000000-0000-4000-8000-0000000000aa",
    authorName: "Ada Author",
    tenantId: TENANT,
    createdAt: at,
    updatedAt: at,
    version: 1,
    demo: false,
    reviewComment: "",
    publishedAt: at,
  } as unknown as Proforma;
}

describe("convening with library proformas; my data and forget across proformas and the audit trail", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let now = new Date("2026-11-30T09:00:00Z");
  let submittedId = "";
  let draftId = "";

  async function press(u: TestUser, verb: string, data: Record<string, unknown>): Promise<any> {
    const answer = await execute(service.url, u, verb, data);
    assert.equal(answer.status, 200);
    assertGoodCard(answer.body.value);
    return answer.body.value;
  }

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id }, now: () => now });
    await putPerson(service, AUTHOR, HACKNEY, ["staff"], "Practice Lead");
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"]);
    for (const u of [AUTHOR, COORD, HACKNEY_STAFF]) await greet(service, connector, u);
    await registerChannel(service, connector, LEADS_CHANNEL, "leads");
    // 55 published entries across two boroughs, one with a hostile title of 120 three-byte characters.
    for (let n = 1; n <= 55; n++) {
      const title = n === 55 ? (HOSTILE + "€".repeat(120)).slice(0, 120) : `Seeded practice ${String(n).padStart(2, "0")}`;
      await service.app.proformas.create(published(n, n % 2 ? HACKNEY : NEWHAM, title));
    }
    // The author writes a draft and a submitted entry naming themselves as contact; a coordinator publishes it.
    const [draftForm] = await tell(service, connector, AUTHOR, "proforma");
    await press(AUTHOR, "proforma.draft", { ...buttonData(draftForm, "proforma.draft"), title: "Half-written idea", borough: HACKNEY });
    draftId = String(buttonData(draftForm, "proforma.draft").submissionId);
    // With a draft kept, proforma offers to resume it or to start a new one.
    const [offer] = await tell(service, connector, AUTHOR, "proforma");
    const form = await press(AUTHOR, "proforma.new", buttonData(offer, "proforma.new"));
    await press(AUTHOR, "proforma.submit", {
      ...buttonData(form, "proforma.submit"),
      ...essentials({ title: "Mentoring for Black social workers", contactName: AUTHOR.name }),
    });
    submittedId = String(buttonData(form, "proforma.submit").submissionId);
    now = new Date("2026-11-30T10:00:00Z");
    const view = await press(COORD, "proforma.view", { submissionId: submittedId, entryBorough: HACKNEY });
    await press(COORD, "proforma.publish", buttonData(view, "proforma.publish"));
    // Audit lines: a role change about the author (by a coordinator), and a refusal by the author.
    await tell(service, connector, COORD, `role ${AUTHOR.id} staff Hackney`);
    const [refused] = await tell(service, connector, AUTHOR, "audit");
    assert.match(cardText(refused), /Only an LIIA coordinator can read the audit trail/);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  function offered(form: any): { title: string; value: string }[] {
    let set: any;
    const visit = (n: any) => {
      if (set || !n || typeof n !== "object") return;
      if (n.type === "Input.ChoiceSet" && n.id === "proformas") set = n;
      Object.values(n).forEach(visit);
    };
    visit(form);
    return set?.choices ?? [];
  }

  it("when a coordinator types convene, then the card offers the 50 newest published proformas with their borough, inert, and never a draft", async () => {
    const [form] = await tell(service, connector, COORD, "convene");
    assertGoodCard(form);
    const check = checkCard(form);
    assert.ok(check.bytes < 28 * 1024, `convene card weighs ${check.bytes} bytes`);
    console.log(`      convene card with 50 proformas offered: ${(check.bytes / 1024).toFixed(1)} KB`);
    const choices = offered(form);
    assert.equal(choices.length, 50);
    assert.equal(choices[0]!.value, submittedId, "the newest published first");
    assert.equal(choices[0]!.title, "Mentoring for Black social workers (Hackney)");
    assert.ok(choices.some((c) => c.title === "Seeded practice 54 (Newham)"));
    assert.ok(!choices.some((c) => /Seeded practice 0[1-6] /.test(c.title)), "the six oldest are left out");
    assert.ok(!choices.some((c) => c.value === draftId), "drafts are never offered");
    const hostile = choices.find((c) => c.title.includes("evil"))!;
    assert.ok(hostile, "the hostile title is offered");
    for (const live of ["${evil}", "{{DATE(", "https://phish", "<at>"]) assert.ok(!hostile.title.includes(live), `"${live}" is broken in the choice`);
  });

  it("when a proforma that was not offered is picked, then the form comes back and nothing is stored or posted", async () => {
    const [form] = await tell(service, connector, COORD, "convene");
    const meetingId = String(actionData(form, "convene.submit").meetingId);
    const posts = connector.posts().length;
    const card = await press(COORD, "convene.submit", {
      meetingId,
      topic: "Mentoring",
      theme: "outcome:workforce",
      date: "2026-12-09",
      time: "10:00",
      format: "online",
      proformas: `${draftId},${submittedId}`,
    });
    assert.match(cardText(card), /Proformas: choose from the list/);
    assert.equal(await service.app.meetings.get(meetingId), undefined);
    assert.equal(connector.posts().length, posts);
  });

  it("when a coordinator convenes with two published proformas, then the invitation posted to the leads' channel names each with its borough", async () => {
    const [form] = await tell(service, connector, COORD, "convene");
    const choices = offered(form);
    const newham = choices.find((c) => c.title.startsWith("Seeded practice 54"))!;
    const meetingId = String(actionData(form, "convene.submit").meetingId);
    const card = await press(COORD, "convene.submit", {
      meetingId,
      topic: "Mentoring and progression",
      theme: "outcome:workforce",
      date: "2026-12-09",
      time: "10:00",
      format: "online",
      proformas: `${submittedId},${newham.value}`,
    });
    assert.match(cardText(card), /posted to 1 conversation/);
    const copy = FakeConnector.card(connector.posts(LEADS_CHANNEL).at(-1)!);
    assertGoodCard(copy);
    assert.match(cardText(copy), /To discuss: \nMentoring for Black social workers \(Hackney\); Seeded practice 54 \(Newham\)/);
    const stored = await service.app.meetings.get(meetingId);
    assert.deepEqual(
      stored?.proformas.map((p) => [p.id, p.borough]),
      [
        [submittedId, HACKNEY],
        [newham.value, NEWHAM],
      ],
    );
  });

  it("when the author types my data, then they see their proformas and drafts, the versions they saved, and audit lines about them", async () => {
    const [card] = await tell(service, connector, AUTHOR, "my data");
    assertGoodCard(card);
    const text = cardText(card);
    assert.match(text, /Half-written idea \(Hackney, draft, last saved 2026-11-30\)/);
    assert.match(text, /Mentoring for Black social workers \(Hackney, published/);
    assert.match(text, /Mentoring for Black social workers: version 1, submitted on 2026-11-30/);
    assert.match(text, /Half-written idea: draft save on 2026-11-30/);
    assert.ok(!/version 2, published/.test(text), "the coordinator's publish is not the author's version");
    assert.match(text, /refused by you: Only an LIIA coordinator can read the audit trail/);
    assert.match(text, /role\.set about you/);
  });

  it("when a coordinator forgets the author, then no row in any table holds their id or name, entries and versions stay, and the erasure is audited", async () => {
    // Records, versions and feed rows stay; author index lines go with the author.
    const count = async (name: string) => (await rows(table(azurite, name))).filter((r) => !String(r.rowKey).startsWith("author:")).length;
    const weekly = async () => (await rows(table(azurite, "audit"))).filter((r) => String(r.partitionKey).startsWith("w:")).length;
    const before = { proformas: await count("proformas"), versions: await count("proformaversions"), feed: await count("activity"), audit: await weekly() };
    assert.ok(JSON.stringify(await rows(table(azurite, "audit"))).includes(AUTHOR.id), "the audit trail named the author before");

    const [card] = await tell(service, connector, COORD, `forget ${AUTHOR.id}`);
    assertGoodCard(card);
    assert.match(cardText(card), /Person erased/);
    assert.match(cardText(card), /2 proforma\(s\)/);

    for (const name of TABLES) {
      const json = JSON.stringify(await rows(table(azurite, name)));
      assert.ok(!json.includes(AUTHOR.id), `${name} holds no object id of the erased person`);
      assert.ok(!json.includes(AUTHOR.name), `${name} holds no name of the erased person`);
    }
    assert.equal(await count("proformas"), before.proformas, "every entry stays");
    assert.equal(await count("proformaversions"), before.versions, "every version stays");
    assert.equal(await count("activity"), before.feed, "every feed row stays");
    assert.equal(await weekly(), before.audit + 1, "every audit line stays, and the erasure adds one");

    const entry = await service.app.proformas.get(HACKNEY, submittedId);
    assert.equal(entry?.status, "published");
    assert.equal(entry?.authorId, "");
    assert.equal(entry?.authorName, FORMER_STAFF);
    assert.equal(entry?.contactName, FORMER_STAFF);
    assert.equal(entry?.title, "Mentoring for Black social workers");
    const versions = await service.app.proformas.versions(submittedId);
    assert.deepEqual(
      versions.map((v) => [v.action, v.actorName]),
      [
        ["submitted", FORMER_STAFF],
        ["published", COORD.name],
      ],
    );
    assert.deepEqual(await service.app.proformas.listByAuthor(AUTHOR.id), []);
    const library = await (await fetch(`${service.url}/api/library`)).json();
    assert.ok(
      library.entries.some((e: any) => e.id === submittedId),
      "the entry stays in the library",
    );

    const erasure = (await service.app.audit.recent(now)).find((l) => l.action === "person.erased");
    assert.equal(erasure?.actorId, COORD.id);
    assert.match(erasure!.detail, /A person was erased on request/);

    const [again] = await tell(service, connector, COORD, `forget ${AUTHOR.id}`);
    assert.match(cardText(again), /Nothing held/);
  });
});

describe("the service's housekeeping timer purges closed nominations and audits it", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let now = new Date("2026-11-30T09:00:00Z");

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    // The schedule on (as npm start runs it), housekeeping every 200 ms instead of 15 minutes.
    service = await startTestService({
      azurite,
      env: { COORDINATORS: COORD.id, NOMINATION_RETENTION_DAYS: "30" },
      now: () => now,
      schedule: true,
      housekeepingEveryMs: 200,
    });
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"]);
    await putPerson(service, AUTHOR, HACKNEY, ["staff"]);
    for (const u of [HACKNEY_STAFF, AUTHOR]) await greet(service, connector, u);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when a declined nomination passes the retention period, then the running service deletes it and writes an audit line naming no one", async () => {
    assert.ok(service.housekeeping, "npm start runs housekeeping");
    const [form] = await tell(service, connector, HACKNEY_STAFF, "nominate");
    const nominationId = String(actionData(form, "nomination.submit").nominationId);
    await execute(service.url, HACKNEY_STAFF, "nomination.submit", { nominationId, nominee: AUTHOR.id, jobTitle: "Head of Service", reason: "Trusted" });
    await execute(service.url, AUTHOR, "nomination.decline", { nominationId });
    assert.equal((await service.app.nominations.get(HACKNEY, nominationId))?.status, "declined");
    await new Promise((r) => setTimeout(r, 600));
    assert.ok(await service.app.nominations.get(HACKNEY, nominationId), "kept within the retention period");

    now = new Date("2027-01-01T09:00:00Z");
    const deadline = Date.now() + 10_000;
    while ((await service.app.nominations.get(HACKNEY, nominationId)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await service.app.nominations.get(HACKNEY, nominationId), undefined, "purged by the timer");
    const lines = await service.app.audit.forRecord(nominationId);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.action, "nomination.purged");
    assert.equal(lines[0]!.borough, HACKNEY);
    const json = JSON.stringify(lines);
    assert.ok(!json.includes(AUTHOR.id) && !json.includes(AUTHOR.name) && !json.includes(HACKNEY_STAFF.name), "the line names no one");
  });
});

describe("the convene card at its limits", function () {
  it("when 50 proformas with 120-character titles of three-byte characters are offered, with every error shown, then the card parses and stays under 28 KB", async () => {
    const proformas = Array.from({ length: 50 }, (_, n) => ({ id: `01KSEED${String(n).padStart(19, "0")}`, title: "€".repeat(120), borough: "E09000002" }));
    const card = conveneFormCard({
      meetingId: "01KSEED0000000000000000000",
      now: new Date("2026-11-30T09:00:00Z"),
      proformas,
      errors: ["Topic is required.", "Proformas: choose at most 10; name others in the box below."],
    });
    assertGoodCard(card);
    const bytes = checkCard(card).bytes;
    console.log(`      convene card, 50 longest titles: ${(bytes / 1024).toFixed(1)} KB`);
    assert.ok(bytes < 28 * 1024);
  });
});
