import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import { startTestService } from "../support/test-service";
import { ANN, cardText, say } from "../support/teams-client";

describe("circulating with no borough channel registered", function () {
  let service: RunningService;
  before(async () => {
    service = await startTestService();
  });
  after(async () => service?.stop());

  it("when no borough channel is registered, then the coordinator is told nothing was sent and how to register, and no round is opened", async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const [card] = await say(service.url, ANN, `circulate proforma by ${deadline}`);
    const text = cardText(card);
    assert.match(text, /Nothing was sent/);
    assert.match(text, /register this channel as borough Hackney/);
    assert.doesNotMatch(text, /posted to 0 of 8/);
    assert.equal(await service.app.circulations.latest(), undefined);
  });
});
