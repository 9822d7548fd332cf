import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { odata } from "@azure/data-tables";
import type { Browser, Locator, Page } from "playwright-core";
import type { RunningService } from "../../src/service";
import { launchChromium, needChromium } from "../support/browser";
import { playgroundChat } from "../support/playground-chat";
import { startPlayground, type Playground } from "../support/playground";
import { startTestService } from "../support/test-service";

const HACKNEY = "E09000012";
const TITLE = "Playground: culturally informed family group conferences";

/**
 * As a person with only the README would, in the Agents Playground (the local Teams client) in headless
 * Chromium, from a fresh start: type `proforma`, fill step 1, move on, save a draft, come back with
 * `proforma` and resume where they stopped, submit, then edit what they shared; each step checks what
 * the card shows. The entry is in Table Storage and still there after the service restarts. One
 * service, one Playground and one browser for the file.
 */
describe("end to end in the Agents Playground: staff draft, resume, submit, edit", function () {
  this.timeout(180_000);
  let dataDir: string;
  let env: Record<string, string>;
  let service: RunningService | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    needChromium(this);
    dataDir = mkdtempSync(path.join(os.tmpdir(), "hub-e2e-"));
    env = { DATA_DIR: dataDir, EMBEDDED_TABLE_PORT: "0" };
    service = await startTestService({ env });
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(playground.url);
    await composer().waitFor({ timeout: 30_000 });
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const chat = playgroundChat(() => page);
  const { composer, cards, say } = chat;
  /** This walk presses buttons by their exact names. */
  const press = (card: Locator, button: string, expect: string | RegExp) => chat.press(card, button, expect, { exact: true });
  async function choose(card: Locator, list: RegExp, option: string): Promise<void> {
    await card.getByRole("combobox", { name: list }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }
  async function records(s: RunningService): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    const filter = odata`PartitionKey eq ${HACKNEY} and RowKey lt ${"a"}`;
    for await (const e of s.storage.tableClient("proformas").listEntities({ queryOptions: { filter } })) found.push(e);
    return found;
  }

  it("when a title over 120 characters is typed, then the card keeps all of it and says the limit instead of cutting it", async () => {
    const form = await say("proforma", "Step 1 of 6: The essentials");
    assert.match(await form.innerText(), /At most 120 characters \(longer text is not cut/);
    const long = `${TITLE}, co-designed with Black Caribbean families and led by community advocates in Hackney`;
    assert.ok(long.length > 120);
    await form.getByRole("textbox", { name: /^Title/ }).fill(long);
    await choose(form, /^Borough/, "Hackney");
    await form.getByRole("checkbox", { name: "Social care" }).check();
    await form.getByRole("textbox", { name: /^Summary: the problem/ }).fill("Community advocates lead family group conferences for Black families.");
    await form.getByRole("textbox", { name: /^Lead contact/ }).fill("Alex Wilber, Head of Service");
    await choose(form, /^Consent to share/, "Share across London through LIIA");
    await form.getByRole("checkbox", { name: /no personal data about children/ }).check();
    const refused = await press(form, "Next", "Please check these fields");
    assert.match(await refused.innerText(), new RegExp(`Title is too long: at most 120 characters, this has ${long.length}\\. What you typed is kept below`));
    assert.equal(await refused.getByRole("textbox", { name: /^Title/ }).inputValue(), long);
  });

  it("when the title is shortened and Next pressed, then step 2's Scale list offers the scales, and Save draft keeps the choice", async () => {
    const form = cards().filter({ hasText: "Please check these fields" }).last();
    await form.getByRole("textbox", { name: /^Title/ }).fill(TITLE);
    const step2 = await press(form, "Next", "Step 2 of 6: Who it is for");
    await step2.getByRole("combobox", { name: /^Scale/ }).click();
    const options = await page.getByRole("option").allInnerTexts();
    assert.deepEqual(options, ["Individual practice", "Team", "Service", "Whole council", "Multi-agency partnership", "Pan-London"]);
    await page.getByRole("option", { name: "Service", exact: true }).click();
    const saved = await press(step2, "Save draft", /Draft saved at \d\d:\d\d/);
    assert.match(await saved.innerText(), /Step 2 of 6/);
    assert.equal(await saved.getByRole("combobox", { name: /^Scale/ }).inputValue(), "Service");
  });

  it("when they come back, then my proformas shows the draft's title, step and time, and proforma resumes it where they stopped", async () => {
    const mine = await say("my proformas", "My proformas");
    const text = await mine.innerText();
    assert.match(text, new RegExp(`${TITLE}\\s+Hackney · draft · step 2 of 6: Who it is for\\s+saved \\d{1,2} [A-Z][a-z]{2} \\d{4} at \\d\\d:\\d\\d`));
    const offer = await say("proforma", "You have a draft proforma");
    assert.match(await offer.innerText(), /Hackney · draft · step 2 of 6: Who it is for · saved/);
    const resumed = await press(offer, "Resume where I stopped", "Step 2 of 6: Who it is for");
    assert.equal(await resumed.getByRole("combobox", { name: /^Scale/ }).inputValue(), "Service");
  });

  it("when they submit, then they see the confirmation, and the entry is stored whole", async () => {
    const form = cards().filter({ hasText: "Step 2 of 6: Who it is for" }).last();
    const done = await press(form, "Submit", "Thank you: your proforma is saved");
    assert.match(await done.innerText(), new RegExp(TITLE));
    const rows = await records(service!);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.title, TITLE);
    assert.equal(rows[0]!.status, "submitted");
    assert.equal(rows[0]!.scale, "service");
    assert.deepEqual(JSON.parse(String(rows[0]!.outcomeAreas)), ["social-care"]);
    assert.equal(rows[0]!.consentScope, "liia");
  });

  it("when they open it from my proformas and edit a section, then the change is saved as a new version", async () => {
    const mine = await say("my proformas", "My proformas");
    assert.match(await mine.innerText(), new RegExp(`${TITLE}\\s+Hackney · submitted`));
    assert.equal(await mine.getByRole("button", { name: "Delete draft" }).count(), 0, "a shared entry is not deleted this way");
    const entry = await press(mine, "Open", /Edit this section/);
    assert.match(await entry.innerText(), new RegExp(`${TITLE}[\\s\\S]*Hackney · submitted`));
    const edit = await press(entry, "Edit this section", "Edit a shared proforma");
    await edit.getByRole("textbox", { name: /^Summary: the problem/ }).fill("Community advocates co-chair family group conferences for Black families.");
    const saved = await press(edit, "Save changes", "Changes saved");
    assert.match(await saved.innerText(), /Your changes are saved and kept as a new version/);
    assert.match(await saved.innerText(), /Community advocates co-chair/);
    const rows = await records(service!);
    assert.equal(rows[0]!.version, 2);
  });

  it("when the service restarts, then the entry is still stored", async () => {
    const before = await records(service!);
    await service!.stop();
    service = await startTestService({ env });
    const after = await records(service);
    assert.deepEqual(
      after.map((r) => [r.rowKey, r.summary]),
      before.map((r) => [r.rowKey, r.summary]),
    );
  });
});
