import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import { silentLogger } from "../../src/logging/logger";
import { seedProformas, type SeedFile } from "../../src/proforma/seed-proformas";
import { PROJECT_ROOT } from "../../src/project-root";
import { composeDigest } from "../../src/digest/compose-digest";
import { checkCard, findElement } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute } from "../support/teams-client";
import { COORD, HACKNEY_DCS, NOMINEE2, TENANT, greet, putPerson, registerChannel, tell } from "../support/leads-support";

const TOWER_HAMLETS = "E09000030";
const CHANNEL = "19:dcs-tower-hamlets@thread.tacv2";
/** An entry aimed at what the demo's Tower Hamlets headline is about: Bangladeshi children in need. */
const EARLY_HELP: SeedFile = {
  name: "zz-early-help.json",
  text: JSON.stringify({
    id: "01JQ0000000000000000000099",
    status: "published",
    authorName: "Test author",
    content: {
      title: "Early help with Bangladeshi families",
      borough: TOWER_HAMLETS,
      outcomeAreas: ["social-care"],
      summary: "Family support workers who speak Sylheti offer early help before a referral.",
      impact: "Fewer repeat referrals.",
      contactName: "Test Contact",
      consentScope: "east-london",
      noPersonalData: true,
      ethnicGroups: ["asian"],
      ethnicGroupsDetail: "Bangladeshi families",
      levels: ["early-help", "child-in-need"],
    },
  }),
};

function seedFiles(): SeedFile[] {
  const dir = path.join(PROJECT_ROOT, "seeds", "proformas");
  return [...fs.readdirSync(dir).map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8") })), EARLY_HELP];
}

function buttons(card: any, verb: string): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const visit = (n: any) => {
    if (!n || typeof n !== "object") return;
    if (n.type === "Action.Execute" && n.verb === verb) found.push({ title: n.title, data: n.data });
    Object.values(n).forEach(visit);
  };
  visit(card);
  return found;
}

