import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { TableActivityFeed } from "../../src/activity-feed/activity-feed";
import { TableCirculationStore } from "../../src/circulation/table-circulation-store";
import { main as exportMain } from "../../src/cli/export";
import { main as seedMain } from "../../src/cli/seed";
import { isoWeek } from "../../src/domain/iso-week";
import { csvCell } from "../../src/library/export-csv";
import { fullContent, type Proforma } from "../../src/proforma/proforma";
import { TableProformaStore } from "../../src/proforma/table-proforma-store";
import { storageFromConnectionString, type Storage } from "../../src/storage/open-storage";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { launchChromium, needChromium } from "../support/browser";
import { startTestAzurite } from "../support/test-service";

const HOSTILE_TITLE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> "Quotes", commas & =SUM(A1)`;
const HOSTILE_ID = "01JQ00000000000000000000H1";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("seed and export of the collated library", function () {
  let azurite: EmbeddedAzurite;
  let storage: Storage;
  let env: Record<string, string>;
  let dir: string;

  before(async () => {
    azurite = await startTestAzurite();
    env = { STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: "silent" };
    storage = storageFromConnectionString(azurite.connectionString);
    await storage.ensureTables();
    dir = mkdtempSync(path.join(tmpdir(), "library-export-"));
  });
  after(async () => {
    await storage?.close();
    await azurite?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("when npm run seed runs twice, then the demo proformas are loaded once, marked demo, with feed rows and a circulation round", async () => {
    const first = capture();
    assert.equal(await seedMain([], first.io, env), 0);
    assert.match(first.out.join("\n"), /5 loaded, 0 already there/);
    const second = capture();
    assert.equal(await seedMain([], second.io, env), 0);
    assert.match(second.out.join("\n"), /0 loaded, 5 already there/);
    const store = new TableProformaStore(storage);
    const hackney = await store.get("E09000012", "01JQ0000000000000000000001");
    assert.equal(hackney?.demo, true);
    assert.equal(hackney?.status, "published");
    const feed = await new TableActivityFeed(storage).week(isoWeek(new Date()));
    assert.equal(
      feed.filter((e) => e.subjectId?.startsWith("01JQ00000000000000000000")).length,
      4,
      "one row each for the submitted and published demos, none for the draft",
    );
    assert.match((await new TableCirculationStore(storage).latest())?.deadline ?? "", /^\d{4}-\d{2}-\d{2}$/);
    const hostile: Proforma = {
      ...fullContent(hackney!),
      id: HOSTILE_ID,
      title: HOSTILE_TITLE,
      summary: "Line one\nLine two with </p><b>markup</b> and ${template} {{DATE(2026-01-01)}}",
      demo: false,
      publishedAt: "2030-01-01T00:00:00.000Z",
    };
    await store.create(hostile);
  });

  it("when exported as JSON, then the library holds every published entry with consent beyond East London, and no author ids", async () => {
    const run = capture();
    assert.equal(await exportMain(["--format", "json", "--out", path.join(dir, "json")], run.io, env), 0);
    const json = JSON.parse(readFileSync(path.join(dir, "json", "library.json"), "utf8"));
    assert.deepEqual(
      json.entries.map((e: any) => e.id).sort(),
      [HOSTILE_ID, "01JQ0000000000000000000001", "01JQ0000000000000000000002", "01JQ0000000000000000000003"].sort(),
    );
    assert.ok(!JSON.stringify(json).includes("demo-author"));
    assert.match(run.err.join("\n"), /4 entries to export as json/);
  });

  it("when exported as CSV, then quotes, commas, line breaks and formulas survive a CSV reader intact and inert", async () => {
    assert.equal(await exportMain(["--format", "csv", "--out", path.join(dir, "csv")], capture().io, env), 0);
    const rows = parse(readFileSync(path.join(dir, "csv", "library.csv"), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    assert.equal(rows.length, 4);
    const hostile = rows.find((r) => r.id === HOSTILE_ID)!;
    assert.equal(hostile.title, HOSTILE_TITLE);
    assert.equal(hostile.summary, "Line one\nLine two with </p><b>markup</b> and ${template} {{DATE(2026-01-01)}}");
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell("-1+2"), "'-1+2");
  });

  it("when the command line is used wrongly, then it says how to use it and exits 2", async () => {
    const run = capture();
    assert.equal(await exportMain(["--format", "pdf", "--out", dir], run.io, env), 2);
    assert.match(run.err.join("\n"), /usage: npm run export -- --format csv\|json\|html --out DIR/);
  });

  describe("the HTML website export in headless Chromium", function () {
    let browser: Browser;
    let html: string;
    before(async function () {
      needChromium(this);
      const run = capture();
      html = path.join(dir, "html");
      assert.equal(await exportMain(["--format", "html", "--out", html], run.io, env), 0);
      assert.match(run.err.join("\n"), /wrote 3 of 3 entry pages/);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
    });

    it("when written, then only public entries have pages and every page is self-contained", () => {
      const pages = readdirSync(path.join(html, "entries")).sort();
      assert.deepEqual(pages, [`01JQ0000000000000000000001.html`, `01JQ0000000000000000000003.html`, `${HOSTILE_ID}.html`].sort());
      const index = readFileSync(path.join(html, "index.html"), "utf8");
      assert.doesNotMatch(index, /(src|href)="(https?:)?\/\//, "no outside resources");
      assert.doesNotMatch(index, /Leadership programme/, "the liia-only entry is not on the website");
    });

    it("when the index is opened, then the entries are visible, the filters and search work, and nothing from an entry runs", async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(path.join(html, "index.html")).href);
      assert.equal(await page.getAttribute("html", "lang"), "en-GB");
      assert.equal(await page.locator("h1").count(), 1);
      assert.equal(await page.locator("#results > li:visible").count(), 3);
      assert.ok(await page.getByText(HOSTILE_TITLE, { exact: true }).isVisible(), "the hostile title shows as text");
      assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await page.locator("#results img, #results script").count(), 0);

      await page.getByLabel("Borough").selectOption({ label: "Tower Hamlets" });
      assert.equal(await page.locator("#results > li:visible").count(), 1);
      assert.equal(await page.locator("#count").textContent(), "Showing 1 of 3 entries");
      await page.getByLabel("Borough").selectOption("");
      await page.getByLabel("Ethnic group").selectOption({ label: "Mixed or Multiple ethnic groups" });
      assert.equal(await page.locator("#results > li:visible").count(), 2);
      await page.getByLabel("Ethnic group").selectOption("");
      await page.getByLabel("Search the text").fill("exclusion");
      assert.equal(await page.locator("#results > li:visible").count(), 1);
      assert.ok(await page.getByText("Reducing school exclusions for Bangladeshi and Somali boys").isVisible());
      assert.deepEqual(errors, []);
      await page.close();
    });

    it("when used from the keyboard, then every filter has a label and is reached by Tab, and an entry page opens with its text", async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(html, "index.html")).href);
      const unlabelled = await page.evaluate(
        () => Array.from(document.querySelectorAll("select, input")).filter((el) => !document.querySelector(`label[for="${el.id}"]`)).length,
      );
      assert.equal(unlabelled, 0);
      const focused: string[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press("Tab");
        focused.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ""));
      }
      assert.deepEqual(focused.slice(1), ["f-borough", "f-outcome", "f-priority", "f-ethnic", "f-level", "f-q"]);
      await page.getByLabel("Search the text").fill("family group");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL(/entries\/01JQ0000000000000000000001\.html$/);
      assert.equal(await page.locator("h1").textContent(), "Community-led family group conferences for Black families");
      assert.ok(await page.getByText("https://example.org/demo/family-group-conferences").isVisible(), "links shown as text");
      assert.equal(await page.locator("main a").count(), 0, "no live links from entries");
      const contrast = await page.evaluate(() => getComputedStyle(document.body).color);
      assert.equal(contrast, "rgb(27, 27, 27)");
      await page.goto(pathToFileURL(path.join(html, "entries", `${HOSTILE_ID}.html`)).href);
      assert.equal(await page.locator("h1").textContent(), HOSTILE_TITLE);
      assert.equal(await page.evaluate(() => (window as any).__pwned), undefined);
      assert.equal(await page.locator("main b").count(), 0, "markup in the summary is text");
      await page.close();
    });
  });
});
