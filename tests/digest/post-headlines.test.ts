import assert from "node:assert/strict";
import { PNG } from "pngjs";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { analyseFiles } from "../../src/analysis/run-analysis";
import { DEMO_DATA_DIR, storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import { silentLogger } from "../../src/logging/logger";
import { MAX_CARD_BYTES } from "../../src/cards/render-card";
import { checkCard, findElement } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { activity, cardText, post } from "../support/teams-client";
import { COORD, HACKNEY_STAFF, NOMINEE2, TENANT, tell } from "../support/leads-support";

/** One coordinator proposes the latest headlines, a second approves them. */
async function approveLatest(service: RunningService, connector: FakeConnector): Promise<void> {
  const [proposed] = await tell(service, connector, COORD, "propose headlines");
  assert.match(cardText(proposed), /Proposed data headlines/);
  const [approved] = await tell(service, connector, NOMINEE2, "approve headlines");
  assert.match(cardText(approved), /The headlines are approved/);
}

/** `post headlines` with real stored headlines, to DCS channels registered with the real command. */
describe("post headlines to the DCS channels (real service, Azurite and a fake Bot Connector)", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  const DCS = ["19:dcs-hackney@thread.tacv2", "19:dcs-newham@thread.tacv2", "19:dcs-all@thread.tacv2"];
  const BOROUGH_CHANNEL = "19:borough-hackney@thread.tacv2";

  async function sayInChannel(text: string, conversationId: string): Promise<any[]> {
    const answer = await post(
      service.url,
      activity(COORD, {
        type: "message",
        text: `<at>Disparities Hub</at> ${text}`,
        deliveryMode: "expectReplies",
        serviceUrl: connector.url,
        conversation: { id: conversationId, conversationType: "channel", tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" } },
      }),
    );
    assert.equal(answer.status, 200);
    return (answer.body.activities ?? []).flatMap((a: any) => (a.attachments ?? []).map((x: any) => x.content));
  }
  const posts = (id: string) => connector.posts(id);

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: `${COORD.id},${NOMINEE2.id}` } });
    for (const [id, words] of [
      [DCS[0], "dcs Hackney"],
      [DCS[1], "dcs Newham"],
      [DCS[2], "dcs"],
      [BOROUGH_CHANNEL, "borough Hackney"],
    ] as const) {
      const [card] = await sayInChannel(`register this channel as ${words}`, id);
      assert.match(cardText(card), /Channel registered/);
    }
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when headlines are stored and a coordinator posts them, then each DCS channel gets one card with the headlines and chart, and nobody else does", async () => {
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger()), true);
    const stored = await service.app.measures.latestHeadlines(5);
    assert.equal(stored.length, 5);

    const [refused] = await tell(service, connector, HACKNEY_STAFF, "post headlines");
    assert.match(cardText(refused), /Only an LIIA coordinator can post headlines/);
    assert.equal(connector.posts().length, 0);

    const [unapproved] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(unapproved), /No approved headlines yet/);
    assert.equal(connector.posts().length, 0, "nothing goes out before a second coordinator approves");
    await approveLatest(service, connector);

    const [answer] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(answer), /sent to 3 channel\(s\) now, 0 already had it, 0 failed, 0 unknown/);
    for (const id of DCS) {
      assert.equal(posts(id).length, 1, `one card in ${id}`);
      const card = FakeConnector.card(posts(id)[0]!);
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      assert.ok(check.bytes < MAX_CARD_BYTES);
      const text = cardText(card);
      assert.match(text, /New data headlines/);
      for (const h of stored) assert.ok(text.includes(h.text), `headline ${h.rank} shown`);
      assert.match(text, /SYNTHETIC/);
      const image = findElement(card, (n) => n.type === "Image") as { url: string; altText: string };
      assert.match(image.url, new RegExp(`^${service.url}/charts/[0-9a-f]{32}\\.png$`), "the forest plot at an unguessable address");
      assert.match(image.altText, /Forest plot on a log scale with a reference line at 1/);
      for (const h of stored) assert.ok(image.altText.includes(`${h.group}, ${h.areaName}`), "the picture in words names every headline");
      const toggle = findElement(card, (n) => n.type === "Action.ToggleVisibility") as { title: string; targetElements: string[] };
      assert.equal(toggle.title, "Show the numbers");
      const numbers = findElement(card, (n) => n.id === toggle.targetElements[0]) as { isVisible: boolean };
      assert.equal(numbers.isVisible, false, "the numbers table opens when asked");
      assert.ok(JSON.stringify(numbers).includes(stored[0]!.ratioLow.toFixed(2)), "the table has the interval");
      const png = await fetch(image.url);
      assert.equal(png.status, 200);
      assert.equal(png.headers.get("content-type"), "image/png");
      const decoded = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
      assert.ok(decoded.width > 600 && decoded.height > 200);
    }
    const guessed = await fetch(`${service.url}/charts/${"0".repeat(32)}.png`);
    assert.equal(guessed.status, 404, "a guessed address holds nothing");
    assert.equal(posts(BOROUGH_CHANNEL).length, 0, "a borough channel is not a DCS channel");
  });

  it("when post headlines is typed again for the same run, then nothing is posted", async () => {
    const before = connector.posts().length;
    const [answer] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(answer), /sent to 0 channel\(s\) now, 3 already had it/);
    assert.equal(connector.posts().length, before);
    for (const id of DCS) assert.equal(posts(id).length, 1);
  });

  it("when a new analysis run is stored, then post headlines sends its headlines once more to each DCS channel", async () => {
    const result = await analyseFiles([DEMO_DATA_DIR]);
    await service.app.measures.saveRun([], result.headlines, result.sources);
    await approveLatest(service, connector);
    const [answer] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(answer), /sent to 3 channel\(s\) now, 0 already had it/);
    for (const id of DCS) assert.equal(posts(id).length, 2);
    const [again] = await tell(service, connector, COORD, "post headlines");
    assert.match(cardText(again), /sent to 0 channel\(s\) now, 3 already had it/);
    for (const id of DCS) assert.equal(posts(id).length, 2);
  });
});
