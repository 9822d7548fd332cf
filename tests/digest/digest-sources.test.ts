import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { composeDigest } from "../../src/digest/compose-digest";
import { digestCard } from "../../src/digest/digest-card";
import type { DigestData, DigestSection } from "../../src/digest/digest-data";
import { leadCoverage } from "../../src/nominations/lead-coverage";
import { conversationsInWeek, overdueActions } from "../../src/meetings/meeting-queries";
import { BOROUGHS } from "../../src/domain/boroughs";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute, type TestUser } from "../support/teams-client";
import { checkCard } from "../support/card-check";
import { buttonData, essentials, STEP_INPUTS } from "../proforma/support";
import {
  COORD,
  HACKNEY,
  HACKNEY_DCS,
  HACKNEY_STAFF,
  NEWHAM,
  NEWHAM_STAFF,
  NOMINEE as HACKNEY_LEAD,
  NOMINEE2 as NEWHAM_NOMINEE,
  assertGoodCard,
  greet,
  putPerson,
  registerChannel,
  tell,
} from "../support/leads-support";

const TOWER_HAMLETS = "E09000030";
const TH_STAFF: TestUser = { id: "00000000-0000-4000-8000-000000000030", name: "Tara Tower", tenantId: HACKNEY_STAFF.tenantId };

/**
 * Each digest section against what its feature really produces: the features are driven over HTTP
 * (cards pressed, commands typed, as Teams would), then the week's digest is composed and its
 * sections checked for the right numbers and names. Week 2026-W50 is Monday 7 to Sunday 13 December.
 */
