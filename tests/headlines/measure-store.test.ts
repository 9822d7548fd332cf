import assert from "node:assert/strict";
import { TableClient, TableServiceClient } from "@azure/data-tables";
import { startEmbeddedAzurite, type EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { analyseFiles, type AnalysisResult } from "../../src/analysis/run-analysis";
import { TableMeasureStore } from "../../src/headlines/table-measure-store";
import { safeKey } from "../../src/headlines/table-keys";
import { SEED_DATA } from "../analysis/support";
import { HACKNEY_AND_CITY } from "../../src/analysis/geography";

describe("Table measure store against Azurite", () => {
  let azurite: EmbeddedAzurite;
  let measures: TableClient;
  let headlines: TableClient;
  let result: AnalysisResult;

  before(async () => {
    result = await analyseFiles([SEED_DATA]);
    azurite = await startEmbeddedAzurite();
    const options = { allowInsecureConnection: true };
    const service = TableServiceClient.fromConnectionString(azurite.connectionString, options);
    await service.createTable("measures");
    await service.createTable("headlines");
    measures = TableClient.fromConnectionString(azurite.connectionString, "measures", options);
    headlines = TableClient.fromConnectionString(azurite.connectionString, "headlines", options);
  });
  after(async () => {
    await azurite?.stop();
  });

  it("when keys hold forbidden characters, then they are escaped reversibly and distinct", () => {
    assert.equal(safeKey("a/b\\c#d?e\u0001f%g"), "a%2Fb%5Cc%23d%3Fe%01f%25g");
    assert.notEqual(safeKey("a/b"), safeKey("a%2Fb"));
  });

  it("when a run is saved, then the latest headlines come back in rank order with source and checksum", async () => {
    const store = new TableMeasureStore(measures, headlines, () => new Date("2026-11-30T09:00:00Z"));
    const sources = result.sources.map((s) => ({ name: s.name, checksum: s.checksum }));
    const runId = await store.saveRun(
      result.measures.filter((m) => m.measure.startsWith("cla-rate")),
      result.headlines.slice(0, 5),
      sources,
    );
    const back = await store.latestHeadlines(3);
    assert.equal(back.length, 3);
    assert.deepEqual(
      back.map((h) => h.rank),
      [1, 2, 3],
    );
    assert.equal(back[0]!.runId, runId);
    assert.equal(back[0]!.text, result.headlines[0]!.text);
    assert.equal(back[0]!.synthetic, true);
    assert.match(back[0]!.checksum, /^[0-9a-f]{64}/);
    assert.ok(result.headlines[0]!.comparison, "the headline carries its comparators");
    assert.deepEqual(back[0]!.comparison, result.headlines[0]!.comparison, "comparators and trend kept as they were computed");
    const eastLondon = await store.listMeasures({ measure: "cla-rate-per-pupil", areaCode: "east-london" });
    assert.ok(
      eastLondon.some((m) => m.value !== null && m.areaName === "East London"),
      "East London's figures are stored beside the boroughs'",
    );
  });

  it("when measures are listed for one area, then only that area's rows return, suppressed ones without numbers", async () => {
    const rows = await new TableMeasureStore(measures, headlines).listMeasures({ measure: "cla-rate", areaCode: "E09000001" });
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.equal(r.areaCode, "E09000001");
      assert.equal(r.suppressed, true);
      assert.deepEqual([r.numerator, r.denominator, r.value, r.ratio], [null, null, null, null]);
    }
    const hackney = await new TableMeasureStore(measures, headlines).listMeasures({ measure: "cla-rate-per-pupil", areaCode: "E09000012" });
    const expected = result.measures.filter((m) => m.measure === "cla-rate-per-pupil" && m.areaCode === "E09000012");
    assert.equal(hackney.length, expected.length);
    const one = hackney.find((r) => r.group === "Black Caribbean" && r.period === "2025")!;
    const src = expected.find((m) => m.group === "Black Caribbean" && m.period === "2025")!;
    assert.deepEqual([one.numerator, one.denominator, one.value, one.ratio], [src.numerator, src.denominator, src.value, src.ratio]);
  });

  it("when Hackney with City of London is stored and then Hackney alone, then only one view is ever held, so City cannot be worked out", async () => {
    const store = new TableMeasureStore(measures, headlines, () => new Date("2026-11-30T10:00:00Z"));
    const sources = result.sources.map((s) => ({ name: s.name, checksum: s.checksum }));
    const combined = await analyseFiles([SEED_DATA], { combineCityWithHackney: true });
    const lean = (rows: typeof result.measures) => rows.filter((m) => m.measure === "cla-rate-per-pupil" || m.measure === "cla-rate");
    await store.saveRun(lean(combined.measures), combined.headlines, sources);
    assert.ok((await store.listMeasures({ measure: "cla-rate-per-pupil", areaCode: HACKNEY_AND_CITY })).length > 0);
    const later = new TableMeasureStore(measures, headlines, () => new Date("2026-11-30T11:00:00Z"));
    await later.saveRun(lean(result.measures), result.headlines, sources);
    assert.deepEqual(await later.listMeasures({ measure: "cla-rate-per-pupil", areaCode: HACKNEY_AND_CITY }), [], "the combined view is gone");
    const all = await later.listMeasures({ measure: "cla-rate-per-pupil" });
    assert.ok(all.every((m) => m.areaCode !== HACKNEY_AND_CITY));
    // Nothing of the earlier run is left in storage either, not only hidden from the reader.
    const left: string[] = [];
    for await (const e of measures.listEntities({ queryOptions: { select: ["runId"] } })) left.push(String(e.runId));
    assert.deepEqual([...new Set(left)], [(await later.latestHeadlines(1))[0]!.runId]);
    // Headlines of earlier runs are held for the two-person rule, but never one counting Hackney the other way.
    const headlineRuns = new Set<string>();
    for await (const e of headlines.listEntities({ queryOptions: { select: ["runId"] } })) if (e.partitionKey !== "latest") headlineRuns.add(String(e.runId));
    assert.deepEqual([...headlineRuns], [(await later.latestHeadlines(1))[0]!.runId], "the combined run's headlines are gone");
  });

  it("when real figures are stored after the demo, then no synthetic row is left to mix into a chart", async () => {
    const store = new TableMeasureStore(measures, headlines, () => new Date("2026-11-30T12:00:00Z"));
    const real = result.measures.filter((m) => m.measure === "cla-rate-per-pupil" && m.areaCode === "E09000025").map((m) => ({ ...m, synthetic: false }));
    await store.saveRun(real, [], []);
    const back = await store.listMeasures({ measure: "cla-rate-per-pupil" });
    assert.equal(back.length, real.length);
    assert.ok(back.every((m) => !m.synthetic && m.areaCode === "E09000025"));
  });

  it("when nothing has been stored, then latest headlines are an empty list", async () => {
    const empty = TableClient.fromConnectionString(azurite.connectionString, "emptyheadlines", { allowInsecureConnection: true });
    await empty.createTable();
    assert.deepEqual(await new TableMeasureStore(measures, empty).latestHeadlines(5), []);
  });
});
