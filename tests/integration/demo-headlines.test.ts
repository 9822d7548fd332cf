import assert from "node:assert/strict";
import { silentLogger } from "../../src/logging/logger";
import { storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import type { RunningService } from "../../src/service";
import { startTestService } from "../support/test-service";

describe("demo headlines on a fresh install", function () {
  let service: RunningService;
  before(async () => {
    service = await startTestService();
  });
  after(() => service?.stop());

  it("when nothing is stored, then synthetic headlines are stored once, each saying it is synthetic", async () => {
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger()), true);
    const headlines = await service.app.measures.latestHeadlines(50);
    assert.ok(headlines.length > 0);
    for (const h of headlines) {
      assert.equal(h.synthetic, true);
      assert.match(h.text, /synthetic/i);
    }
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger()), false);
  });
});
