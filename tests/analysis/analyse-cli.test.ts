import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/analyse";
import { HEADLINE_JSON_NAMES, type MeasureJson, type HeadlineJson } from "../../src/analysis/contract";
import { parseCsvTable } from "../../src/analysis/csv-table";
import { near, requireSharedData, SHARED_DATA } from "./support";

type Contract = { measures: MeasureJson[]; headlines: HeadlineJson[] };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const MEASURE_KEYS = [
  "measure",
  "topic",
  "area_code",
  "area_name",
  "period",
  "group",
  "level",
  "numerator",
  "denominator",
  "value",
  "unit",
  "ci_low",
  "ci_high",
  "reference_group",
  "ratio",
  "ratio_ci_low",
  "ratio_ci_high",
  "suppressed",
  "source",
];
const HEADLINE_KEYS = Object.values(HEADLINE_JSON_NAMES);

describe("analyse --json on the real files", () => {
  let json: Contract;
  let stderr: string;
  before(async function () {
    requireSharedData(this);
    const r = await run(["--json", SHARED_DATA]);
    assert.equal(r.code, 0);
    json = JSON.parse(r.out) as Contract;
    stderr = r.err;
  });

  const find = (measure: string, area: string, period: string, group: string, level: string | null = null) =>
    json.measures.find((m) => m.measure === measure && m.area_code === area && m.period === period && m.group === group && m.level === level);

  it("when run, then stdout is one JSON object in the contract shape and progress went to stderr", () => {
    assert.match(stderr, /read spc_pupils/);
    for (const m of json.measures) for (const k of MEASURE_KEYS) assert.ok(k in m, `measure lacks ${k}`);
    for (const h of json.headlines) assert.deepEqual(Object.keys(h).sort(), [...HEADLINE_KEYS].sort());
    const topics = new Set<string>(json.measures.map((m) => m.topic));
    for (const t of ["social-care", "education", "workforce"]) assert.ok(topics.has(t));
    assert.ok(json.measures.every((m) => m.unit === "per 10,000" || m.unit === "per 100" || m.unit === "%"));
  });

  it("when CLA rates are computed, then every borough and year matches DfE's published rate per 10,000", () => {
    const table = parseCsvTable(readFileSync(path.join(SHARED_DATA, "cla_number_and_rate_per_10k_children_east_london.csv"), "utf8"));
    const col = (n: string) => table.column(n);
    let checked = 0;
    for (const row of table.rows) {
      if (row[col("population_type")] !== "Children looked after on 31 March each year" || row[col("geographic_level")] !== "Local authority") continue;
      const m = find("cla-rate", row[col("new_la_code")]!, row[col("time_period")]!, "All")!;
      if (row[col("new_la_code")] === "E09000001") {
        assert.equal(m.suppressed, true, "City of London is not shown alone");
        assert.equal(m.value, null);
        continue;
      }
      // Round the unrounded rate once, as DfE does (rounding the 1 dp figure again would turn 47.48 into 48).
      assert.equal(
        Math.round((10_000 * m.numerator!) / m.denominator!),
        Number(row[col("rate_per_10000")]),
        `${row[col("la_name")]} ${row[col("time_period")]}`,
      );
      assert.equal(m.value, Number(row[col("rate_per_10000")]), "the source's own rate is the one shown");
      assert.equal(m.value_source, "published");
      checked++;
    }
    assert.equal(checked, 35, "7 boroughs x 5 years");
  });

  it("when Barking and Dagenham CLA 2025 is shown, then it is 431 / 66,465: 65 as DfE publishes it, Byar 58.87-71.27 per 10,000", () => {
    const m = find("cla-rate", "E09000002", "2025", "All")!;
    assert.deepEqual([m.numerator, m.denominator, m.value], [431, 66_465, 65]);
    assert.ok(near(m.ci_low, 58.87, 0.005) && near(m.ci_high, 71.27, 0.005), `${m.ci_low}-${m.ci_high}`);
  });

  it("when CIN uses the ONS mid-year estimate, then 31 March 2025 is divided by mid-2024 children aged 0-17", () => {
    const m = find("cin-rate", "E09000002", "2025", "All")!;
    assert.deepEqual([m.numerator, m.denominator], [2_578, 66_465]);
  });

  it("when exclusion rates are computed, then they match DfE's published rates for every group in 2016/17", () => {
    const table = parseCsvTable(readFileSync(path.join(SHARED_DATA, "national_exclusions_by_ethnicity_201112_to_201617.csv"), "utf8"));
    const c = (n: string) => table.column(n);
    const wbri = find("suspension-rate", "E92000001", "2016/17", "White British")!;
    assert.equal(wbri.value, 2.34, "the published rate, to its published 2 dp");
    let checked = 0;
    for (const row of table.rows) {
      if (row[c("year")] !== "201617" || row[c("school_type")] !== "Total" || row[c("characteristic_1")] !== "Ethnicity_Minor_Black_Caribbean") continue;
      const susp = find("suspension-rate", "E92000001", "2016/17", "Black Caribbean")!;
      const perm = find("permanent-exclusion-rate", "E92000001", "2016/17", "Black Caribbean")!;
      const s = (100 * susp.numerator!) / susp.denominator!;
      assert.equal(Math.round(s * 100) / 100, Number(row[c("one_plus_fixed_rate")]));
      assert.equal(Math.round(((100 * perm.numerator!) / perm.denominator!) * 100) / 100, Number(row[c("perm_excl_rate")]));
      const r2 = (x: number | null) => Math.round(x! * 100) / 100;
      assert.deepEqual([perm.ratio, perm.ratio_ci_low, perm.ratio_ci_high].map(r2), [2.79, 2.47, 3.16]);
      assert.deepEqual([susp.ratio, susp.ratio_ci_low, susp.ratio_ci_high].map(r2), [2.5, 2.44, 2.57]);
      checked++;
    }
    assert.equal(checked, 1);
  });

  it("when Hackney CLA 2017 is compared per pupil, then Black vs White is 1.40 (1.10-1.79) with the school census named", () => {
    const m = find("cla-rate-per-pupil", "E09000012", "2017", "Black")!;
    assert.equal(m.reference_group, "White", "the old SFR has no White British split");
    assert.deepEqual([m.numerator, m.denominator], [156, 10_569]);
    assert.ok(near(m.ratio, 1.4, 0.005) && near(m.ratio_ci_low, 1.1, 0.005) && near(m.ratio_ci_high, 1.79, 0.005));
    assert.match(m.note!, /school census/);
  });

  it("when the old SFR groups Chinese under Other, then its Asian is compared only with pupils defined the same way", () => {
    const asian = find("cla-rate-per-pupil", "E09000012", "2017", "Asian (not Chinese)")!;
    assert.ok(asian.denominator! > 0);
    assert.equal(find("cla-rate-per-pupil", "E09000012", "2017", "Asian"), undefined);
  });

  it("when workforce shares are computed, then they match DfE's published percentages of known ethnicity", () => {
    const table = parseCsvTable(readFileSync(path.join(SHARED_DATA, "csww_ethnicity_by_role_2019_2025_east_london.csv"), "utf8"));
    const c = (n: string) => table.column(n);
    const names: Record<string, string> = { White: "White", "Black / African / Caribbean / Black British": "Black", "Asian / Asian British": "Asian" };
    let checked = 0;
    for (const row of table.rows) {
      const group = names[row[c("breakdown")]!];
      const published = Number(row[c("inpost_headcount_percentage")]);
      if (!group || row[c("geographic_level")] !== "Local authority" || !Number.isFinite(published)) continue;
      const m = find("workforce-share", row[c("area_code")]!, row[c("time_period")]!, group, row[c("role")]!);
      assert.ok(m, `missing ${row[c("area_name")]} ${row[c("time_period")]} ${row[c("role")]} ${group}`);
      assert.ok(Math.abs(m.value! - published) <= 0.051, `${row[c("area_name")]} ${row[c("role")]} ${group}: ${m.value} vs ${published}`);
      checked++;
    }
    assert.ok(checked > 1000, `checked ${checked}`);
  });

  it("when the workforce is compared with the local population, then Census 2021 all-ages shares are the reference", () => {
    const m = json.measures.find(
      (x) => x.measure === "workforce-vs-population" && x.area_code === "E09000025" && x.period === "2025" && x.group === "Black" && x.level === "Total",
    )!;
    assert.match(m.reference_group!, /Census 2021/);
    assert.ok(m.ratio! > 0);
  });

  it("when anything about City of London children is output, then it carries no numbers", () => {
    const city = json.measures.filter((m) => m.area_code === "E09000001" && m.topic !== "workforce" && m.topic !== "population");
    assert.ok(city.length > 0);
    for (const m of city) {
      assert.equal(m.suppressed, true);
      assert.deepEqual([m.numerator, m.denominator, m.value, m.ci_low, m.ratio], [null, null, null, null, null]);
      assert.match(m.note!, /City of London/);
    }
    assert.ok(json.headlines.every((h) => h.area_code !== "E09000001"));
  });

  it("when headlines are chosen, then each is significant, material, from unsuppressed cells, and in the sentence form", () => {
    assert.ok(json.headlines.length > 0);
    for (const h of json.headlines) {
      assert.equal(h.significant, true);
      assert.ok(h.ratio >= 1.25 || h.ratio <= 0.8);
      const m = find(h.measure, h.area_code, h.period, h.group)!;
      assert.equal(m.suppressed, false);
      assert.ok(m.numerator! >= 10);
      if (h.ratio >= 1)
        assert.match(
          h.text,
          /^In .+ in .+, .+ (children|pupils) were [\d.]+ times as likely as White( British)? (children|pupils) to .+ \(95% CI [\d.]+ to [\d.]+\)\.$/,
        );
      else
        assert.match(
          h.text,
          /^In .+ in .+, .+ (children|pupils) were less likely than White( British)? (children|pupils) to .+: 0\.\d\d times the White( British)? rate \(95% CI [\d.]+ to [\d.]+\)\.$/,
        );
      assert.match(h.detail, / against .+; .+ of /);
      assert.doesNotMatch(h.text, /0\.\d+ times as likely/);
      assert.doesNotMatch(h.text, /trend|rising|falling|synthetic/i);
    }
    assert.ok(
      json.headlines.some((h) => h.text.startsWith("In Hackney,") || h.area_code.startsWith("E09")),
      "borough headlines exist",
    );
  });

  it("when the readable report is asked for, then it has headlines, per-topic tables and explained suppression", async () => {
    const r = await run([SHARED_DATA]);
    assert.match(r.out, /HEADLINES/);
    assert.match(r.out, /== Children's social care ==/);
    assert.match(r.out, /== Children's social work workforce ==/);
    assert.match(r.out, /City of London is not shown on its own/);
  });

  it("when the default report is asked for, then headlines come first and tables hold only the eight boroughs, London and England", async () => {
    const r = await run([SHARED_DATA]);
    const everything = await run(["--all", SHARED_DATA]);
    assert.ok(r.out.indexOf("ONE PAGE PER BOROUGH") < r.out.indexOf("TECHNICAL TABLES"), "the borough pages come first");
    assert.ok(r.out.indexOf("TECHNICAL TABLES") < r.out.indexOf("HEADLINES"), "then the technical part, headlines first");
    assert.doesNotMatch(r.out, /^Inner London /m);
    assert.match(everything.out, /^Inner London /m);
    assert.match(r.out, /^London /m);
    assert.match(r.out, /^England /m);
    assert.ok(r.out.split("\n").length < 1200, `${r.out.split("\n").length} lines`);
    assert.ok(everything.out.split("\n").length > r.out.split("\n").length);
    assert.doesNotMatch(r.out, /^read /m, "progress stays on stderr");
    assert.match(r.err, /^read /m);
  });

  it("16. when the default report is read, then each borough has a page in plain words and the method notes say which base, year and interval", async () => {
    const r = await run([SHARED_DATA]);
    const page = r.out.slice(r.out.indexOf("== Hackney =="), r.out.indexOf("== Havering =="));
    for (const part of ["Latest totals:", "By ethnic group", "Where disparity enters", "workforce at senior levels", "Too small to say:"])
      assert.match(page, new RegExp(part));
    assert.match(
      page,
      /children looked after on 31 March, 2025: 352, 65 per 10,000 children aged 0-17 \(East London 49, London 48, England 67; no clear trend in the rate\)/,
    );
    assert.match(page, /Black 148 \(1\.4 times the White rate, 95% CI 1\.1 to 1\.8\)/);
    const notes = r.out.slice(r.out.indexOf("METHOD NOTES"), r.out.indexOf("TECHNICAL TABLES"));
    assert.match(notes, /Base: ONS mid-year estimate of children aged 0-17; 2013 to 2025/);
    assert.match(notes, /Series break: from 2017\/18 the school census/);
    assert.match(notes, /Byar.*Wilson.*Katz/);
  });

  it("when --combine-city-with-hackney is given, then Hackney and City of London is one area of added counts and Hackney alone is hidden", async () => {
    const r = await run(["--json", "--combine-city-with-hackney", SHARED_DATA]);
    const combined = JSON.parse(r.out) as Contract;
    const get = (area: string, period: string) =>
      combined.measures.find((m) => m.measure === "cla-rate" && m.area_code === area && m.period === period && m.group === "All")!;
    const alone = find("cla-rate", "E09000012", "2024", "All")!;
    const both = get("E09000012+E09000001", "2024");
    assert.equal(both.area_name, "Hackney and City of London");
    assert.deepEqual([both.numerator, both.denominator], [alone.numerator! + 7, alone.denominator! + 918], "City's 7 of 918 in 2024 added as counts");
    assert.equal(get("E09000012", "2024").suppressed, true);
    assert.equal(get("E09000012+E09000001", "2025").suppressed, true, "City 2025 is 'c' at source, so no combination");
    assert.ok(
      combined.measures
        .filter((m) => m.area_code === "E09000001" && m.topic !== "workforce" && m.topic !== "population")
        .every((m) => m.suppressed && m.numerator === null),
    );
  });

  it("when called without files or with an unknown option, then it prints usage and fails", async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(["--jsn", SHARED_DATA])).code, 2);
  });
});
