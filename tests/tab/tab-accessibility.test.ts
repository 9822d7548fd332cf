import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Frame, Page } from "playwright-core";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { buildTab } from "../../scripts/build-tab";
import { A11Y_AUDIT, MIN_CONTRAST, type AuditResult } from "../support/a11y-audit";
import { launchChromium, needChromium } from "../support/browser";
import { HACKNEY, NEWHAM, NOW, proforma, seed } from "../support/tab-seed";
import { teamsHostPage } from "../support/teams-host-page";
import { startTestAzurite, startTestService } from "../support/test-service";

const LONG_URL = `https://www.example.org/children/services/${"disproportionality-review-".repeat(6)}report.pdf`;
const PAGES = ["library", "leads", "data"] as const;

/** Each page with everything it can show open: the data page with a chart and its table, the library's details. */
async function showAll(target: Page | Frame, name: (typeof PAGES)[number]): Promise<void> {
  if (name === "data") {
    await target.getByLabel("Measure").selectOption("cla-rate");
    // Both pictures (the headlines' plot and the measure's chart) arrive on their own requests.
    await target.waitForFunction(() => document.querySelectorAll("img.chart-image[alt]").length === 2);
  }
  await target.evaluate(() => document.querySelectorAll("#page details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

async function audit(target: Page | Frame): Promise<AuditResult> {
  return (await target.evaluate(A11Y_AUDIT)) as AuditResult;
}

function assertAccessible(result: AuditResult, where: string): void {
  assert.ok(result.textsChecked > 10, `${where}: the audit found text to check (${result.textsChecked})`);
  assert.deepEqual(result.contrast, [], `${where}: text below ${MIN_CONTRAST}:1 contrast`);
  assert.deepEqual(result.unlabelled, [], `${where}: fields without a label`);
  assert.deepEqual(result.headingProblems, [], `${where}: headings out of order (${result.headings.join(" / ")})`);
  assert.deepEqual(result.images, [], `${where}: images or charts without a text alternative`);
  assert.deepEqual(result.unnamed, [], `${where}: links or buttons without a name`);
}

describe("Tab accessibility, phone-sized screens and the caller (headless Chromium)", () => {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let browser: Browser;
  let hostServer: Server;
  let hostTheme: "default" | "dark" | "contrast" = "contrast";
  let hostTab = "";
  let page: Page;

  before(async function () {
    needChromium(this);
    this.timeout(90000);
    await buildTab();
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, now: () => NOW });
    await seed(service);
    await service.app.proformas.create(
      proforma("01JTAB0000000000000000000E", NEWHAM, "Supervisionreflectivepracticeforsocialworkersonracialdisproportionality", `Read it at ${LONG_URL}`, [
        "workforce",
      ]),
    );
    browser = await launchChromium();
    hostServer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(teamsHostPage(hostTab, { theme: hostTheme, token: "token-from-host", width: 1000, height: 1400 }));
    });
    await new Promise<void>((resolve) => hostServer.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    await azurite?.stop();
    if (hostServer) await new Promise((resolve) => hostServer!.close(resolve));
  });
  afterEach(async () => page?.close());

  async function open(name: string, options: { colorScheme?: "light" | "dark"; width?: number; height?: number } = {}): Promise<void> {
    page = await browser.newPage({ viewport: { width: options.width ?? 1024, height: options.height ?? 900 }, colorScheme: options.colorScheme ?? "light" });
    await page.goto(`${service.url}/tab/index.html#${name}`);
    await page.waitForSelector(`body[data-ready="${name}"]`);
    await page.waitForFunction(() => document.getElementById("who")?.textContent !== "");
  }

  for (const [scheme, theme] of [
    ["light", "default"],
    ["dark", "dark"],
  ] as const) {
    for (const name of PAGES) {
      it(`when the ${name} page shows in the ${scheme} theme, then text contrast, labels, headings and text alternatives pass`, async () => {
        await open(name, { colorScheme: scheme });
        assert.equal(await page.getAttribute("body", "data-theme"), theme);
        await showAll(page, name);
        const result = await audit(page);
        assertAccessible(result, `${name} (${theme})`);
        if (name === "data") assert.ok(result.headings.length >= 4 && (await page.locator("img.chart-image[alt]").count()) === 2, "the charts were audited");
      });
    }
    it(`when the channel tab's settings page shows in the ${scheme} theme, then it passes the same checks`, async () => {
      page = await browser.newPage({ colorScheme: scheme });
      await page.goto(`${service.url}/tab/config.html`);
      await page.waitForFunction(() => document.querySelectorAll("input[type=radio]").length === 3);
      const result = await audit(page);
      assert.ok(result.textsChecked >= 5, `texts checked: ${result.textsChecked}`);
      assert.deepEqual([result.contrast, result.unlabelled, result.headingProblems], [[], [], []]);
    });
  }

  it("when Teams gives the high-contrast theme, then every page still passes the checks", async () => {
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    hostTheme = "contrast";
    for (const name of PAGES) {
      hostTab = `${service.url}/tab/index.html#${name}`;
      await page.goto(`http://127.0.0.1:${(hostServer.address() as AddressInfo).port}/`);
      const frame = page.frame({ url: /\/tab\/index\.html/ })!;
      await frame.waitForSelector(`body[data-ready="${name}"]`);
      assert.equal(await frame.getAttribute("body", "data-theme"), "contrast");
      await showAll(frame, name);
      assertAccessible(await audit(frame), `${name} (contrast)`);
    }
  });

  it("when the contrast check meets text that is too faint, then it reports it (the check can fail)", async () => {
    await open("library");
    await page.evaluate(() => ((document.querySelector("#page p.meta") as HTMLElement).style.color = "#b0b0b0"));
    const result = await audit(page);
    assert.equal(result.contrast.length, 1, JSON.stringify(result.contrast));
    assert.ok(result.contrast[0]!.ratio < 2.5 && result.contrast[0]!.bg === "#f5f5f5", JSON.stringify(result.contrast[0]));
    await page.evaluate(() => {
      document.querySelector("#page h3")?.replaceWith(Object.assign(document.createElement("h5"), { textContent: "Skipped" }));
      document.querySelector("#page form label")?.remove();
    });
    const broken = await audit(page);
    assert.ok(
      broken.headingProblems.some((p) => /h5 "Skipped" skips from h2/i.test(p)),
      broken.headingProblems.join("; "),
    );
    assert.equal(broken.unlabelled.length, 1);
  });

  for (const name of PAGES) {
    it(`when the ${name} page is on a 360x640 phone screen with real data, then nothing overflows sideways`, async () => {
      await open(name, { width: 360, height: 640 });
      await showAll(page, name);
      const overflow = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        body: document.body.scrollWidth - document.body.clientWidth,
        // Anything sticking out past the right edge that is not inside a scrolling table.
        sticking: Array.from(document.querySelectorAll("#page *, header *"))
          .filter((el) => !el.closest(".table-wrap") && el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`),
      }));
      assert.deepEqual(overflow, { document: 0, body: 0, sticking: [] }, `${name} overflows`);
      if (name === "library") assert.match((await page.locator("#page").textContent()) ?? "", /disproportionality-review-/);
      if (name === "data")
        assert.ok(((await page.locator("figure img.chart-image").last().boundingBox())?.width ?? 999) <= 340, "the chart shrinks to the screen");
    });
  }

  it("when the library's filters are used on a phone screen by keyboard, then each control is on screen, uncovered, and narrows the list", async () => {
    await open("library", { width: 360, height: 640 });
    const controls = page.locator("form.filters input, form.filters select");
    assert.equal(await controls.count(), 3);
    for (const control of await controls.all()) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `inside the screen: ${JSON.stringify(box)}`);
      assert.ok(box.height >= 24 && box.width >= 200, `big enough to tap: ${JSON.stringify(box)}`);
      const onTop = await control.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
      });
      assert.ok(onTop, "nothing covers the control");
    }
    const titles = () => page.locator("#page article h3").allTextContents();
    assert.equal((await titles()).length, 4);
    await page.getByLabel("Search", { exact: true }).focus();
    await page.keyboard.type("panel");
    assert.deepEqual(await titles(), ["Inclusive exclusions panel"]);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.previousElementSibling?.textContent), "Borough");
    // Down from "All boroughs" to the first borough in the list, by keyboard alone.
    const firstBorough = await page.getByLabel("Borough").evaluate((s) => (s as HTMLSelectElement).options[1]!.value);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.getByLabel("Borough").inputValue(), firstBorough);
    await page.getByLabel("Borough").selectOption(HACKNEY);
    assert.deepEqual(await titles(), ["Family group conferencing for Black Caribbean families"]);
    assert.match((await page.locator(".count").textContent()) ?? "", /1 of 4 published entries shown/);
  });

  it("when the data page's filters are used on a phone screen, then area and period appear on screen and draw the chart", async () => {
    await open("data", { width: 360, height: 640 });
    await page.getByLabel("Measure").selectOption("social-care-ladder");
    await page.waitForFunction(() => document.querySelectorAll("figure:not(.headline-plot)").length === 2);
    for (const label of ["Measure", "Area", "Period"]) {
      const box = (await page.getByLabel(label).boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360 && box.height >= 24, `${label}: ${JSON.stringify(box)}`);
    }
    assert.equal(await page.getByLabel("Area").inputValue(), HACKNEY);
    assert.equal(await page.getByLabel("Period").inputValue(), "2024");
  });

  it("when the people table puts the local user in Newham as a lead, then the header says so and the library starts at Newham", async () => {
    await service.app.people.put({
      tenantId: "local",
      objectId: "local-user",
      name: "Local Person",
      jobTitle: "",
      borough: NEWHAM,
      roles: ["lead"],
      updatedAt: NOW.toISOString(),
      updatedBy: "test",
    });
    try {
      await open("library");
      assert.equal(await page.locator("header #who").textContent(), "Local mode · Newham · coordinator, lead");
      assert.equal(await page.getByLabel("Borough").inputValue(), NEWHAM);
      const titles = (await page.locator("#page article h3").allTextContents()).sort();
      assert.equal(titles.length, 3);
      assert.ok(
        titles.every((t) => !t.startsWith("Family group conferencing")),
        "Hackney's entry is filtered out",
      );
      await page.getByLabel("Borough").selectOption("");
      assert.equal(await page.locator("#page article").count(), 4);
    } finally {
      await service.app.people.remove("local", "local-user");
    }
  });
});
