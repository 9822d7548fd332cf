import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { analyseFiles } from "../../src/analysis/run-analysis";
import { DEMO_DATA_DIR } from "../../src/headlines/demo-headlines";
import { decideApproval } from "../../src/digest/approve-headlines";
import { reviseHeadlines } from "../../src/digest/revise-headlines";
import type { Actor } from "../../src/domain/actor";
import { checkCard } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { cardText } from "../support/teams-client";
import { COORD, NOMINEE2, TENANT, registerChannel, tell } from "../support/leads-support";

/** Two coordinators, three DCS channels, stored demo headlines: the two-person rule and a correction in place. */
describe("data headlines: two people before figures go out, and corrections in place", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  const SECOND = NOMINEE2; // a second coordinator
  const DCS = ["19:dcs-a@thread.tacv2", "19:dcs-b@thread.tacv2", "19:dcs-c@thread.tacv2"];
  let clock = new Date("2026-12-01T09:00:00Z");

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: `${COORD.id},${SECOND.id}` }, now: () => clock });
    for (const id of DCS) await registerChannel(service, connector, id, "dcs");
    const run = await analyseFiles([DEMO_DATA_DIR]);
    await service.app.measures.saveRun([], run.headlines, run.sources); // the headlines are what this is about
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when headlines are stored but not approved, then the digest and post headlines carry none", async () => {
    const [posted] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(posted), /No approved headlines yet/);
    assert.equal(connector.posts().length, 0);
  });

  it("when the proposer tries to approve their own headlines, then it is refused and the refusal is in the audit trail; a second coordinator's approval is recorded with the data version", async () => {
    const [proposed] = await tell(service, connector, COORD, "propose headlines");
    assert.deepEqual(checkCard(proposed).errors, []);
    assert.match(cardText(proposed), /Proposed data headlines: a second coordinator approves them/);
    const [again] = await tell(service, connector, COORD, "propose headlines");
    assert.match(cardText(again), /already been proposed/);

    const [own] = await tell(service, connector, COORD, "approve headlines");
    assert.match(cardText(own), /You proposed these headlines, so you cannot approve them/);
    assert.equal(await service.app.approvals.approvedRunId(), undefined, "nothing approved");

    const [approved] = await tell(service, connector, SECOND, "approve headlines");
    assert.match(cardText(approved), /The headlines are approved/);
    const runId = (await service.app.measures.latestRunId())!;
    assert.equal(await service.app.approvals.approvedRunId(), runId);

    const trail = await service.app.audit.forRecord(runId);
    const byAction = (action: string) => trail.filter((l) => l.action === action);
    assert.equal(byAction("headlines.proposed").length, 1);
    assert.equal(byAction("headlines.proposed")[0]!.actorId, COORD.id);
    assert.equal(byAction("refused").length, 1, "the proposer's own approval was refused, and recorded");
    assert.equal(byAction("refused")[0]!.actorId, COORD.id);
    const line = byAction("headlines.approved");
    assert.equal(line.length, 1);
    assert.equal(line[0]!.actorId, SECOND.id);
    assert.match(line[0]!.detail, new RegExp(`data version: run ${runId}; .*\\.csv [0-9a-f]{12}`));

    const [twice] = await tell(service, connector, COORD, "approve headlines");
    assert.match(cardText(twice), /already approved by/);
  });

  it("when a staff member tries to propose or approve, then it is refused", async () => {
    const [card] = await tell(service, connector, { id: "00000000-0000-4000-8000-000000000099", name: "Pat Staff", tenantId: TENANT }, "approve headlines");
    assert.match(cardText(card), /Only an LIIA coordinator can approve headlines/);
  });

  it("when corrected figures are approved after this week's digest went out, then every sent card is updated in place once, saying revised on <date>, was <old figure>", async () => {
    const [sent] = await tell(service, connector, COORD, "digest send now");
    assert.match(cardText(sent), /sent to 3 channel\(s\) now/);
    const before = await service.app.measures.latestHeadlines(5);
    const first = before[0]!;
    const oldFigure = `${first.ratio.toFixed(2)} (${first.ratioLow.toFixed(2)} to ${first.ratioHigh.toFixed(2)})`;

    // The analyst finds an error, an hour later: the same findings, the top one's figures corrected.
    clock = new Date("2026-12-01T10:00:00Z");
    const run = await analyseFiles([DEMO_DATA_DIR]);
    const top = run.headlines.find(
      (h) => h.measure === first.measure && h.areaCode === first.areaCode && h.group === first.group && h.period === first.period,
    )!;
    Object.assign(top, { ratio: top.ratio * 1.1, ratioLow: top.ratioLow * 1.1, ratioHigh: top.ratioHigh * 1.1 });
    await service.app.measures.saveRun([], run.headlines, run.sources); // the headlines are what this is about
    await tell(service, connector, SECOND, "propose headlines");
    const updatesBefore = connector.updates().length;
    const [approved] = await tell(service, connector, COORD, "approve headlines");
    assert.match(cardText(approved), /corrected in place in 3 channel\(s\)/);

    assert.equal(connector.updates().length - updatesBefore, 3, "three updates in all");
    for (const id of DCS) {
      assert.equal(connector.posts(id).length, 1, "no second post");
      const updates = connector.updates(id);
      assert.equal(updates.length, 1, `one update in ${id}`);
      const text = cardText(FakeConnector.card(updates[0]!));
      assert.ok(text.includes(`Revised on 1 December 2026, was ${oldFigure}.`), text.slice(0, 400));
      assert.equal((text.match(/Revised on/g) ?? []).length, 1, "only the changed headline says so");
    }
  });

  it("when the Monday digest (the week just ended) went out and corrected figures are approved, then that digest is corrected in place", async () => {
    // The next Monday: this week's digest has not gone out; last week's (2026-W49) has.
    clock = new Date("2026-12-07T09:00:00Z");
    const run = await analyseFiles([DEMO_DATA_DIR]);
    const top = run.headlines[0]!;
    Object.assign(top, { ratio: top.ratio * 1.2, ratioLow: top.ratioLow * 1.2, ratioHigh: top.ratioHigh * 1.2 });
    await service.app.measures.saveRun([], run.headlines, run.sources);
    await tell(service, connector, SECOND, "propose headlines");
    const updatesBefore = connector.updates().length;
    const [approved] = await tell(service, connector, COORD, "approve headlines");
    assert.match(cardText(approved), /the digest for 2026-W49 was corrected in place in 3 channel\(s\)/);
    assert.equal(connector.updates().length - updatesBefore, 3);
  });

  it("when a newer analysis is stored but not yet approved, then post headlines still carries the approved run's figures", async () => {
    const approvedRun = (await service.app.approvals.approvedRunId())!;
    const approvedTop = (await service.app.measures.headlinesOfRun(approvedRun, 1))[0]!;
    clock = new Date("2026-12-08T09:00:00Z");
    const run = await analyseFiles([DEMO_DATA_DIR]);
    Object.assign(run.headlines[0]!, { ratio: run.headlines[0]!.ratio * 1.3 });
    const newer = await service.app.measures.saveRun([], run.headlines, run.sources);
    assert.notEqual(newer, approvedRun);
    assert.equal(await service.app.approvals.approvedRunId(), approvedRun, "the newer run waits for its second coordinator");
    const kept = await service.app.measures.headlinesOfRun(approvedRun, 50);
    assert.ok(kept.length > 0, "the approved run's headlines are still stored");
    const postsBefore = connector.posts().length;
    const [posted] = await tell(service, connector, COORD, "post headlines");
    assert.doesNotMatch(cardText(posted), /No approved headlines yet/);
    assert.equal(connector.posts().length - postsBefore, 3, "one post per DCS channel");
    const text = cardText(FakeConnector.card(connector.posts(DCS[0]!).at(-1)!));
    assert.ok(text.includes(approvedTop.ratio.toFixed(2)), "the approved figure goes out, not the newer unapproved one");
  });

  it("when the rule and the revision note are decided, then they follow the figures (pure)", () => {
    const actor = (id: string): Actor => ({ id, name: id, tenantId: TENANT, roles: ["coordinator"] });
    const proposal = { runId: "r", dataVersion: "v", proposedBy: "a", proposedByName: "A", proposedAt: "2026-12-01T09:00:00Z" };
    assert.equal(decideApproval(proposal, actor("a")).ok, false);
    assert.equal(decideApproval(proposal, actor("b")).ok, true);
    assert.equal(decideApproval(undefined, actor("b")).ok, false);
    const h = { rank: 1, key: "k", text: "", label: "", ratio: 2, ratioLow: 1.5, ratioHigh: 2.7, period: "2024", source: "", synthetic: false };
    const at = new Date("2026-12-01T23:30:00Z"); // London is on GMT in December: still 1 December
    const [changed] = reviseHeadlines([h], [{ ...h, ratio: 2.2 }], at);
    assert.deepEqual(changed!.revised, { on: "1 December 2026", was: "2.00 (1.50 to 2.70)" });
    const [kept] = reviseHeadlines([changed!], [{ ...h, ratio: 2.2 }], new Date("2026-12-03T10:00:00Z"));
    assert.deepEqual(kept!.revised, changed!.revised, "a second correction that changes nothing keeps the first note");
    const [same] = reviseHeadlines([h], [h], at);
    assert.equal(same!.revised, undefined);
  });
});
