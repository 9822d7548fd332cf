import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsvTable } from "../../src/analysis/csv-table";
import type { MeasureRow } from "../../src/analysis/measure-row";
import { roundHalfAway } from "../../src/analysis/rounding";
import { analyseFiles, type AnalysisResult } from "../../src/analysis/run-analysis";
import { near, requireSharedData, SHARED_DATA } from "./support";

/**
 * The figures DfE and ONS publish, reproduced from ../shared/data: every rate to the published
 * rounding, every ratio within 0.03 of the ratio of the published rates.
 */
describe("published figures reproduced from the real files", () => {
  let result: AnalysisResult;
  const find = (measure: string, area: string, period: string, group: string, level: string | null = null): MeasureRow | undefined =>
    result.measures.find((m) => m.measure === measure && m.areaCode === area && m.period === period && m.group === group && m.level === level);
  const csv = (name: string) => {
    const t = parseCsvTable(readFileSync(path.join(SHARED_DATA, name), "utf8"));
    return { rows: t.rows, get: (row: string[], column: string) => row[t.column(column)] ?? "" };
  };

  before(async function () {
    requireSharedData(this);
    result = await analyseFiles([SHARED_DATA]);
  });

  it("when CLA, starts and ceases are shown, then every area and year has DfE's rate per 10,000 (whole numbers), as published", () => {
    const f = csv("cla_number_and_rate_per_10k_children_east_london.csv");
    const measures: Record<string, string> = {
      "Children looked after on 31 March each year": "cla-rate",
      "Children starting to be looked after each year": "cla-starting-rate",
      "Children ceasing to be looked after each year": "cla-ceasing-rate",
    };
    let checked = 0;
    for (const r of f.rows) {
      const published = Number(f.get(r, "rate_per_10000"));
      const code = f.get(r, "new_la_code") || f.get(r, "region_code") || f.get(r, "country_code");
      if (!Number.isFinite(published) || f.get(r, "rate_per_10000") === "" || code === "E09000001") continue;
      const m = find(measures[f.get(r, "population_type")]!, code, f.get(r, "time_period"), "All");
      if (!m) continue;
      assert.equal(m.value, published, `${f.get(r, "la_name") || code} ${f.get(r, "time_period")}`);
      assert.equal(m.valueSource, "published");
      // Our own division agrees to DfE's rounding, within 1 where DfE rounded the count to 10.
      assert.ok(Math.abs(roundHalfAway((1e4 * m.numerator!) / m.denominator!) - published) <= (m.countRounding ? 1 : 0));
      checked++;
    }
    assert.ok(checked >= 120, `checked ${checked}`);
  });

  it("when England's exclusions by ethnic group are shown, then the three published rates match to 2 dp and ratios within 0.03", () => {
    const f = csv("national_exclusions_by_ethnicity_201112_to_201617.csv");
    const rates: [string, string][] = [
      ["permanent-exclusion-rate", "perm_excl_rate"],
      ["suspension-rate", "one_plus_fixed_rate"],
      ["fixed-period-exclusion-rate", "fixed_excl_rate"],
    ];
    const wbri = new Map<string, number>();
    for (const r of f.rows)
      if (f.get(r, "school_type") === "Total" && f.get(r, "characteristic_1") === "Ethnicity_Minor_White_British")
        for (const [, col] of rates) wbri.set(`${f.get(r, "year")}|${col}`, Number(f.get(r, col)));
    let checked = 0;
    for (const r of f.rows) {
      if (f.get(r, "school_type") !== "Total" || !f.get(r, "characteristic_1").startsWith("Ethnicity_Minor_")) continue;
      const period = `${f.get(r, "year").slice(0, 4)}/${f.get(r, "year").slice(4)}`;
      for (const [measure, col] of rates) {
        const published = Number(f.get(r, col));
        const m = result.measures.find(
          (x) =>
            x.measure === measure &&
            x.areaCode === "E92000001" &&
            x.period === period &&
            x.source.includes("exclusions") &&
            x.numerator !== null &&
            !x.suppressed &&
            near(
              x.numerator,
              Number(f.get(r, measure === "permanent-exclusion-rate" ? "perm_excl" : measure === "suspension-rate" ? "one_plus_fixed" : "fixed_excl")),
              0,
            ) &&
            near(x.denominator, Number(f.get(r, "headcount")), 0),
        );
        if (!m || !Number.isFinite(published)) continue;
        assert.equal(m.value, published, `${measure} ${m.group} ${period}`);
        const ref = wbri.get(`${f.get(r, "year")}|${col}`)!;
        // Ratios from counts, against the ratio of the published rates (2 dp rates: compare where both are well above rounding).
        if (m.ratio !== null && published >= 0.5 && ref >= 0.5)
          assert.ok(Math.abs(m.ratio - published / ref) <= 0.03, `${measure} ${m.group}: ${m.ratio} vs ${published / ref}`);
        checked++;
      }
    }
    assert.ok(checked >= 300, `checked ${checked}`);
    // The review's fixtures (reference/disparity-methods.md section 1.7).
    const bc = (measure: string) => find(measure, "E92000001", "2016/17", "Black Caribbean")!;
    assert.ok(near(bc("permanent-exclusion-rate").ratio, 2.79, 0.03) && near(bc("suspension-rate").ratio, 2.5, 0.03));
    assert.ok(near(find("cla-rate-per-pupil", "E09000012", "2017", "Black")!.ratio, 1.4, 0.03));
  });

  it("when England's CLA by ethnic group is shown, then counts are the published (rounded) counts and shares the published whole per cent", () => {
    const f = csv("national_cla_on_31_march_by_ethnicity.csv");
    let checked = 0;
    for (const r of f.rows) {
      const label = f.get(r, "characteristic").replace(/^\d+[a-z]?\.\s+/, "");
      const share = result.measures.find(
        (m) =>
          m.measure === "cla-share" &&
          m.areaCode === "E92000001" &&
          m.period === f.get(r, "time_period") &&
          m.numerator === Number(f.get(r, "number")) &&
          m.group !== "All" &&
          labelMatches(m.group, label),
      );
      const published = Number(f.get(r, "percentage"));
      if (!share || !Number.isFinite(published) || f.get(r, "percentage") === "") continue;
      assert.equal(share.value, published, `${label} ${f.get(r, "time_period")}`);
      assert.equal(share.countRounding, 10);
      checked++;
    }
    assert.ok(checked >= 60, `checked ${checked}`);
    const black = find("cla-rate-per-pupil", "E92000001", "2024", "Black African")!;
    assert.ok(
      black.numerator! > 0 && black.noBase && !black.suppressed,
      "published 2024 counts are shown, with no base (the school census held ends in 2021/22)",
    );
  });

  it("when the population is described, then Census 2021 shares by minor and major group (White British included) are a measure", () => {
    const f = csv("census2021_ts021_ethnic_group_all_ages_east_london.csv");
    const newham = f.rows.filter((r) => f.get(r, "area_code") === "E09000025" && Number(f.get(r, "ethnic_group_20_code")) > 0);
    const total = newham.reduce((s, r) => s + Number(f.get(r, "observation")), 0);
    const wbri = newham.find((r) => f.get(r, "ethnic_group_20_code") === "13")!;
    const m = find("population-share", "E09000025", "2021", "White British")!;
    assert.ok(near(m.value, (100 * Number(f.get(wbri, "observation"))) / total, 1e-9));
    for (const g of ["White", "Mixed", "Asian", "Black", "Other", "Bangladeshi"]) assert.ok(find("population-share", "E09000025", "2021", g), g);
  });

  it("when England's CLA rate is traced over time, then 2012 has no rate on a borrowed base and 2013 is DfE's 60", () => {
    const y2012 = find("cla-rate", "E92000001", "2012", "All");
    assert.ok(!y2012 || y2012.value === null, "no rate of 101 from the exclusions headcount");
    assert.equal(roundHalfAway(find("cla-rate", "E92000001", "2013", "All")!.value!), 60);
    const england = result.changes.find((c) => c.measure === "cla-rate" && c.areaCode === "E92000001" && c.group === "All")!;
    assert.equal(england.first.period, "2013");
    assert.equal(england.direction, "higher", "60 in 2013 to 67 in 2025");
  });
});

/** DfE's CLA labels against our group names, for the few where they differ. */
function labelMatches(group: string, label: string): boolean {
  const aliases: Record<string, string> = {
    "White Irish": "White Irish",
    "Traveller of Irish Heritage": "Traveller of Irish heritage",
    "Gypsy Roma": "Gypsy/Roma",
    Caribbean: "Black Caribbean",
    African: "Black African",
  };
  return group === (aliases[label] ?? label) || group.toLowerCase() === label.toLowerCase();
}
