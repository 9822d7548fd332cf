import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Cell } from "../../src/analysis/cell";
import { compareRow, ComparatorIndex } from "../../src/analysis/comparators";
import { EAST_LONDON, WITHOUT_CITY_NOTE } from "../../src/analysis/east-london";
import { resolveLabel, type EthnicGroup } from "../../src/analysis/ethnicity";
import { HACKNEY, HACKNEY_AND_CITY } from "../../src/analysis/geography";
import { katzRatio } from "../../src/analysis/intervals";
import { emptyMeasureRow, type MeasureBase, type MeasureRow } from "../../src/analysis/measure-row";
import type { Observation } from "../../src/analysis/observation";
import { proportionTrend, valueTrend } from "../../src/analysis/recent-trend";
import { analyseFiles, analyseLoaded } from "../../src/analysis/run-analysis";
import { BOROUGHS } from "../../src/domain/boroughs";
import { loadedFile, requireSharedData, SEED_DATA, SHARED_DATA } from "./support";

const n = (value: number): Cell => ({ value, symbol: null });
const dfe = (label: string) => resolveLabel("dfe", label) as EthnicGroup;
const WBRI = dfe("White - White British");
const BLACK = dfe("Black - Black African");

function obs(areaCode: string, stage: string, group: EthnicGroup, count: Cell): Observation {
  return {
    datasetId: "cla-by-ethnicity",
    stage,
    source: "t.csv",
    synthetic: false,
    period: "2025",
    year: 2025,
    areaCode,
    areaName: BOROUGHS.find((b) => b.code === areaCode)?.name ?? areaCode,
    geography: "local authority",
    group,
    level: null,
    count,
    childrenData: true,
    publishedBySource: true,
    countRounding: null,
  };
}

const file = (observations: Observation[]) => loadedFile(observations);

/** Each borough i (0-7): Black children looked after 40 + i of 4,000 pupils, White British 100 + 10i of 10,000. */
function boroughs(black: (code: string, i: number) => Cell = (_c, i) => n(40 + i)): Observation[] {
  return BOROUGHS.flatMap((b, i) => [
    obs(b.code, "cla", BLACK, black(b.code, i)),
    obs(b.code, "cla", WBRI, n(100 + 10 * i)),
    obs(b.code, "pupils", BLACK, n(4_000)),
    obs(b.code, "pupils", WBRI, n(10_000)),
  ]);
}

const eastLondonBlack = (rows: MeasureRow[]) => rows.find((m) => m.areaCode === EAST_LONDON && m.measure === "cla-rate-per-pupil" && m.groupKey === BLACK.key)!;

function series(years: number[], value: (i: number) => number, base: Partial<MeasureBase> = {}): MeasureRow[] {
  return years.map((year, i) => {
    const numerator = value(i);
    return {
      ...emptyMeasureRow({
        measure: "cin-rate",
        topic: "social-care",
        title: "t",
        areaCode: "E92000001",
        areaName: "England",
        geography: "national",
        period: String(year),
        year,
        group: "All",
        groupKey: "all",
        level: null,
        unit: "per 10,000",
        denominatorStage: "population-0-17",
        method: "",
        source: "t.csv",
        synthetic: false,
        outcome: "to be in need",
        unknownShare: null,
      }),
      numerator,
      denominator: 1_000_000,
      value: numerator / 100,
      ciLow: (numerator - 2 * Math.sqrt(numerator)) / 100,
      ciHigh: (numerator + 2 * Math.sqrt(numerator)) / 100,
      base: { stage: "population-0-17", dataset: "ons", description: "children", series: "a", seriesNote: null, proxy: false, ...base },
    };
  });
}

