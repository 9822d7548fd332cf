import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { startTestAzurite, startTestService } from "../support/test-service";
import { ANN, actionData, cardText, execute, say } from "../support/teams-client";

async function health(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, body: await res.json() };
}

async function submitOne(url: string, title: string): Promise<string> {
  const [form] = await say(url, ANN, "proforma");
  const submissionId = String(actionData(form, "proforma.submit").submissionId);
  const answer = await execute(url, ANN, "proforma.submit", {
    submissionId,
    title,
    borough: "E09000025",
    summary: "Mentoring for Black and mixed heritage boys at risk of exclusion.",
    contactName: "Ann Example",
    consentScope: "liia",
    noPersonalData: "true",
  });
  assert.match(cardText(answer.body.value), /your proforma is saved/);
  return submissionId;
}

describe("health and storage faults", function () {
  let azurite: EmbeddedAzurite | undefined;
  let service: RunningService;
  let port: number;

  before(async () => {
    azurite = await startTestAzurite();
    port = Number(new URL(azurite.url).port);
    service = await startTestService({ azurite });
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
  });

  it("when a browser opens the service's address, /tab or /tab/, then it is sent to the tab's first page", async () => {
    for (const entry of ["/", "/tab", "/tab/"]) {
      const res = await fetch(`${service.url}${entry}`, { redirect: "manual" });
      assert.equal(res.status, 302, entry);
      assert.match(res.headers.get("location") ?? "", /\/tab\/index\.html$/, entry);
    }
  });

  it("when storage answers, then health is 200 with storage ok", async () => {
    const { status, body } = await health(service.url);
    assert.equal(status, 200);
    assert.equal(body.status, "ok");
    assert.equal(body.storage, "ok");
  });

  it("when storage is down, then health is 503 down and a submit says not saved, quickly, with no storage text", async () => {
    await azurite!.stop();
    azurite = undefined;
    const { status, body } = await health(service.url);
    assert.equal(status, 503);
    assert.equal(body.storage, "down");

    const started = Date.now();
    const answer = await execute(service.url, ANN, "proforma.submit", {
      submissionId: "01KB0000000000000000000000",
      title: "Will not be saved",
      borough: "E09000025",
      summary: "s",
      contactName: "c",
      consentScope: "liia",
      noPersonalData: "true",
    });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 10_000, `answered in ${elapsed} ms`);
    const text = cardText(answer.body.value);
    assert.match(text, /Not saved: please try again/);
    assert.match(text, /nothing was saved/);
    assert.doesNotMatch(JSON.stringify(answer.body), /ECONNREFUSED|RestError|at \w+ \(/);
  });

  it("when storage comes back, then the service recovers by itself", async () => {
    azurite = await startTestAzurite(port);
    const { status } = await health(service.url);
    assert.equal(status, 200);
    await submitOne(service.url, "Saved after recovery");
  });
});

describe("embedded storage across a restart", function () {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "hub-data-"));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("when the service restarts on the same data folder, then every submission is still there", async () => {
    const env = { DATA_DIR: dataDir, EMBEDDED_TABLE_PORT: "0" };
    const first = await startTestService({ env });
    assert.match(first.storage.description, /embedded/);
    const id = await submitOne(first.url, "Kept across a restart");
    await first.stop();

    const second = await startTestService({ env });
    try {
      const stored = await second.app.proformas.get("E09000025", id);
      assert.equal(stored?.title, "Kept across a restart");
      const [mine] = await say(second.url, ANN, "my proformas");
      assert.match(cardText(mine), /Kept across a restart/);
    } finally {
      await second.stop();
    }
  });
});
