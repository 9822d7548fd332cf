import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { analyseFiles, type AnalysisResult } from "../../src/analysis/run-analysis";
import { toContractJson } from "../../src/analysis/contract";
import { listCsvFiles } from "../../src/analysis/io/read-source-file";
import { SEED_DATA } from "./support";
import { renderReport } from "../../src/analysis/report";

describe("synthetic demo datasets in seeds/data", () => {
  const files = listCsvFiles([SEED_DATA]);
  let result: AnalysisResult;
  before(async () => {
    result = await analyseFiles([SEED_DATA]);
  });

  it("when the seed files are listed, then every one is named, marked and flagged synthetic", () => {
    assert.ok(files.length >= 7);
    for (const f of files) {
      assert.match(path.basename(f), /^synthetic_/);
      const text = readFileSync(f, "utf8");
      assert.match(text.split("\n")[0]!, /^# SYNTHETIC/);
      assert.match(text.split("\n")[1]!, /data_status$/);
    }
    assert.ok(result.sources.every((s) => s.synthetic && s.problem === null && s.unknownLabels.length === 0));
  });

  it("when the seeds are analysed, then every topic a borough file can hold gives measures", () => {
    const measures = new Set(result.measures.map((m) => m.measure));
    for (const m of [
      "cin-rate",
      "cpp-rate",
      "cla-rate",
      "sen-support-rate",
      "ehc-plan-rate",
      "suspension-rate",
      "permanent-exclusion-rate",
      "yj-first-time-entrant-rate",
      "social-care-ladder",
      "send-ladder",
      "exclusion-ladder",
      "youth-justice-ladder",
    ]) {
      assert.ok(measures.has(m), `no ${m}`);
    }
  });

  it("when headlines come from seed data, then every one says it is synthetic", () => {
    assert.ok(result.headlines.length > 0);
    for (const h of toContractJson(result).headlines) assert.match(h.text, /^Synthetic demo data, not real figures: In /);
  });

  it("when the levels of intervention are chained, then the step ratios multiply to the population ratio", () => {
    const ladder = result.measures.filter(
      (m) => m.measure === "social-care-ladder" && m.areaCode === "E09000012" && m.year === 2025 && m.group === "Black Caribbean",
    );
    const cin = ladder.find((m) => m.level!.startsWith("child in need (per 10,000 pupils"))!;
    const cpp = ladder.find((m) => m.level!.startsWith("child protection"))!;
    const cppPop = result.measures.find(
      (m) => m.measure === "cpp-rate-per-pupil" && m.areaCode === "E09000012" && m.year === 2025 && m.group === "Black Caribbean",
    )!;
    assert.ok(cin.ratio && cpp.ratio && cppPop.ratio);
    assert.ok(Math.abs(cin.ratio * cpp.ratio - cppPop.ratio) < 1e-9, `${cin.ratio} x ${cpp.ratio} vs ${cppPop.ratio}`);
  });

  it("when a borough has counts by ethnic group at each level, then its page says where disparity enters and what is too small to say", () => {
    const out = renderReport(result);
    const page = out.slice(out.indexOf("== Hackney =="), out.indexOf("== Havering =="));
    assert.match(page, /Where disparity enters[^\n]*\n- child in need \(per 10,000 pupils[^\n]*times the White British rate/);
    assert.match(page, /Too small to say:\n- .* not shown \(a count from 1 to 9, or one that would reveal it\)/);
    assert.match(page, /Synthetic demo data, not real figures/);
  });

  it("when no seed count from 1 to 9 is published, then none is shown: demo data is suppressed like a borough's own", () => {
    const shown = toContractJson(result).measures.filter((m) => !m.suppressed && m.numerator !== null && m.numerator >= 1 && m.numerator <= 9);
    assert.deepEqual(
      shown.map((m) => `${m.measure} ${m.area_code} ${m.group}`),
      [],
    );
  });

  it("when youth justice counts are read, then the 10-17 population in the same file is the base", () => {
    const m = result.measures.find((x) => x.measure === "yj-first-time-entrant-rate" && x.group === "Black" && x.areaCode === "E09000025" && x.year === 2025)!;
    assert.equal(m.denominatorStage, "population-10-17");
  });

  it("when the source shows 'c' in a seed table, then the measure is suppressed and explained", () => {
    const hidden = result.measures.filter((m) => m.suppressed);
    assert.ok(hidden.some((m) => /source shows 'c'/.test(m.note ?? "")));
    assert.ok(hidden.every((m) => m.note));
  });
});
