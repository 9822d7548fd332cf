import assert from "node:assert/strict";
import { silentLogger } from "../../src/logging/logger";
import { storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import type { RunningService } from "../../src/service";
import { startTestService } from "../support/test-service";
import { disparityEntryStrips } from "../../src/analysis/returns/ladder-types";

describe("demo headlines on a fresh install", function () {
  let service: RunningService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service?.stop());

  it("when nothing is stored, then synthetic headlines are stored once, each saying it is synthetic", async function () {
    this.timeout(60_000);
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger(), service.app.ladders), true);
    const headlines = await service.app.measures.latestHeadlines(50);
    assert.ok(headlines.length > 0);
    for (const h of headlines) {
      assert.equal(h.synthetic, true);
      assert.match(h.text, /synthetic/i);
    }
    assert.ok(
      headlines.some((h) => h.measure === "returns-steps"),
      "the synthetic returns' ladders feed the headlines",
    );
    const ladders = await service.app.ladders.latestLadders();
    const strips = disparityEntryStrips(ladders);
    assert.equal(strips.length, 8, "a 'where disparity enters' strip for each borough");
    assert.ok(ladders.every((l) => l.synthetic && l.sentence.length > 0));
    const hackney = await service.app.ladders.latestLadders("E09000012");
    assert.ok(hackney.length > 0 && hackney.every((l) => l.areaCode === "E09000012"));
    assert.equal((await service.app.ladders.latestPipeline("E09000025")).length, 30, "six roles by five major groups");
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger(), service.app.ladders), false);
  });
});