describe("the digest's sections from the real features (HTTP, Azurite)", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;
  let now = new Date("2026-12-07T09:00:00Z");
  const tick = (iso: string) => (now = new Date(iso));

  async function press(u: TestUser, verb: string, data: Record<string, unknown>): Promise<any> {
    const answer = await execute(service.url, u, verb, data);
    assert.equal(answer.status, 200, `${verb} answered ${answer.status}`);
    assertGoodCard(answer.body.value);
    return answer.body.value;
  }
  async function digest(week: string): Promise<DigestData> {
    const data = await composeDigest(service.app, week);
    const card = digestCard(data);
    assert.deepEqual(checkCard(card).errors, [], "the digest card parses");
    return data;
  }
  function section(data: DigestData, id: string): DigestSection & { text: string[] } {
    const s = data.sections.find((x) => x.id === id)!;
    return {
      ...s,
      text: s.lines.map((l) => `${BOROUGHS.find((b) => b.code === l.borough)?.name ?? "All boroughs"} · ${l.text}${l.subject ? ` · ${l.subject}` : ""}`),
    };
  }
  /** A proforma through the real form: essentials, then step 2 with the priorities, then submit. */
  async function submitProforma(u: TestUser, fields: Record<string, unknown>, priorities: string): Promise<{ id: string; borough: string }> {
    const [form] = await tell(service, connector, u, "proforma");
    const step2 = await press(u, "proforma.step", { ...buttonData(form, "proforma.step", "Next"), ...essentials(fields) });
    const done = await press(u, "proforma.submit", { ...buttonData(step2, "proforma.submit"), ...STEP_INPUTS[1], priorities });
    assert.match(cardText(done), /your proforma is saved/);
    return { id: String(buttonData(step2, "proforma.submit").submissionId), borough: String(fields.borough) };
  }

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id }, now: () => now });
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"], "Social worker");
    await putPerson(service, HACKNEY_DCS, HACKNEY, ["dcs"], "Director of Children's Services");
    await putPerson(service, HACKNEY_LEAD, HACKNEY, ["staff"], "Head of Service");
    await putPerson(service, NEWHAM_STAFF, NEWHAM, ["staff"], "Practice lead");
    await putPerson(service, NEWHAM_NOMINEE, NEWHAM, ["staff"], "Head of Service");
    await putPerson(service, TH_STAFF, TOWER_HAMLETS, ["staff"], "Social worker");
    for (const u of [HACKNEY_STAFF, HACKNEY_DCS, HACKNEY_LEAD, NEWHAM_STAFF, NEWHAM_NOMINEE, TH_STAFF, COORD]) await greet(service, connector, u);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when nothing has happened yet, then circulation, conversations and actions say nothing this week and no borough has a lead", async () => {
    const data = await digest("2026-W50");
    for (const id of ["proformas", "circulation", "conversations", "actions"])
      assert.deepEqual([section(data, id).summary, section(data, id).lines], ["", []], id);
    assert.equal(section(data, "leads").summary, "0 of 8 boroughs have a confirmed lead; 0 nominations open.");
  });

  it("when a coordinator circulates and boroughs submit, save a draft or do nothing, then the circulation section shows each borough's own status", async () => {
    tick("2026-12-07T10:00:00Z");
    // A round opens only when at least one borough's channel can receive the invitation.
    await registerChannel(service, connector, "19:hackney-borough@thread.tacv2", "borough", HACKNEY);
    const [opened] = await tell(service, connector, COORD, "circulate proforma by 2026-12-11");
    assert.match(cardText(opened), /deadline 11 December 2026/);
    tick("2026-12-08T10:00:00Z");
    await submitProforma(
      HACKNEY_STAFF,
      { title: "Hackney family group conferences", borough: HACKNEY, outcomeAreas: "social-care,youth-justice" },
      "adolescent-safeguarding,workforce-leadership",
    );
    await submitProforma(
      NEWHAM_STAFF,
      { title: "Newham mentoring in schools", borough: NEWHAM, outcomeAreas: "education,youth-justice", contactName: "Nell" },
      "adolescent-safeguarding",
    );
    const [draftForm] = await tell(service, connector, TH_STAFF, "proforma");
    await press(TH_STAFF, "proforma.draft", { ...buttonData(draftForm, "proforma.draft"), title: "Tower Hamlets draft", borough: TOWER_HAMLETS });

    const circulation = section(await digest("2026-W50"), "circulation");
    assert.equal(circulation.summary, "Proforma circulation, deadline 11 December 2026: 2 of 8 boroughs responded, 1 with a draft only, 5 with nothing yet.");
    assert.ok(circulation.text.includes("Hackney · responded"));
    assert.ok(circulation.text.includes("Newham · responded"));
    assert.ok(circulation.text.includes("Tower Hamlets · draft only"));
    assert.ok(circulation.text.includes("Havering · nothing yet"));

    // After the deadline (Monday of the next week), the boroughs without a submission are overdue.
    tick("2026-12-14T08:00:00Z");
    const late = section(await digest("2026-W50"), "circulation");
    assert.match(late.summary, /2 of 8 boroughs responded.*; 6 boroughs overdue\.$/);
    assert.ok(late.text.includes("Tower Hamlets · draft only · overdue"));
    assert.ok(late.text.includes("Hackney · responded"));
    // A round whose deadline passed before a week began is not that week's news.
    assert.deepEqual(section(await digest("2026-W52"), "circulation").lines, []);
  });

  it("when a coordinator publishes one of the week's entries, then practice shared counts new and published by borough, with each outcome area and priority split out and counted", async () => {
    tick("2026-12-09T10:00:00Z");
    const [queue] = await tell(service, connector, COORD, "review proformas");
    assert.match(cardText(queue), /Hackney family group conferences/);
    const hackney = (await service.app.proformas.inBorough(HACKNEY))[0]!;
    const stored = await service.app.proformas.read(HACKNEY, hackney.id);
    const published = await press(COORD, "proforma.publish", { submissionId: hackney.id, entryBorough: HACKNEY, etag: stored!.etag });
    assert.match(cardText(published), /[Pp]ublished/);

    const practice = section(await digest("2026-W50"), "proformas");
    assert.equal(practice.summary.split(" By theme: ")[0], "1 new and 1 published, from 2 boroughs.");
    const themes = new Map(
      practice.summary
        .split(" By theme: ")[1]!
        .replace(/\.$/, "")
        .split("; ")
        .map((t) => [t.replace(/ \d+$/, ""), Number(/(\d+)$/.exec(t)![1])]),
    );
    assert.deepEqual(Object.fromEntries(themes), {
      "Youth justice": 2,
      "Adolescent safeguarding": 2,
      "Social care": 1,
      Education: 1,
      "Workforce and Black, Asian and minority ethnic leadership": 1,
    });
    assert.deepEqual(practice.text, [
      "Hackney · published · Social care, Youth justice, Adolescent safeguarding, Workforce and Black, Asian and minority ethnic leadership · Hackney family group conferences",
      "Newham · new · Education, Youth justice, Adolescent safeguarding · Newham mentoring in schools",
    ]);
  });

  it("when Hackney's lead is nominated, accepts and is confirmed, and Newham's nomination is still open, then the leads section matches leadCoverage", async () => {
    tick("2026-12-09T11:00:00Z");
    const nominate = async (u: TestUser, nominee: TestUser) => {
      const [form] = await tell(service, connector, u, "nominate");
      const nominationId = String(actionData(form, "nomination.submit").nominationId);
      const card = await press(u, "nomination.submit", {
        nominationId,
        kind: "lead",
        nominee: nominee.id,
        jobTitle: "Head of Service",
        reason: "Leads our anti-racist practice work",
      });
      assert.match(cardText(card), /Nomination sent/);
      return nominationId;
    };
    const hackneyNomination = await nominate(HACKNEY_STAFF, HACKNEY_LEAD);
    await press(HACKNEY_LEAD, "nomination.accept", { nominationId: hackneyNomination });
    await press(HACKNEY_DCS, "nomination.confirm", { nominationId: hackneyNomination });
    await nominate(NEWHAM_STAFF, NEWHAM_NOMINEE);

    const coverage = await leadCoverage(service.app);
    const leads = section(await digest("2026-W50"), "leads");
    assert.equal(leads.summary, `${coverage.withLead.length} of 8 boroughs have a confirmed lead; ${coverage.totalOpenNominations} nomination open.`);
    assert.equal(leads.summary, "1 of 8 boroughs have a confirmed lead; 1 nomination open.");
    const noLead = leads.lines
      .filter((l) => l.text === "no lead yet")
      .map((l) => l.borough)
      .sort();
    assert.deepEqual(noLead, [...coverage.withoutLead].sort());
    assert.ok(!noLead.includes(HACKNEY) && noLead.includes(NEWHAM) && noLead.length === 7);
    assert.ok(leads.text.includes("Newham · 1 nomination waiting for the nominee"));
    assert.ok(leads.text.includes("Hackney · confirmed this week · Hackney borough lead"));
    assert.ok(!leads.text.includes("Hackney · nominated this week · Hackney borough lead"), "a nomination shows once, at its latest step");
    assert.ok(leads.text.includes("Newham · nominated this week · Newham borough lead"));
    assert.ok(!leads.text.some((t) => t.includes(HACKNEY_LEAD.name)), "no person's name in the digest");
  });

  let meetingId = "";
  it("when the lead convenes conversations for this week and next and cancels one, then this week's digest counts the one taking place, and convened and cancelled as they happened", async () => {
    tick("2026-12-09T12:00:00Z");
    const convene = async (topic: string, date: string) => {
      const [form] = await tell(service, connector, HACKNEY_LEAD, "convene");
      const id = String(actionData(form, "convene.submit").meetingId);
      await press(HACKNEY_LEAD, "convene.submit", {
        meetingId: id,
        topic,
        theme: "priority:adolescent-safeguarding",
        date,
        time: "10:00",
        format: "online",
        place: "Teams meeting",
      });
      return id;
    };
    meetingId = await convene("Adultification of Black children", "2026-12-10");
    const cancelled = await convene("Exclusions round table", "2026-12-11");
    await convene("Stop and search and care leavers", "2026-12-17");
    await press(HACKNEY_LEAD, "convene.cancel", { meetingId: cancelled });

    const w50 = section(await digest("2026-W50"), "conversations");
    assert.deepEqual(
      (await conversationsInWeek(service.app, "2026-W50")).map((m) => m.id),
      [meetingId],
    );
    assert.equal(w50.summary, "1 conversation this week; 3 convened and 1 cancelled this week.");
    // Each conversation once, at what the week holds for it.
    assert.deepEqual(w50.text, [
      "Hackney · takes place · Thursday 10 December 2026 at 10:00 · convened this week · Adultification of Black children",
      "Hackney · cancelled · for Friday 11 December 2026 at 10:00 · Exclusions round table",
      "Hackney · convened · for Thursday 17 December 2026 at 10:00 · Stop and search and care leavers",
    ]);
    const w51 = section(await digest("2026-W51"), "conversations");
    assert.equal(w51.summary, "1 conversation this week; 0 convened and 0 cancelled this week.");
    assert.deepEqual(w51.text, ["Hackney · takes place · Thursday 17 December 2026 at 10:00 · Stop and search and care leavers"]);
  });

  it("when an action falls overdue and is then marked done, then the actions section follows the convening feature's own state", async () => {
    tick("2026-12-10T12:00:00Z");
    await press(HACKNEY_LEAD, "convene.record", {
      meetingId,
      outcomes: "Agreed a shared audit",
      action1: "Audit strategy meetings",
      owner1: HACKNEY,
      due1: "2026-12-14",
      action2: "Share the adolescent safeguarding data",
      owner2: NEWHAM,
      due2: "2026-12-30",
    });
    assert.deepEqual(section(await digest("2026-W50"), "actions").lines, [], "nothing is overdue in the week the actions were agreed");

    tick("2026-12-16T09:00:00Z");
    const overdue = section(await digest("2026-W51"), "actions");
    assert.deepEqual(
      (await overdueActions(service.app, now)).map((a) => a.ownerBorough),
      [HACKNEY],
    );
    assert.equal(overdue.summary, "1 action overdue; 0 done this week.");
    assert.deepEqual(overdue.text, ["Hackney · overdue · due 2026-12-14 · Audit strategy meetings"]);

    const [action] = await overdueActions(service.app, now);
    await press(HACKNEY_LEAD, "action.done", { actionId: action!.id });
    await press(HACKNEY_LEAD, "action.done", { actionId: action!.id });
    const done = section(await digest("2026-W51"), "actions");
    assert.equal(done.summary, "0 actions overdue; 1 done this week.");
    assert.deepEqual(done.text, ["Hackney · done this week · Audit strategy meetings"]);
  });
});
