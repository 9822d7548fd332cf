import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { launchChromium, needChromium } from "../support/browser";
import { FOREST_COLOURS } from "../../src/charts/forest-plot";
import { readPlot } from "../charts/image-check";
import { composeDigest } from "../../src/digest/compose-digest";
import { proposeAndApprove } from "../support/approve-headlines";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { buildTab } from "../../scripts/build-tab";
import { HACKNEY, NOW, SCRIPT, seed } from "../support/tab-seed";
import { teamsHostPage } from "../support/teams-host-page";
import { startTestAzurite, startTestService } from "../support/test-service";

describe("Tab in headless Chromium", () => {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let browser: Browser;
  let hostServer: Server;
  let page: Page;
  const dialogs: string[] = [];
  const apiAuthHeaders: (string | undefined)[] = [];

  before(async function () {
    needChromium(this);
    this.timeout(90000);
    await buildTab();
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, now: () => NOW });
    await seed(service);
    browser = await launchChromium();
    hostServer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(teamsHostPage(`${service.url}/tab/index.html?surface=personal`, { theme: "dark", subEntityId: "data", token: "token-from-host" }));
    });
    await new Promise<void>((resolve) => hostServer.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    await azurite?.stop();
    if (hostServer) await new Promise((resolve) => hostServer!.close(resolve));
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("request", (r) => {
      if (r.url().includes("/api/")) apiAuthHeaders.push(r.headers().authorization);
    });
  });
  afterEach(async () => page?.close());

  async function open(hash: string): Promise<void> {
    await page.goto(`${service.url}/tab/index.html${hash}`);
    await page.waitForSelector(`body[data-ready="${hash.slice(1) || "library"}"]`);
  }

  async function assertNothingRan(): Promise<void> {
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    // The only images are the service's own charts, as data: PNGs (a typed <img> would have come alive).
    assert.equal(await page.locator("#page script, #page img:not(.chart-image), #page img.chart-image:not([src^='data:image/png;base64,'])").count(), 0);
    assert.deepEqual(dialogs, []);
  }

  it("when the practice library opens outside Teams, then published entries show and search and filters narrow them", async () => {
    await open("#library");
    assert.equal(await page.getAttribute("body", "data-host"), "browser");
    await page.waitForFunction(() => document.getElementById("who")?.textContent !== "");
    assert.equal(await page.locator("header #who").textContent(), "Local mode · coordinator");
    assert.equal(await page.locator("h2").first().textContent(), "Practice library");
    const titles = () => page.locator("#page article h3").allTextContents();
    assert.deepEqual((await titles()).sort(), ["Family group conferencing for Black Caribbean families", "Inclusive exclusions panel", `Mentoring ${SCRIPT}`]);
    assert.match((await page.locator(".count").textContent()) ?? "", /3 of 3 published entries shown/);
    await page.getByLabel("Search", { exact: true }).fill("panel");
    assert.deepEqual(await titles(), ["Inclusive exclusions panel"]);
    await page.getByLabel("Search", { exact: true }).fill("");
    await page.getByLabel("Borough").selectOption(HACKNEY);
    assert.deepEqual(await titles(), ["Family group conferencing for Black Caribbean families"]);
    await page.getByLabel("Borough").selectOption("");
    await page.getByLabel("Outcome area").selectOption("youth-justice");
    assert.deepEqual(await titles(), [`Mentoring ${SCRIPT}`]);
    assert.match((await page.locator("#page article").first().textContent()) ?? "", /Peer mentors <img src=x onerror/);
    await assertNothingRan();
  });

  it("when the leads page opens, then the directory and the conversations show, typed text inert", async () => {
    await open("#leads");
    const hackney = page.locator("tr", { has: page.locator("th", { hasText: "Hackney" }) });
    assert.match((await hackney.textContent()) ?? "", /Dana Lead <img src=x onerror=.*Head of Service/);
    assert.match((await page.locator("tr", { has: page.locator("th", { hasText: "Newham" }) }).textContent()) ?? "", /No lead confirmed yet/);
    assert.equal(await page.locator("tbody tr").count(), 8);
    assert.match(
      (await page.locator("#page li.card").first().textContent()) ?? "",
      /Disproportionality in child protection.*10 December 2026 .* · Outcome area: Social care · Online · Teams.*Convened by Dana Lead \(Hackney\)/,
    );
    assert.doesNotMatch((await page.locator("#page").textContent()) ?? "", /outcome:|priority:|\bonline\b/, "no stored codes on the page");
    await assertNothingRan();
  });

  it("when a measure is chosen on the data page, then charts draw by group and level with suppressed cells, sources and periods", async () => {
    await open("#data");
    assert.equal(
      await page.locator(".headlines-status").textContent(),
      "These headlines await a second coordinator's approval: the digest does not carry them yet.",
    );
    const headline = page.locator(".headlines li").first();
    assert.match((await headline.textContent()) ?? "", /3 times as likely.*<img src=x onerror=.*Source: cla_ethnicity_2024\.csv\. Period: 2024/);
    // The same practice the digest links: aimed at Black Caribbean children, in social care, for children looked after.
    assert.deepEqual(await headline.locator(".practice li").allTextContents(), ["Family group conferencing for Black Caribbean families (Hackney)"]);
    assert.equal(
      await headline.locator(".comparison").textContent(),
      "Hackney 3.0 (2.1 to 4.2) · East London 1.8 · London 1.7 · England 1.5 · no clear trend in the ratio",
    );
    assert.match(
      (await headline.textContent()) ?? "",
      /Recent trend \(Fingertips method\) of the ratio of Black Caribbean to White British rates .*2 comparable years: five are needed/,
    );
    const strip = page.locator(".strips details.strip").first();
    await strip.locator("summary").click();
    const cells = await strip.locator("tbody tr").first().locator("td").allTextContents();
    assert.deepEqual(cells, [
      "1.80 (1.30 to 2.40)",
      "1.05 (0.80 to 1.30)",
      "1.05 (0.80 to 1.30)",
      "suppressed",
      "1.05 (0.80 to 1.30)",
      "1.05 (0.80 to 1.30)",
      "Referral",
    ]);
    assert.match((await strip.locator("li").first().textContent()) ?? "", /disparity enters at referral <script>/);
    await page.getByLabel("Measure").selectOption("cla-rate");
    const chart = page.locator("figure:not(.headline-plot) img.chart-image");
    await chart.waitFor();
    const alt = (await chart.getAttribute("alt")) ?? "";
    assert.match(alt, /Forest plot on a log scale with a reference line at 1/);
    assert.match(alt, /Black Caribbean: ratio 3\.00, 95% interval 2\.10 to 4\.20/);
    assert.match(alt, /Chinese: suppressed \(small numbers\)/);
    assert.match(alt, /White British \(reference\): reference group/);
    assert.match(alt, /Source: cla_ethnicity_2024\.csv\. Period: 2024/);
    // The picture itself: one interval drawn for each of the two groups with a ratio, at 1.5x zoom.
    const png = Buffer.from(((await chart.getAttribute("src")) ?? "").replace(/^data:image\/png;base64,/, ""), "base64");
    const pixels = readPlot(png, FOREST_COLOURS);
    assert.equal(pixels.intervals.length, 2);
    assert.ok(pixels.reference, "the reference line at 1");
    assert.ok(await chart.evaluate((img) => (img as HTMLImageElement).naturalWidth > 600), "Chromium decoded it");
    assert.match((await page.locator("figure .source").textContent()) ?? "", /Source: cla_ethnicity_2024\.csv\. Period: 2024/);
    assert.match((await page.locator("figure table").textContent()) ?? "", /Chinese\s*suppressed/);
    assert.equal(await page.getByLabel("Area").inputValue(), HACKNEY, "the borough first, its comparators after it");
    assert.deepEqual(await page.locator("figure .beside li").allTextContents(), [
      "Black Caribbean 3.00 · East London 1.80 · London 1.60 · England 1.40",
      // The reference group has no ratio: its rate is set beside theirs.
      "White British 50 per 10,000 · East London 50 per 10,000 · London 50 per 10,000 · England 50 per 10,000",
    ]);

    await page.getByLabel("Measure").selectOption("social-care-ladder");
    await page.waitForFunction(() => document.querySelectorAll("figure:not(.headline-plot)").length === 2);
    const captions = await page.locator("figcaption").allTextContents();
    assert.deepEqual(captions, [
      "Levels of intervention in children's social care: child in need (per base population), Hackney, 2024",
      "Levels of intervention in children's social care: child protection plan (of children in need), Hackney, 2024",
    ]);
    await page.locator("figure:not(.headline-plot)").nth(1).locator("img.chart-image").waitFor();
    assert.match((await page.locator("figure:not(.headline-plot)").nth(1).locator("img.chart-image").getAttribute("alt")) ?? "", /Black Caribbean: suppressed/);
    await assertNothingRan();
  });

  it("when the data page shows the headlines, then its picture is the digest card's picture, byte for byte", async () => {
    await open("#data");
    const tabImage = page.locator("figure.headline-plot img.chart-image");
    await tabImage.waitFor();
    const fromTab = Buffer.from(((await tabImage.getAttribute("src")) ?? "").replace(/^data:image\/png;base64,/, ""), "base64");
    await proposeAndApprove(service.url);
    const digest = await composeDigest(service.app, "2026-W48");
    assert.ok(digest.chart, "the digest has a chart");
    const fromCard = Buffer.from(await (await fetch(digest.chart.url)).arrayBuffer());
    assert.ok(fromTab.length > 1000 && fromTab.equals(fromCard), "the same PNG");
    assert.equal(await tabImage.getAttribute("alt"), digest.chart.alt);
    await page.reload(); // the same address again is only a hash change: load the page anew
    await page.waitForSelector('body[data-ready="data"]');
    assert.equal(await page.locator(".headlines-status").textContent(), "A second coordinator approved these headlines: the digest carries them.");
  });

  it("when used by keyboard on a phone-sized screen, then the pages are reachable and nothing overflows sideways", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open("#library");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Leads");
    await page.keyboard.press("Enter");
    await page.waitForSelector('body[data-ready="leads"]');
    assert.equal(await page.getAttribute('nav a[href="#leads"]', "aria-current"), "page");
    for (const hash of ["#leads", "#data", "#library"]) {
      await open(hash);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${hash} overflows by ${overflow}px`);
    }
    const labelled = await page.locator("input, select").evaluateAll((fields) => fields.every((f) => (f as HTMLInputElement).labels?.length === 1));
    assert.ok(labelled, "every field has a label");
  });

  it("when framed by a Teams host, then teams-js initialises, takes the dark theme and the page from the context, and sends the host's token", async () => {
    const hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}/`;
    apiAuthHeaders.length = 0;
    await page.goto(hostUrl);
    const frame = page.frameLocator("#tab");
    await frame.locator('body[data-ready="data"]').waitFor();
    assert.equal(await frame.locator("body").getAttribute("data-host"), "teams");
    assert.equal(await frame.locator("body").getAttribute("data-theme"), "dark");
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(seen.includes("initialize") && seen.includes("getContext") && seen.includes("appInitialization.success"), seen.join(","));
    assert.match((await frame.locator(".headlines li").first().textContent()) ?? "", /3 times as likely/);
    assert.ok(apiAuthHeaders.includes("Bearer token-from-host"), "the API call carried the host's sign-in token");
  });

  it("when the tab's files are served, then a content security policy forbids inline scripts and foreign framing", async () => {
    const res = await fetch(`${service.url}/tab/index.html`);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    assert.equal((await fetch(`${service.url}/tab/../package.json`)).status, 404);
    assert.equal((await fetch(`${service.url}/tab/secrets.json`)).status, 404);
  });
});