describe("comparators: each figure beside East London, London and England, with the Fingertips recent trend", () => {
  it("when a rate or ratio series is tested, then the weighted-regression test gives the figures worked by hand", () => {
    // y = 10, 12, 11, 14, 15 at t = 1..5, every SE 1 (w = 1): sum w = 5, sum wt = 15, sum wt^2 = 55,
    // sum wy = 62, sum wty = 198; slope = (5 x 198 - 15 x 62) / (5 x 55 - 15^2) = 60 / 50 = 1.2;
    // Var(slope) = 5 / 50 = 0.1; chi2 = 1.2^2 / 0.1 = 14.4 > 9.5495. Leaving out t = 1..5 in turn gives
    // slopes 1.2, 1.314, 1.2, 1.143, 1.1: all positive, so "increasing".
    const ys = [10, 12, 11, 14, 15];
    const up = valueTrend(ys.map((value) => ({ value, se: 1 })));
    assert.equal(up.marker, "increasing");
    assert.ok(Math.abs(up.slope! - 1.2) < 1e-12 && Math.abs(up.chiSquare! - 14.4) < 1e-9, `${up.slope} ${up.chiSquare}`);
    // Every SE 2 (w = 0.25): the same slope, Var = 1.25 / (1.25 x 13.75 - 3.75^2) = 0.4, chi2 = 3.6: not significant.
    const wide = valueTrend(ys.map((value) => ({ value, se: 2 })));
    assert.equal(wide.marker, "no significant change");
    assert.ok(Math.abs(wide.chiSquare! - 3.6) < 1e-9);
    // 10, 10, 10, 10, 30: slope 4, chi2 160, but without the last year the slope is 0: one year decides it.
    const spike = valueTrend([10, 10, 10, 10, 30].map((value) => ({ value, se: 1 })));
    assert.equal(spike.marker, "no significant change");
    assert.match(spike.reason, /outlier/);
    assert.equal(valueTrend(ys.slice(0, 4).map((value) => ({ value, se: 1 }))).marker, "cannot be calculated");
  });

  it("when a proportion series is tested, then the chi-squared test for trend gives the figure worked by hand", () => {
    // r = 10, 20, 30, 40, 50 of n = 100 at t = 1..5: N = 500, R = 150, sum rt = 550, sum nt = 1,500,
    // sum nt^2 = 5,500. chi2 = 500 (500 x 550 - 150 x 1,500)^2 / (150 x 350 x (500 x 5,500 - 1,500^2))
    // = 500 x 50,000^2 / (52,500 x 500,000) = 47.619; the same as [sum t(r - n p)]^2 / (p(1-p)(sum nt^2 - (sum nt)^2/N))
    // with p = 0.3: 100^2 / (0.21 x 1,000) = 47.619 (R: prop.trend.test(c(10,20,30,40,50), rep(100,5))).
    const t = proportionTrend([10, 20, 30, 40, 50].map((numerator) => ({ numerator, denominator: 100 })));
    assert.equal(t.marker, "increasing");
    assert.ok(Math.abs(t.chiSquare! - 10_000 / 210) < 1e-9, String(t.chiSquare));
    const flat = proportionTrend([30, 31, 29, 30, 31].map((numerator) => ({ numerator, denominator: 100 })));
    assert.equal(flat.marker, "no significant change");
  });

  it("when the base changes source or coverage within the five years, then no trend is stated across the break", () => {
    const rising = (i: number) => 3_000 + 400 * i;
    const broken = [...series([2014, 2015, 2016, 2017], rising), ...series([2018], (i) => rising(i + 4), { series: "wider" })];
    const c = compareRow(broken.at(-1)!, new ComparatorIndex(broken))!;
    assert.equal(c.trend.marker, "cannot be calculated");
    assert.equal(c.trend.years, 1);
    assert.match(c.text, /no clear trend in the rate$/);
    const whole = series([2014, 2015, 2016, 2017, 2018], rising);
    const ok = compareRow(whole.at(-1)!, new ComparatorIndex(whole))!;
    assert.equal(ok.trend.marker, "increasing");
    assert.match(ok.text, /rate rising 2014 to 2018$/);
    // A missing year ends the run too.
    const gap = series([2012, 2013, 2015, 2016, 2017, 2018], rising);
    assert.equal(compareRow(gap.at(-1)!, new ComparatorIndex(gap))!.trend.years, 4);
  });

  it("when the eight boroughs' counts are loaded, then East London sums numerators and denominators (City of London left out and named)", () => {
    const rows = analyseLoaded([file(boroughs())]).measures;
    const el = eastLondonBlack(rows);
    const seven = BOROUGHS.map((b, i) => ({ b, i })).filter(({ b }) => b.code !== "E09000001");
    const a = seven.reduce((s, { i }) => s + 40 + i, 0);
    const c = seven.reduce((s, { i }) => s + 100 + 10 * i, 0);
    assert.deepEqual([el.numerator, el.denominator, el.reference?.numerator, el.reference?.denominator], [a, 28_000, c, 70_000]);
    assert.ok(Math.abs(el.value! - (1e4 * a) / 28_000) < 1e-9, "a rate of the sums, not an average of rates");
    assert.ok(Math.abs(el.ratio! - katzRatio(a, 28_000, c, 70_000)!.value) < 1e-12);
    assert.equal(el.note, WITHOUT_CITY_NOTE);
    const newham = rows.find((m) => m.areaCode === "E09000025" && m.measure === "cla-rate-per-pupil" && m.groupKey === BLACK.key)!;
    const comparison = compareRow(newham, new ComparatorIndex(rows))!;
    assert.equal(comparison.eastLondon!.value, el.ratio);
    assert.match(comparison.text, /^Newham \d\.\d+ \(\d\.\d+ to \d\.\d+\) · East London \d\.\d+ · no clear trend in the ratio$/);
    assert.equal(
      analyseLoaded([file(boroughs())]).headlines.every((h) => h.areaCode !== EAST_LONDON),
      true,
      "East London stands beside the boroughs, never among the headlines",
    );
  });

  it("when City of London is combined with Hackney, then East London holds all eight through the combined area", () => {
    const rows = analyseLoaded([file(boroughs())], { combineCityWithHackney: true }).measures;
    const el = eastLondonBlack(rows);
    assert.equal(
      el.numerator,
      BOROUGHS.reduce((s, _b, i) => s + 40 + i, 0),
    );
    assert.equal(el.denominator, 32_000);
    assert.equal(el.note, null);
    assert.ok(rows.some((m) => m.areaCode === HACKNEY_AND_CITY && !m.suppressed));
    assert.ok(rows.filter((m) => m.areaCode === HACKNEY && m.measure === "cla-rate-per-pupil").every((m) => m.suppressed));
  });

  it("when one borough's count is hidden, then the East London figure is hidden too (a sum with a hidden part is not known)", () => {
    const rows = analyseLoaded([file(boroughs((code, i) => (code === "E09000016" ? { value: null, symbol: "c" } : n(40 + i))))]).measures;
    const el = eastLondonBlack(rows);
    assert.equal(el.suppressed, true);
    assert.equal(el.numerator, null);
    const newham = rows.find((m) => m.areaCode === "E09000025" && m.measure === "cla-rate-per-pupil" && m.groupKey === BLACK.key)!;
    // With East London hidden there is nothing beside Newham's one year, so no line at all.
    assert.equal(compareRow(newham, new ComparatorIndex(rows)), null);
  });

  it("when the synthetic seeds are analysed, then every East London figure shown is the sum of the boroughs' shown figures", async () => {
    const { measures } = await analyseFiles([SEED_DATA]);
    const shown = measures.filter((m) => m.areaCode === EAST_LONDON && !m.suppressed && m.numerator !== null && m.denominator !== null);
    assert.ok(shown.length > 50, `${shown.length} East London figures`);
    for (const el of shown) {
      const parts = measures.filter(
        (m) => m.measure === el.measure && m.period === el.period && m.groupKey === el.groupKey && m.level === el.level && m.geography === "local authority",
      );
      const used = parts.filter((m) => !m.suppressed);
      assert.ok(
        used.length === 7 && parts.find((m) => m.areaCode === "E09000001")?.suppressed !== false,
        `${el.measure} ${el.period} ${el.group}: seven boroughs shown`,
      );
      assert.equal(
        el.numerator,
        used.reduce((s, m) => s + m.numerator!, 0),
      );
      if (!el.noBase)
        assert.equal(
          el.denominator,
          used.reduce((s, m) => s + m.denominator!, 0),
        );
    }
  });
});

