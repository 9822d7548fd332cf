import assert from "node:assert/strict";
import { main as migrate } from "../../src/cli/migrate";
import type { CirculationRound } from "../../src/circulation/circulation-store";
import { TableCirculationStore } from "../../src/circulation/table-circulation-store";
import { roundResponses } from "../../src/circulation/record-response";
import { fullContent, EMPTY_DETAILS, type Proforma } from "../../src/proforma/proforma";
import { toEntity } from "../../src/proforma/proforma-entity";
import { TableProformaStore } from "../../src/proforma/table-proforma-store";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { storageFromConnectionString, type Storage } from "../../src/storage/open-storage";
import { safeKey } from "../../src/storage/table-limits";
import { startTestAzurite } from "../support/test-service";

const HACKNEY = "E09000012";
const AUTHOR = "00000000-0000-4000-8000-00000000a001";
const ID = "01JMIGRATE0000000000000001";
const ROUND: CirculationRound = {
  id: "01JMIGRATER0UND00000000001",
  deadline: "2026-03-20",
  openedAt: "2026-03-01T09:00:00.000Z",
  openedBy: "c",
  openedByName: "Cora",
};

function record(): Proforma {
  return {
    ...EMPTY_DETAILS,
    title: "Stored before the transaction layout",
    borough: HACKNEY,
    outcomeAreas: ["education"],
    summary: "Summary",
    impact: "Impact",
    contactName: "Ann",
    consentScope: "liia",
    noPersonalData: true,
    id: ID,
    status: "submitted",
    authorId: AUTHOR,
    authorName: "Ann Example",
    tenantId: "t",
    createdAt: "2026-03-02T10:00:00.000Z",
    updatedAt: "2026-03-02T10:04:00.000Z",
    // The old counter: three draft saves, then the submit.
    version: 4,
    demo: false,
  };
}

/** Writes one proforma exactly as the service stored it before saves were one transaction. */
async function storeOldLayout(storage: Storage): Promise<void> {
  const p = record();
  const { revision: _revision, ...old } = toEntity(p);
  await storage.tableClient("proformas").upsertEntity(old, "Replace");
  for (const [n, action] of [
    [1, "draft"],
    [2, "draft"],
    [3, "draft"],
    [4, "submitted"],
  ] as const) {
    const { partitionKey: _pk, rowKey: _rk, revision: _rev, ...content } = toEntity({ ...fullContent(p), status: action === "draft" ? "draft" : "submitted" });
    await storage.tableClient("proformaversions").upsertEntity(
      {
        ...content,
        partitionKey: ID,
        rowKey: String(n).padStart(6, "0"),
        borough: HACKNEY,
        action,
        at: `2026-03-02T10:0${n}:00.000Z`,
        actorId: AUTHOR,
        actorName: "Ann Example",
        changed: "[]",
        comment: "",
        version: n,
      },
      "Replace",
    );
  }
  await storage
    .tableClient("authored")
    .upsertEntity({ partitionKey: safeKey(AUTHOR), rowKey: ID, borough: HACKNEY, title: p.title, status: p.status, updatedAt: p.updatedAt }, "Replace");
  const circulations = new TableCirculationStore(storage);
  await circulations.open(ROUND);
  await circulations.recordResponse(ROUND.id, { borough: HACKNEY, proformaId: ID, status: "submitted", at: p.updatedAt });
}

async function count(storage: Storage, table: "proformaversions" | "authored"): Promise<number> {
  let n = 0;
  for await (const _ of storage.tableClient(table).listEntities()) n++;
  return n;
}

describe("proformas stored in the older layout", function () {
  let azurite: EmbeddedAzurite;
  let storage: Storage;
  let store: TableProformaStore;
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };

  before(async () => {
    azurite = await startTestAzurite();
    storage = storageFromConnectionString(azurite.connectionString);
    await storage.ensureTables();
    store = new TableProformaStore(storage);
    await storeOldLayout(storage);
  });
  after(async () => {
    await azurite?.stop();
  });

  const env = () => ({ STORAGE_CONNECTION_STRING: azurite.connectionString });

  it("when nothing has been migrated, then history, my proformas and the round's responses still read", async () => {
    assert.deepEqual(
      (await store.versions(ID)).map((v) => v.action),
      ["draft", "draft", "draft", "submitted"],
    );
    assert.deepEqual(
      (await store.listByAuthor(AUTHOR)).map((e) => e.id),
      [ID],
    );
    const circulations = new TableCirculationStore(storage);
    assert.deepEqual(
      (await roundResponses({ proformas: store, circulations }, ROUND)).map((r) => `${r.borough}:${r.status}`),
      [`${HACKNEY}:submitted`],
    );
  });

  it("when npm run migrate runs, then every row moves once, version numbers count what was shared, and a second run moves nothing", async () => {
    assert.equal(await migrate([], io, env()), 0);
    assert.match(lines.join("\n"), /moved 4 version rows \(1 proformas renumbered\), 1 author lines, 1 circulation responses/);
    assert.equal(await count(storage, "proformaversions"), 0);
    assert.equal(await count(storage, "authored"), 0);
    const versions = await store.versions(ID, HACKNEY);
    assert.deepEqual(
      versions.map((v) => `${v.revision}:${v.version}:${v.action}`),
      ["1:0:draft", "2:0:draft", "3:0:draft", "4:1:submitted"],
    );
    const stored = await store.get(HACKNEY, ID);
    assert.equal(stored?.version, 1, "one submission is version 1");
    assert.equal(stored?.revision, 4);
    assert.deepEqual(
      (await store.listByAuthor(AUTHOR)).map((e) => e.title),
      [record().title],
    );
    const circulations = new TableCirculationStore(storage);
    assert.equal((await circulations.responses(ROUND.id)).length, 0);
    assert.equal((await roundResponses({ proformas: store, circulations }, ROUND)).length, 1);

    lines.length = 0;
    assert.equal(await migrate([], io, env()), 0);
    assert.match(lines.join("\n"), /moved 0 version rows \(0 proformas renumbered\), 0 author lines, 0 circulation responses/);
    assert.equal((await store.versions(ID, HACKNEY)).length, 4);
  });

  it("when a run stopped after writing a row's new place but before deleting the old, then the next run completes it", async () => {
    await storeOldLayout(storage);
    // The record and round exist already; the old rows are back, as if the first run had stopped.
    assert.equal(await count(storage, "proformaversions"), 4);
    assert.equal(await migrate([], io, env()), 0);
    assert.equal(await count(storage, "proformaversions"), 0);
    assert.equal((await store.versions(ID, HACKNEY)).length, 4, "no version twice");
    assert.equal((await store.listByAuthor(AUTHOR)).length, 1);
  });
});
