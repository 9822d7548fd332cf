import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { odata } from "@azure/data-tables";
import type { Browser } from "playwright-core";
import type { RunningService } from "../../src/service";
import { launchChromium, needChromium } from "../support/browser";
import { startPlayground, type Playground } from "../support/playground";
import { startTestService } from "../support/test-service";

const HACKNEY = "E09000012";

/**
 * As a person would: the Agents Playground (the local Teams client) in headless Chromium talks to the
 * running bot; type `proforma`, fill the card, submit, see the confirmation; the entry is in Table
 * Storage, and still there after the service restarts.
 */
describe("end to end in the Agents Playground", function () {
  this.timeout(120_000);
  let dataDir: string;
  let service: RunningService | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;

  before(function () {
    needChromium(this);
    dataDir = mkdtempSync(path.join(os.tmpdir(), "hub-e2e-"));
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("when a person types proforma, fills the card and submits, then they see the confirmation and the entry survives a restart", async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_TABLE_PORT: "0" };
    service = await startTestService({ env });
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);

    const composer = page.locator('[data-lexical-editor="true"][role="textbox"]');
    await composer.waitFor({ timeout: 30_000 });
    await composer.click();
    await page.keyboard.type("proforma");
    await page.keyboard.press("Enter");

    const card = page.locator(".ac-adaptiveCard").filter({ hasText: "Good practice proforma" }).last();
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole("textbox", { name: /^Title/ }).fill("Playground: culturally informed family group conferences");
    await card.getByRole("combobox", { name: /^Borough/ }).click();
    await page.getByRole("option", { name: "Hackney" }).click();
    await card.getByRole("checkbox", { name: "Social care" }).check();
    await card.getByRole("textbox", { name: /^Summary: the problem/ }).fill("Community advocates lead family group conferences for Black families.");
    await card.getByRole("textbox", { name: /^Lead contact/ }).fill("Alex Wilber, Head of Service");
    await card.getByRole("combobox", { name: /^Consent to share/ }).click();
    await page.getByRole("option", { name: "Share across London through LIIA" }).click();
    await card.getByRole("checkbox", { name: /no personal data about children/ }).check();
    await card.getByRole("button", { name: "Submit" }).click();

    await page.getByText("Thank you: your proforma is saved").last().waitFor({ timeout: 30_000 });
    await page.getByText("Playground: culturally informed family group conferences").last().waitFor();

    const rows = async (s: RunningService) => {
      const found: Record<string, unknown>[] = [];
      for await (const e of s.storage
        .tableClient("proformas")
        .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${HACKNEY} and RowKey lt ${"a"}` } }))
        found.push(e);
      return found;
    };
    const before = await rows(service);
    assert.equal(before.length, 1);
    assert.equal(before[0]!.title, "Playground: culturally informed family group conferences");
    assert.deepEqual(JSON.parse(String(before[0]!.outcomeAreas)), ["social-care"]);
    assert.equal(before[0]!.consentScope, "liia");

    await service.stop();
    service = await startTestService({ env });
    const after = await rows(service);
    assert.deepEqual(
      after.map((r) => r.rowKey),
      before.map((r) => r.rowKey),
    );
  });
});
