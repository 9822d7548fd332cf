import assert from "node:assert/strict";
import { odata, TableClient } from "@azure/data-tables";
import sinon from "sinon";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { checkCard } from "../support/card-check";
import { ANN, BEN, cardText, execute, say, type TestUser } from "../support/teams-client";
import { startTestAzurite, startTestService } from "../support/test-service";
import { CORA, HACKNEY, STEP_INPUTS, buttonData, buttonTitles, essentials, placeIn } from "./support";

/**
 * Drafts as a person keeps them: `proforma` offers the newest to resume where they stopped, `my
 * proformas` tells them apart (title, step, time saved), and the author deletes a draft whole, audited.
 */
describe("proforma drafts: resume where you stopped, tell them apart, delete one", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let now = new Date("2026-03-02T10:00:00Z");
  let first = "";
  let second = "";

  before(async () => {
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, env: { COORDINATORS: CORA.id }, now: () => now });
    await placeIn(service, ANN, HACKNEY);
    await placeIn(service, BEN, HACKNEY);
  });
  after(async () => {
    sinon.restore();
    await service?.stop();
    await azurite?.stop();
  });

  async function press(user: TestUser, verb: string, data: Record<string, unknown>, inputs: Record<string, unknown> = {}): Promise<any> {
    const answer = await execute(service.url, user, verb, { ...data, ...inputs });
    assert.equal(answer.status, 200);
    assert.deepEqual(checkCard(answer.body.value).errors, []);
    return answer.body.value;
  }
  /** Every row of the borough's partition that belongs to a proforma: record, versions, author and response lines. */
  async function rowsOf(id: string): Promise<string[]> {
    const found: string[] = [];
    const table = service.storage.tableClient("proformas");
    for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${HACKNEY}` } })) {
      if (e.rowKey === id || e.proformaId === id) found.push(String(e.rowKey));
    }
    return found.sort();
  }

  it("when someone with no draft types proforma, then the form opens at step 1", async () => {
    const [form] = await say(service.url, ANN, "proforma");
    assert.match(cardText(form), /Step 1 of 6: The essentials/);
    let card = await press(ANN, "proforma.step", buttonData(form, "proforma.step", "Next"), essentials({ title: "Advocates at conference" }));
    first = String(buttonData(card, "proforma.step", "Next").submissionId);
    // Next with nothing changed still moves where she stopped.
    now = new Date("2026-03-02T10:05:00Z");
    card = await press(ANN, "proforma.step", buttonData(card, "proforma.step", "Next"), STEP_INPUTS[1]);
    card = await press(ANN, "proforma.step", buttonData(card, "proforma.step", "Next"), STEP_INPUTS[2]);
    assert.match(cardText(card), /Step 4 of 6/);
    card = await press(ANN, "proforma.step", buttonData(card, "proforma.step", "Back"), {});
    assert.match(cardText(card), /Step 3 of 6/);
  });

  it("when she types proforma again, then she is offered the draft where she stopped, with its title, step and time, or a new one", async () => {
    const [offer] = await say(service.url, ANN, "proforma");
    const text = cardText(offer);
    assert.match(text, /You have a draft proforma/);
    assert.match(text, /Advocates at conference/);
    assert.match(text, /Hackney · draft · step 3 of 6: The problem and the partners · saved 2 Mar 2026 at 10:05/);
    assert.deepEqual(buttonTitles(offer), ["Resume where I stopped", "Start a new one"]);
    const resumed = await press(ANN, "proforma.resume", buttonData(offer, "proforma.resume"));
    assert.match(cardText(resumed), /Step 3 of 6: The problem and the partners/);
    const stored = await service.app.proformas.read(HACKNEY, first);
    assert.equal(buttonData(resumed, "proforma.draft").etag, stored!.etag);
    assert.equal((stored!.proforma as { problem?: string }).problem, STEP_INPUTS[2]!.problem);
  });

  it("when she starts a new one beside it, then proforma offers the newest and my proformas tells the two apart", async () => {
    const [offer] = await say(service.url, ANN, "proforma");
    const form = await press(ANN, "proforma.new", buttonData(offer, "proforma.new"));
    assert.match(cardText(form), /Step 1 of 6/);
    second = String(buttonData(form, "proforma.draft").submissionId);
    assert.notEqual(second, first);
    now = new Date("2026-03-02T11:30:00Z");
    await press(ANN, "proforma.draft", buttonData(form, "proforma.draft"), { title: "Mentoring scheme", borough: HACKNEY });

    const [again] = await say(service.url, ANN, "proforma");
    assert.match(cardText(again), /Mentoring scheme/);
    assert.match(cardText(again), /step 1 of 6: The essentials · saved 2 Mar 2026 at 11:30/);
    assert.match(cardText(again), /You have 1 other draft: type my proformas/);

    const [mine] = await say(service.url, ANN, "my proformas");
    const lines = cardText(mine);
    assert.match(lines, /Mentoring scheme\nHackney · draft · step 1 of 6: The essentials\nsaved 2 Mar 2026 at 11:30/);
    assert.match(lines, /Advocates at conference\nHackney · draft · step 3 of 6: The problem and the partners\nsaved 2 Mar 2026 at 10:05/);
    assert.deepEqual(buttonTitles({ actions: [mine] }).filter((t) => t === "Delete draft").length, 2);
  });

  it("when someone other than the author asks to delete her draft, then it is refused, coordinators too, and nothing changes", async () => {
    const before = await rowsOf(second);
    for (const user of [BEN, CORA]) {
      for (const verb of ["proforma.delete", "proforma.delete.confirm"]) {
        const refused = await press(user, verb, { submissionId: second, entryBorough: HACKNEY, revision: 1 });
        assert.match(cardText(refused), /Only the person who wrote a draft can delete it/);
      }
    }
    assert.deepEqual(await rowsOf(second), before);
  });

  it("when she asks to delete a draft and saves it again before confirming, then nothing is deleted", async () => {
    const [mine] = await say(service.url, ANN, "my proformas");
    const ask = await press(ANN, "proforma.delete", buttonData(mine, "proforma.delete"));
    assert.match(cardText(ask), /Delete this draft\?\nMentoring scheme/);
    const [offer] = await say(service.url, ANN, "proforma");
    const form = await press(ANN, "proforma.resume", buttonData(offer, "proforma.resume"));
    await press(ANN, "proforma.draft", buttonData(form, "proforma.draft"), { title: "Mentoring scheme for social workers", borough: HACKNEY });
    const kept = await press(ANN, "proforma.delete.confirm", buttonData(ask, "proforma.delete.confirm"));
    assert.match(cardText(kept), /saved again after you asked to delete it, so nothing was deleted/);
    assert.equal((await service.app.proformas.get(HACKNEY, second))?.title, "Mentoring scheme for social workers");
  });

  it("when the deletion's transaction fails, then nothing is deleted and pressing again deletes it whole, audited once", async () => {
    const [mine] = await say(service.url, ANN, "my proformas");
    const ask = await press(ANN, "proforma.delete", buttonData(mine, "proforma.delete"));
    const before = await rowsOf(second);
    assert.ok(before.length >= 5, `record, author line, two versions and two responses: ${before.join(", ")}`);
    const fault = sinon.stub(TableClient.prototype, "submitTransaction").rejects(Object.assign(new Error("ECONNRESET"), { code: "ECONNRESET" }));
    let failed;
    try {
      failed = await press(ANN, "proforma.delete.confirm", buttonData(ask, "proforma.delete.confirm"));
    } finally {
      fault.restore();
    }
    assert.match(cardText(failed), /Not saved|could not be reached/i);
    assert.deepEqual(await rowsOf(second), before);

    const done = await press(ANN, "proforma.delete.confirm", buttonData(ask, "proforma.delete.confirm"));
    assert.match(cardText(done), /Draft deleted: Mentoring scheme for social workers/);
    assert.doesNotMatch(cardText(done), /Mentoring scheme for social workers\nHackney/);
    assert.match(cardText(done), /Advocates at conference/);
    assert.deepEqual(await rowsOf(second), []);
    assert.deepEqual(await service.app.proformas.versions(second, HACKNEY), []);
    const audit = await service.app.audit.forRecord(second);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, "proforma.draft-deleted");
    assert.equal(audit[0]!.actorId, ANN.id);

    const again = await press(ANN, "proforma.delete.confirm", buttonData(ask, "proforma.delete.confirm"));
    assert.match(cardText(again), /no longer stored/);
  });

  it("when a draft has more saves than one transaction holds, then deleting it leaves none of its rows", async () => {
    const [offer] = await say(service.url, ANN, "proforma");
    let card = await press(ANN, "proforma.new", buttonData(offer, "proforma.new"));
    const id = String(buttonData(card, "proforma.draft").submissionId);
    for (let n = 1; n <= 60; n++) card = await press(ANN, "proforma.draft", buttonData(card, "proforma.draft"), { title: `Save ${n}`, borough: HACKNEY });
    assert.ok((await rowsOf(id)).length > 100);
    const ask = await press(ANN, "proforma.delete", { submissionId: id, entryBorough: HACKNEY });
    const done = await press(ANN, "proforma.delete.confirm", buttonData(ask, "proforma.delete.confirm"));
    assert.match(cardText(done), /Draft deleted: Save 60/);
    assert.deepEqual(await rowsOf(id), []);
  });

  it("when she submits her draft, then it can no longer be deleted: the card offers no Delete and the verb refuses", async () => {
    const [offer] = await say(service.url, ANN, "proforma");
    const form = await press(ANN, "proforma.resume", buttonData(offer, "proforma.resume"));
    const start = await press(ANN, "proforma.step", { ...buttonData(form, "proforma.step", "Back"), goto: 0 }, STEP_INPUTS[2]);
    const done = await press(ANN, "proforma.submit", buttonData(start, "proforma.submit"), essentials({ title: "Advocates at conference" }));
    assert.match(cardText(done), /your proforma is saved/);
    const [mine] = await say(service.url, ANN, "my proformas");
    assert.match(cardText(mine), /Advocates at conference\nHackney · submitted\nsaved/);
    assert.doesNotMatch(JSON.stringify(mine), /proforma\.delete/);
    const refused = await press(ANN, "proforma.delete", { submissionId: first, entryBorough: HACKNEY });
    assert.match(cardText(refused), /Only a draft can be deleted/);
    assert.equal((await service.app.proformas.get(HACKNEY, first))?.status, "submitted");
  });
});
