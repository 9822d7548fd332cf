import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import { proposeAndApprove } from "../support/approve-headlines";
import { silentLogger } from "../../src/logging/logger";
import { TableRunStore } from "../../src/delivery/table-run-store";
import { digestRunKey } from "../../src/digest/send-digest";
import { weekCoveredBy, weekLabel } from "../../src/digest/digest-week";
import { launchChromium, needChromium } from "../support/browser";
import { startPlayground, type Playground } from "../support/playground";
import { startTestAzurite, startTestService } from "../support/test-service";
import { analyseWithReturns } from "../../src/analysis/analyse-paths";
import { inMemoryReturns } from "../../src/analysis/returns/in-memory-files";
import { parseFiles } from "../../src/analysis/run-analysis";
import { syntheticReturnFiles } from "../../seeds/make-returns";
import { DEMO_DATA_DIR } from "../../src/headlines/demo-headlines";
import { seedProformas } from "../../src/proforma/seed-proformas";
import { FOREST_COLOURS } from "../../src/charts/forest-plot";
import { readPlot } from "../charts/image-check";

/**
 * As a person would: in the Agents Playground (the local Teams client, in headless Chromium), a
 * coordinator opens the "General" channel, @mentions the bot and types `register this channel as dcs
 * Tower Hamlets`. The service runs with the schedule on and a DIGEST_CRON that fires every second: the
 * week's digest appears in that channel once, and only once, however many fires follow. Its headlines
 * were approved by a second coordinator; its picture shows an interval per headline and the reference
 * line; each headline links the matching published practice or names the gap; the borough's strip shows
 * where disparity enters; and a correction approved after sending updates the card in place.
 */
/** A published entry aimed at what the demo's Tower Hamlets headline is about: Bangladeshi children in need. */
const EARLY_HELP = {
  name: "early-help.json",
  text: JSON.stringify({
    id: "01JQ0000000000000000000099",
    status: "published",
    authorName: "Test author",
    content: {
      title: "Early help with Bangladeshi families",
      borough: "E09000030",
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

describe("end to end in the Agents Playground: the scheduled digest reaches a DCS channel", function () {
  this.timeout(90_000);
  let azurite: EmbeddedAzurite | undefined;
  let service: RunningService | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;

  before(function () {
    needChromium(this);
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
    await azurite?.stop();
  });

  it("when a coordinator registers the General channel as Tower Hamlets' dcs, then the approved digest appears there once, with its picture, practice or gaps and strip, and a correction updates it in place", async () => {
    azurite = await startTestAzurite();
    // Headlines are stored before the schedule starts, as after `npm run analyse -- --store`.
    const seeding = await startTestService({ azurite });
    assert.equal(await storeDemoHeadlinesIfEmpty(seeding.app.measures, silentLogger(), seeding.app.ladders), true);
    await seedProformas({ proformas: seeding.app.proformas, now: () => new Date() }, [EARLY_HELP]);
    // Two coordinators before figures go out (in local mode every local user is a coordinator).
    await proposeAndApprove(seeding.url);
    await seeding.stop();

    service = await startTestService({ azurite, schedule: true, env: { DIGEST_CRON: "* * * * * *" } });
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(playground.url);

    const composer = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await composer.waitFor({ timeout: 30_000 });
    await page.getByText("General", { exact: true }).first().click();
    await composer.first().click();
    // In a channel the bot hears only what @mentions it.
    await page.keyboard.type("@");
    await page.getByText("Test Bot", { exact: true }).last().click();
    await page.keyboard.type(" register this channel as dcs Tower Hamlets");
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByText("This conversation is now the").last().waitFor({ timeout: 30_000 });

    const week = weekCoveredBy(new Date());
    const digest = page.locator(".ac-adaptiveCard").filter({ hasText: "Weekly digest" });
    await digest.first().waitFor({ timeout: 20_000 });
    const text = await digest.first().innerText();
    assert.match(text, new RegExp(`${weekLabel(week)} \\(${week}\\)`));
    for (const title of ["Practice shared", "Circulation and responses", "Borough leads", "Conversations", "Actions overdue", "Data headlines"])
      assert.ok(text.includes(title), title);
    assert.match(text, /SYNTHETIC/, "the stored headlines are in the digest");
    const [top] = await service.app.measures.latestHeadlines(1);
    assert.ok(text.includes(top!.areaName), "the headlines name the top headline's area");
    const plot = digest.first().locator("img[alt*='Forest plot']");
    await plot.waitFor({ timeout: 20_000 });
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await plot.elementHandle(), {
      timeout: 20_000,
    });
    // The picture the DCS sees: one interval per headline and the reference line at 1, read from its pixels.
    const png = Buffer.from(await (await fetch((await plot.getAttribute("src"))!)).arrayBuffer());
    const pixels = readPlot(png, FOREST_COLOURS);
    assert.equal(pixels.intervals.length, 5, "an interval for each of the five headlines");
    assert.ok((pixels.reference?.length ?? 0) > pixels.height / 3, "the reference line runs down the plot");

    // Evidence to practice: the matching entry is a button under its headline; the others name the gap.
    await digest.first().getByRole("button", { name: "Early help with Bangladeshi families (Tower Hamlets)" }).waitFor({ timeout: 10_000 });
    assert.match(text, /Practice boroughs have shared on this/);
    assert.match(text, /No borough has shared practice on Gypsy\/Roma children in need yet\./);
    assert.match(text, /Where disparity enters in Tower Hamlets/);
    assert.match(text, /Referral \d\.\d\d ▲/, "a step above 1 beyond chance is marked");
    await digest.first().getByRole("button", { name: "Show the numbers" }).click();
    await digest.first().getByText("95% interval", { exact: true }).waitFor({ timeout: 10_000 });
    if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

    // Further fires find the channel already sent: the card is there once.
    await page.waitForTimeout(3_000);
    assert.equal(await digest.count(), 1);
    const rows = await new TableRunStore(service.storage).rows(digestRunKey(week));
    assert.deepEqual(
      rows.map((r) => r.state),
      ["sent"],
    );

    // A correction: a later run changes the top figure; once a second coordinator approves it, the card
    // already in the channel is updated in place and says what the figure was.
    const { inputs, open } = inMemoryReturns(syntheticReturnFiles());
    const { result, returns } = await analyseWithReturns(await parseFiles([DEMO_DATA_DIR]), inputs, open);
    const first = result.headlines[0]!;
    const was = (Math.round(first.ratio * 100) / 100).toFixed(2);
    result.headlines[0] = { ...first, ratio: first.ratio + 1, ratioLow: first.ratioLow + 1, ratioHigh: first.ratioHigh + 1 };
    const runId = await service.app.measures.saveRun(result.measures, result.headlines, result.sources);
    await service.app.ladders.saveRun(runId, returns.ladders, returns.pipeline);
    await proposeAndApprove(service.url);
    // The correction goes out after the approval's answer, paced like every send: in a full CI run it
    // once took longer than 20 s to reach the Playground.
    await digest
      .first()
      .getByText(new RegExp(`Revised on .*, was ${was.replace(".", "\\.")}`))
      .waitFor({ timeout: 45_000 });
    assert.equal(await digest.count(), 1, "updated in place, not posted again");
  });
});
