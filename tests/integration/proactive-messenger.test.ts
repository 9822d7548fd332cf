import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import { DeliveryError } from "../../src/messaging/messenger";
import type { ConversationRef } from "../../src/domain/conversation";
import { FakeConnector } from "../support/fake-connector";
import { startTestService } from "../support/test-service";
import { noticeCard } from "../../src/cards/notice-card";

describe("proactive messages through the Bot Connector", function () {
  let service: RunningService;
  let connector: FakeConnector;
  let ref: ConversationRef;

  before(async () => {
    connector = await connector_();
    service = await startTestService();
    ref = {
      conversationId: "19:dcs@thread.tacv2",
      serviceUrl: connector.url,
      tenantId: "t1",
      channelId: "msteams",
      conversationType: "channel",
      botId: "28:bot",
    };
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
  });
  async function connector_() {
    return new FakeConnector().start();
  }

  it("when a card is posted, then the connector receives it in that conversation and the activity id comes back", async () => {
    const { activityId } = await service.app.messenger.post(ref, noticeCard("Hello", "A test"));
    const posts = connector.posts(ref.conversationId);
    assert.equal(posts.length, 1);
    assert.ok(activityId);
    assert.equal(FakeConnector.card(posts[0]!).type, "AdaptiveCard");
  });

  it("when a posted card is updated, then the connector receives a PUT of that activity", async () => {
    const { activityId } = await service.app.messenger.post(ref, noticeCard("First", "v1"));
    await service.app.messenger.update(ref, activityId, noticeCard("Second", "v2"));
    const updates = connector.updates(ref.conversationId);
    assert.equal(updates.at(-1)!.activityId, activityId);
  });

  it("when the connector answers 429 with Retry-After, then the error carries the status and the wait", async () => {
    connector.answer = () => ({ status: 429, headers: { "retry-after": "3" } });
    try {
      await assert.rejects(
        service.app.messenger.post(ref, noticeCard("x", "y")),
        (e: unknown) => e instanceof DeliveryError && e.status === 429 && e.retryAfterMs === 3000,
      );
    } finally {
      connector.answer = () => undefined;
    }
  });

  it("when a stored service URL is not a Bot Connector, then nothing is sent there", async () => {
    const before = connector.calls.length;
    await assert.rejects(service.app.messenger.post({ ...ref, serviceUrl: "https://evil.example/" }, noticeCard("x", "y")), /untrusted service URL/);
    assert.equal(connector.calls.length, before);
  });
});