describe("comparators on the real DfE files", () => {
  const csv = (name: string) => parse(readFileSync(path.join(SHARED_DATA, name)), { columns: true, bom: true }) as Record<string, string>[];

  it("when the CLA rate file is read, then East London is the seven boroughs' counts summed and London and England are the published rates", async function () {
    requireSharedData(this);
    const { measures } = await analyseFiles([SHARED_DATA]);
    const rows = csv("cla_number_and_rate_per_10k_children_east_london.csv").filter(
      (r) => r.time_period === "2025" && r.population_type === "Children looked after on 31 March each year",
    );
    const boroughsOnly = rows.filter((r) => r.geographic_level === "Local authority" && r.new_la_code !== "E09000001");
    assert.equal(boroughsOnly.length, 7);
    const count = boroughsOnly.reduce((s, r) => s + Number(r.children_count), 0);
    const population = boroughsOnly.reduce((s, r) => s + Number(r.population_estimate), 0);
    const el = measures.find((m) => m.measure === "cla-rate" && m.areaCode === EAST_LONDON && m.period === "2025")!;
    assert.deepEqual([el.numerator, el.denominator], [count, population]);
    assert.ok(Math.abs(el.value! - (1e4 * count) / population) < 1e-9);
    const hackney = measures.find((m) => m.measure === "cla-rate" && m.areaCode === HACKNEY && m.period === "2025" && m.group === "All")!;
    const c = compareRow(hackney, new ComparatorIndex(measures))!;
    const published = (code: string) => Number(rows.find((r) => (r.region_code || r.country_code) === code && r.new_la_code === "")!.rate_per_10000);
    assert.equal(c.london!.value, published("E12000007"));
    assert.equal(c.england!.value, published("E92000001"));
    assert.equal(c.trend.years, 5, "2021 to 2025 on the ONS base");
    assert.deepEqual([c.trend.from, c.trend.to], ["2021", "2025"]);
  });

  it("when a borough headline is compared, then its comparators are the same measure, group and year, and no trend crosses the change of pupil base", async function () {
    requireSharedData(this);
    const { measures, headlines } = await analyseFiles([SHARED_DATA]);
    const h = headlines.find((x) => x.areaCode === HACKNEY)!;
    assert.ok(h.comparison, "the Hackney headline carries its comparison");
    const same = (code: string) => measures.find((m) => m.measure === h.measure && m.areaCode === code && m.period === h.period && m.group === h.group)!;
    assert.equal(h.comparison.london!.value, same("E12000007").ratio);
    assert.equal(h.comparison.england!.value, same("E92000001").ratio);
    assert.equal(h.comparison.eastLondon!.value, same(EAST_LONDON).ratio);
    // 2016 and 2017 are on the school census; 2015 and before on the exclusions release headcount.
    assert.equal(h.comparison.trend.years, 2);
    assert.match(h.comparison.text, /^Hackney 2\.2 \(1\.6 to 3\.0\) · East London \d\.\d · London 1\.7 · England 1\.7 · no clear trend in the ratio$/);
    // Havering's Asian count is 'x' at source, so East London's Asian figure is not known, and the comparison says why.
    const asian = headlines.find((x) => x.areaCode === "E09000026" && x.group === "Asian (not Chinese)")!;
    assert.equal(asian.comparison!.eastLondon, null);
    assert.match(asian.comparison!.eastLondonNote!, /a borough's figure is hidden or missing/);
    assert.match(asian.comparison!.text, /^Redbridge 0\.29 \(0\.20 to 0\.42\) · London 0\.53 · England 0\.44 · no clear trend in the ratio$/);
  });
});