/** Evidence to practice in the digest: each approved headline links the matching published practice or names the gap. */
describe("the digest's headlines link the practice boroughs shared, or name the gap", function () {
  // The demo analysis (rates and the synthetic returns) runs once for the file: seconds on a busy machine.
  this.timeout(90_000);
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  let sent: any;
  const week = "2026-W49";

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: `${COORD.id},${NOMINEE2.id}` }, now: () => new Date("2026-12-02T09:00:00Z") });
    await seedProformas({ proformas: service.app.proformas, now: () => new Date("2026-11-01T09:00:00Z") }, seedFiles());
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger(), service.app.ladders), true);
    assert.match(cardText((await tell(service, connector, COORD, "propose headlines"))[0]), /Proposed data headlines/);
    assert.match(cardText((await tell(service, connector, NOMINEE2, "approve headlines"))[0]), /The headlines are approved/);
    await putPerson(service, HACKNEY_DCS, TOWER_HAMLETS, ["dcs"]);
    await registerChannel(service, connector, CHANNEL, "dcs", TOWER_HAMLETS);
    const [summary] = await tell(service, connector, COORD, `digest send now ${week}`);
    assert.match(cardText(summary), /sent to 1 channel/);
    sent = FakeConnector.card(connector.posts(CHANNEL)[0]!);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when a headline's group, outcome area and level match a published entry, then the card links it; where none does, it names the gap", () => {
    assert.deepEqual(checkCard(sent).errors, []);
    const text = cardText(sent);
    const links = buttons(sent, "proforma.view");
    assert.ok(
      links.some((b) => b.title === "Early help with Bangladeshi families (Tower Hamlets)" && b.data.submissionId === "01JQ0000000000000000000099"),
      JSON.stringify(links),
    );
    assert.match(text, /Tower Hamlets in 2026, Bangladeshi children[^\n]*\nPractice boroughs have shared on this:/);
    // The Hackney entry is for Black Caribbean and White and Black Caribbean families: not Gypsy/Roma, not Other.
    assert.match(text, /No borough has shared practice on Gypsy\/Roma children in need yet\./);
    assert.match(text, /No borough has shared practice on referrals of Gypsy\/Roma children to children's social care yet\./);
    assert.ok(!links.some((b) => /Family group conferences/i.test(b.title)), "no headline is about the groups the Hackney entry serves");
    assert.ok(!text.includes("returns-steps"), "the numbers name the measure in words, not by its id");
    assert.match(text, /Bangladeshi, Tower Hamlets: Children's social care \(the borough's returns\): child in need on 31 March \(of base population\)/);
  });

  it("when the channel is registered for a borough, then its card shows where disparity enters there: each step marked where the interval lies above 1, with the analysis's sentence", async () => {
    const text = cardText(sent);
    assert.match(text, /Where disparity enters in Tower Hamlets \(SYNTHETIC demonstration data\)/);
    const ladders = (await service.app.ladders.latestLadders(TOWER_HAMLETS)).filter((l) => l.groupLevel === "major");
    assert.ok(ladders.length >= 4, "the demo returns have major groups");
    const steps = ["referral", "assessment", "s47", "icpc", "cpp-start", "cla-31march"];
    let marked = 0;
    for (const l of ladders) {
      assert.ok(text.includes(l.sentence), `${l.group}'s sentence`);
      const row = text
        .slice(text.indexOf(`\n${l.group}: \n`))
        .split("\n")
        .slice(2, 2 + steps.length);
      steps.forEach((id, i) => {
        const step = l.steps.find((s) => s.step === id)!;
        const above = !step.suppressed && step.stepRatioLow !== null && step.stepRatioLow > 1;
        if (above) marked++;
        assert.equal(row[i]!.endsWith("▲"), above, `${l.group} at ${id}: ${row[i]}`);
      });
    }
    assert.ok(marked > 0, "some step is marked");
    assert.match(text, /Schools: pupils, suspension, permanent exclusion/);
    assert.ok(checkCard(sent).bytes < 28 * 1024);
  });

  it("when a DCS opens a linked entry, then the entry is shown", async () => {
    const link = buttons(sent, "proforma.view").find((b) => b.data.submissionId === "01JQ0000000000000000000099")!;
    const answer = await execute(service.url, HACKNEY_DCS, "proforma.view", link.data);
    assert.equal(answer.status, 200);
    assert.match(cardText(answer.body.value), /Early help with Bangladeshi families/);
  });

  it("when a DCS presses Show the numbers, then the same digest comes back with the numbers open, which a card nobody pressed never has", async () => {
    const hidden = findElement(sent, (n) => n.id === "headline-numbers");
    assert.equal(hidden?.isVisible, false);
    const answer = await execute(service.url, HACKNEY_DCS, "digest.details", actionData(sent, "digest.details"));
    assert.equal(findElement(answer.body.value, (n) => n.id === "headline-numbers")?.isVisible, true);
    assert.deepEqual(checkCard(answer.body.value).errors, []);
    assert.ok(buttons(answer.body.value, "digest.details").length === 0, "the open card offers to hide, not to record again");
  });

  it("when someone presses Convene on a headline, then a coordinator gets the form filled in for the finding, and a DCS keeps the digest, told who can convene", async () => {
    const data = buttons(sent, "headline.convene").find((b) => String(b.data.key).includes("Bangladeshi"))!.data;
    assert.equal(data.week, week);
    const inChannel = { conversation: { id: CHANNEL, conversationType: "channel", tenantId: TENANT }, serviceUrl: connector.url };

    const dcs = await execute(service.url, HACKNEY_DCS, "headline.convene", data, inChannel);
    assert.match(cardText(dcs.body.value), /Weekly digest/);
    assert.match(cardText(dcs.body.value), /Only a confirmed borough lead or an LIIA coordinator can convene/);

    await greet(service, connector, COORD);
    const before = connector.posts().length;
    const coord = await execute(service.url, COORD, "headline.convene", data, inChannel);
    assert.match(cardText(coord.body.value), /The convene form, filled in for this finding, is in your one-to-one chat/);
    const form = FakeConnector.card(
      connector
        .posts()
        .slice(before)
        .find((c) => c.conversationId === `a:personal-${COORD.id}`)!,
    );
    assert.deepEqual(checkCard(form).errors, []);
    const inputs = new Map<string, unknown>();
    const visit = (n: any) => {
      if (!n || typeof n !== "object") return;
      if (typeof n.id === "string" && "value" in n) inputs.set(n.id, n.value);
      Object.values(n).forEach(visit);
    };
    visit(form);
    assert.match(
      String(inputs.get("topic")),
      /^Bangladeshi children in need in Tower Hamlets, 2026$|^Referrals of Bangladeshi children to children's social care in Tower Hamlets, 2026$/,
    );
    assert.equal(inputs.get("theme"), "outcome:social-care");
    assert.equal(inputs.get("proformas"), "01JQ0000000000000000000099");

    const forged = await execute(service.url, COORD, "headline.convene", { key: "nothing|like|this", week });
    assert.match(cardText(forged.body.value), /no longer among the approved headlines/);
    const bad = await execute(service.url, COORD, "headline.convene", { key: 42 });
    assert.match(cardText(bad.body.value), /does not name a data headline/);
    assert.ok(actionData(sent, "digest.feedback"), "the digest's own buttons are still there");
  });

  it("when a newer run is stored but not yet approved, then the digest carries no strip from it", async () => {
    const before = await composeDigest(service.app, week);
    assert.ok(
      before.strips?.some((s) => s.areaCode === TOWER_HAMLETS),
      "the approved run's strips",
    );
    const ladders = await service.app.ladders.latestLadders();
    const runId = await service.app.measures.saveRun([], [], [{ name: "later.csv", checksum: "later" }]);
    await service.app.ladders.saveRun(runId, ladders, []);
    const after = await composeDigest(service.app, week);
    assert.equal(after.strips, undefined, "figures nobody approved stay out");
  });
});
