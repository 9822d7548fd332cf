import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { writeNationalFiles } from "../../bench/national-files";
import { areaScope, DEFAULT_SCOPE } from "../../src/analysis/area-scope";
import { CATALOGUE, parseCatalogue } from "../../src/analysis/catalogue";
import { MAX_ROW_CHARS } from "../../src/analysis/csv-table";
import { listCsvFiles, readSourceFile } from "../../src/analysis/io/read-source-file";
import { streamCsv, type CsvHead } from "../../src/analysis/io/stream-csv";
import { loadDataset, loadDatasetFile } from "../../src/analysis/load-dataset";
import { analyseFiles } from "../../src/analysis/run-analysis";
import { main } from "../../src/cli/analyse";
import { SEED_DATA } from "./support";

const SPC = path.join(SEED_DATA, "synthetic_spc_pupils_by_ethnicity.csv");

describe("reading national-size files as streams, for the areas in scope only", () => {
  let dir: string;
  let extract: string;
  let national: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hub-national-"));
    extract = path.join(dir, "extract");
    national = path.join(dir, "national");
    mkdirSync(extract);
    for (const name of [path.basename(SPC), "synthetic_cla_by_ethnicity.csv", "synthetic_ons_population_0_17.csv"])
      copyFileSync(path.join(SEED_DATA, name), path.join(extract, name));
    // Every local-authority row again for invented authorities (other codes and names), 3 times the size.
    writeNationalFiles(extract, national, 3);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("when files also hold rows for other areas, then the measures are the same and progress says how many rows were read and kept", async () => {
    const progress: string[] = [];
    const own = await analyseFiles([extract]);
    const whole = await analyseFiles([national], { onProgress: (m) => progress.push(m) });
    assert.ok(own.measures.length > 0);
    assert.deepEqual(whole.measures, own.measures);
    assert.deepEqual(whole.headlines, own.headlines);
    assert.equal(whole.sources.length, 3);
    for (const s of whole.sources) {
      const before = own.sources.find((e) => e.name === s.name)!;
      assert.ok(s.rows >= before.rows * 2, `${s.name} holds other areas' rows`);
      assert.equal(s.kept, before.rows);
      assert.equal(s.observations, before.observations);
      assert.ok(progress.includes(`read ${s.name}: ${s.rows} rows read, ${s.kept} kept for the areas in scope, ${s.observations} counts`), s.name);
    }
  });

  it("when a comparator area is asked for, then its rows are kept too; a comparator that is not a GSS code is refused", async () => {
    const file = path.join(national, path.basename(SPC));
    const everyArea = await loadDatasetFile(file, CATALOGUE, { codes: [], has: () => true });
    const invented = everyArea.observations.find((o) => !DEFAULT_SCOPE.has(o.areaCode))!.areaCode;
    assert.match(invented, /^E0[689]9\d{5}$/);
    const loaded = await loadDatasetFile(file, CATALOGUE, areaScope([invented]));
    const own = loadDataset(readSourceFile(SPC));
    assert.ok(loaded.observations.some((o) => o.areaCode === invented));
    assert.ok(loaded.kept > own.kept);
    assert.throws(() => areaScope(["Camden"]), /not a GSS area code: Camden/);
    let err = "";
    const code = await main(["--comparators=Camden", SEED_DATA], { out: () => undefined, err: (t) => (err += t) });
    assert.equal(code, 2);
    assert.match(err, /not a GSS area code: Camden/);
  });

  it("when a file has a column no catalogue entry uses, then it is not read; once an entry uses it, it is", async () => {
    const loaded = await loadDatasetFile(SPC);
    assert.ok(loaded.columns.includes("headcount"));
    assert.ok(!loaded.columns.includes("percent_of_pupils"));
    assert.ok(!loaded.columns.includes("time_identifier"));
    const extended = parseCatalogue({
      ...CATALOGUE,
      datasets: CATALOGUE.datasets.map((d) =>
        d.id === "spc-pupils-by-ethnicity" ? { ...d, published: [{ stage: "pupils", column: "percent_of_pupils" }] } : d,
      ),
    });
    const again = await loadDatasetFile(SPC, extended);
    assert.ok(again.columns.includes("percent_of_pupils"));
    assert.ok(again.published.length > 0);
  });

  it("when a file is streamed, then it gives exactly what reading its whole text gives", async () => {
    for (const f of listCsvFiles([SEED_DATA])) assert.deepEqual(await loadDatasetFile(f), loadDataset(readSourceFile(f)), f);
  });

  it("when a quote or a comment line never closes, then the read stops with a message naming the file instead of filling memory", async () => {
    const file = path.join(dir, "broken.csv");
    writeFileSync(file, `time_period,new_la_code,la_name,age_group,population_estimate\n2024,E09000012,"Hackney${"x".repeat(MAX_ROW_CHARS)}\n`);
    await assert.rejects(loadDatasetFile(file), /^Error: broken\.csv: Max Record Size: record exceed the maximum number of tolerated bytes of 1048576/);
    writeFileSync(file, `# ${"x".repeat(MAX_ROW_CHARS + 10)}`);
    await assert.rejects(loadDatasetFile(file), /^Error: broken\.csv: the '#' comment lines before the header are longer than 1048576 bytes/);
  });

  it("when the BOM and comment lines arrive split across chunks, then the comments, header and rows still come out whole", async () => {
    const bytes = Buffer.from('\ufeff# SYNTHETIC demo\r\n# second\r\nname,"n"\r\n"Hackney, E8",3\r\nNewham,#4\r\n');
    const chunks = [1, 2, 5, 9, 17, 22, 30].map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end));
    chunks.push(bytes.subarray(30));
    let head: CsvHead | undefined;
    const rows: string[][] = [];
    const read = await streamCsv(Readable.from(chunks), { begin: (h) => ((head = h), [1, 0]), row: (r) => rows.push(r) });
    assert.deepEqual(head, { header: ["name", "n"], comments: ["SYNTHETIC demo", "second"] });
    assert.deepEqual(rows, [
      ["3", "Hackney, E8"],
      ["#4", "Newham"],
    ]);
    assert.equal(read.rows, 2);
  });
});
