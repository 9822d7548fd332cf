import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import type { RunningService } from "../../src/service";
import { buildTab } from "../../scripts/build-tab";
import { launchChromium, needChromium } from "../support/browser";
import { teamsHostPage, type HostCall, type HostOptions } from "../support/teams-host-page";
import { startTestService } from "../support/test-service";

interface SavedConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

interface HostWindow {
  calls: HostCall[];
  validity: boolean | undefined;
  saved: SavedConfig[];
  saveResult: string | undefined;
  save(): void;
}

describe("Channel tab settings page in a simulated Teams host", () => {
  let service: RunningService;
  let browser: Browser;
  let hostServer: Server;
  let page: Page;
  /** The host page each request gets: the test sets which tab address and frame context it frames. */
  let framed: { url: string; options: HostOptions } = { url: "", options: {} };

  before(async function () {
    needChromium(this);
    this.timeout(90000);
    await buildTab();
    service = await startTestService();
    browser = await launchChromium();
    hostServer = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(teamsHostPage(framed.url, framed.options));
    });
    await new Promise<void>((resolve) => hostServer.listen(0, "127.0.0.1", resolve));
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    if (hostServer) await new Promise((resolve) => hostServer!.close(resolve));
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  });
  afterEach(async () => page?.close());

  const hostUrl = () => `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}/`;

  async function openSettings(): Promise<void> {
    framed = { url: `${service.url}/tab/config.html`, options: { frameContext: "settings", theme: "dark" } };
    await page.goto(hostUrl());
    // The page tells Teams its choice is valid once teams-js is connected and the save handler is in place.
    await page.waitForFunction(() => (window as unknown as HostWindow).validity === true);
  }

  async function save(): Promise<SavedConfig> {
    await page.evaluate(() => (window as unknown as HostWindow).save());
    await page.waitForFunction(() => (window as unknown as HostWindow).saveResult !== undefined);
    const state = await page.evaluate(() => ({ saved: (window as unknown as HostWindow).saved, result: (window as unknown as HostWindow).saveResult }));
    assert.equal(state.result, "success");
    assert.equal(state.saved.length, 1, "one configuration saved");
    return state.saved[0]!;
  }

  it("when Data is chosen by keyboard and Teams saves, then the tab's address, entity id and name point at the Data page", async () => {
    await openSettings();
    const calls = await page.evaluate(() => (window as unknown as HostWindow).calls);
    assert.ok(
      calls.some((c) => c.func === "registerHandler" && c.args[0] === "save"),
      "the save handler is registered with the host",
    );
    const frame = page.frame({ url: /config\.html/ })!;
    await frame.waitForSelector('body[data-theme="dark"]');
    // Keyboard only: Tab from the host moves into the frame onto the chosen radio button, arrows change it.
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => document.activeElement?.id === "tab");
    assert.equal(await frame.evaluate(() => document.activeElement?.id), "page-library");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await frame.evaluate(() => document.activeElement?.id), "page-data");
    assert.equal(await frame.isChecked("#page-data"), true);
    assert.equal(await frame.isChecked("#page-library"), false);

    const saved = await save();
    assert.equal(saved.entityId, "hub-data");
    assert.equal(saved.suggestedDisplayName, "Data");
    assert.equal(saved.contentUrl, `${service.url}/tab/index.html?surface=channel#data`);
    assert.equal(saved.websiteUrl, `${service.url}/tab/index.html#data`);

    // The saved address, framed as the channel tab, opens the Data page.
    framed = { url: saved.contentUrl, options: { frameContext: "content", theme: "default" } };
    await page.goto(hostUrl());
    const tab = page.frameLocator("#tab");
    await tab.locator('body[data-ready="data"]').waitFor();
    assert.equal(await tab.locator("#page h2").first().textContent(), "Data");
    assert.equal(await tab.locator("body").getAttribute("data-host"), "teams");
  });

  it("when Leads is chosen with the arrow keys from Data and back, then the saved tab is the Leads page", async () => {
    await openSettings();
    const frame = page.frame({ url: /config\.html/ })!;
    await page.keyboard.press("Tab");
    await page.waitForFunction(() => document.activeElement?.id === "tab");
    await page.keyboard.press("ArrowUp"); // wraps round to Data
    assert.equal(await frame.evaluate(() => document.activeElement?.id), "page-data");
    await page.keyboard.press("ArrowUp");
    assert.equal(await frame.isChecked("#page-leads"), true);
    const saved = await save();
    assert.deepEqual(
      { entityId: saved.entityId, name: saved.suggestedDisplayName, hash: new URL(saved.contentUrl).hash },
      { entityId: "hub-leads", name: "Leads", hash: "#leads" },
    );
  });

  it("when nothing is changed and Teams saves, then the tab shows the practice library", async () => {
    await openSettings();
    const saved = await save();
    assert.equal(saved.entityId, "hub-library");
    assert.equal(saved.suggestedDisplayName, "Practice library");
    assert.equal(new URL(saved.contentUrl).hash, "#library");
    assert.equal(new URL(saved.contentUrl).searchParams.get("surface"), "channel");
  });

  it("when the settings page is opened outside Teams, then it says so and its three choices are labelled", async () => {
    await page.goto(`${service.url}/tab/config.html`);
    await page.waitForFunction(() => (document.getElementById("note")?.textContent ?? "") !== "");
    assert.match((await page.locator("#note").textContent()) ?? "", /Open this page from Teams/);
    assert.deepEqual(await page.locator("fieldset label").allTextContents(), ["Practice library", "Leads", "Data"]);
    assert.equal(await page.getByLabel("Leads").getAttribute("type"), "radio");
    assert.equal(await page.locator("fieldset legend").textContent(), "Which page should this tab show?");
  });
});
