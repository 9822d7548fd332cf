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

/**
 * As a person would: in the Agents Playground (the local Teams client, in headless Chromium), a
 * coordinator opens the "General" channel, @mentions the bot and types `register this channel as dcs`.
 * The service runs with the schedule on and a DIGEST_CRON that fires every second: the week's digest,
 * with the stored headlines and their chart, appears in that channel once, and only once, however many
 * fires follow.
 */
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

  it("when a coordinator registers the General channel as dcs, then the scheduled digest appears there once, with headlines", async () => {
    azurite = await startTestAzurite();
    // Headlines are stored before the schedule starts, as after `npm run analyse -- --store`.
    const seeding = await startTestService({ azurite });
    assert.equal(await storeDemoHeadlinesIfEmpty(seeding.app.measures, silentLogger()), true);
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
    await page.keyboard.type(" register this channel as dcs");
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
    await digest.first().getByRole("button", { name: "Show the numbers" }).click();
    await digest.first().getByText("95% interval").waitFor({ timeout: 10_000 });
    if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });

    // Further fires find the channel already sent: the card is there once.
    await page.waitForTimeout(3_000);
    assert.equal(await digest.count(), 1);
    const rows = await new TableRunStore(service.storage).rows(digestRunKey(week));
    assert.deepEqual(
      rows.map((r) => r.state),
      ["sent"],
    );
  });
});
