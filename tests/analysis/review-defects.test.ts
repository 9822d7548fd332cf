import assert from "node:assert/strict";
import { loadedFile } from "./support";
import type { Cell } from "../../src/analysis/cell";
import { describeChanges } from "../../src/analysis/change";
import { measureJson } from "../../src/analysis/contract";
import { broadGroup, KNOWN_GROUP, resolveLabel, TOTAL_GROUP, type EthnicGroup } from "../../src/analysis/ethnicity";
import { HACKNEY_AND_CITY } from "../../src/analysis/geography";
import { formatCount } from "../../src/analysis/headlines";
import { emptyMeasureRow, type MeasureBase, type MeasureRow } from "../../src/analysis/measure-row";
import type { Observation } from "../../src/analysis/observation";
import type { PublishedFigure } from "../../src/analysis/readers/tidy-reader";
import { renderReport } from "../../src/analysis/report";
import { analyseLoaded } from "../../src/analysis/run-analysis";
import { applyDisclosureControl, REASONS } from "../../src/analysis/suppression";

// One test per defect an outside statistical review found (issue 13); each failed on the code before.

const n = (value: number): Cell => ({ value, symbol: null });
const dfe = (label: string) => resolveLabel("dfe", label) as EthnicGroup;

function obs(stage: string, group: EthnicGroup, count: Cell, extra: Partial<Observation> = {}): Observation {
  return {
    datasetId: "cla-by-ethnicity",
    stage,
    source: "t.csv",
    synthetic: false,
    period: "2025",
    year: 2025,
    areaCode: "E09000025",
    areaName: "Newham",
    geography: "local authority",
    group,
    level: null,
    count,
    childrenData: true,
    publishedBySource: true,
    countRounding: null,
    ...extra,
  };
}

const file = loadedFile;

function row(year: number, numerator: number, denominator: number, base: Partial<MeasureBase>): MeasureRow {
  return {
    ...emptyMeasureRow({
      measure: "cla-rate-per-pupil",
      topic: "social-care",
      title: "t",
      areaCode: "E92000001",
      areaName: "England",
      geography: "national",
      period: String(year),
      year,
      group: "Black",
      groupKey: "black",
      level: null,
      unit: "per 10,000",
      denominatorStage: "pupils",
      method: "",
      source: "t.csv",
      synthetic: false,
      outcome: "to be looked after",
      unknownShare: null,
    }),
    numerator,
    denominator,
    value: (1e4 * numerator) / denominator,
    ciLow: (1e4 * numerator) / denominator - 1,
    ciHigh: (1e4 * numerator) / denominator + 1,
    base: { stage: "pupils", dataset: "spc", description: "pupils", series: "a", seriesNote: null, proxy: true, ...base },
  };
}

describe("figures a DCS can repeat: the review's defects", () => {
  it("1. when the population a rate names is missing for a year, then there is no rate, not one on another base", () => {
    const result = analyseLoaded([
      file([
        obs("cla", TOTAL_GROUP, n(67_050), { areaCode: "E92000001", areaName: "England", geography: "national", year: 2012, period: "2012" }),
        obs("pupils", TOTAL_GROUP, n(6_600_000), { areaCode: "E92000001", areaName: "England", geography: "national", year: 2012, period: "2012" }),
      ]),
    ]);
    const cla = result.measures.filter((m) => m.measure === "cla-rate");
    assert.equal(cla.length, 1);
    assert.deepEqual([cla[0]!.numerator, cla[0]!.value, cla[0]!.noBase, cla[0]!.suppressed], [67_050, null, true, false]);
    assert.ok(result.measures.every((m) => m.measure !== "cla-rate" || m.denominatorStage !== "pupils"));
  });

  it("2. when the base changes source or coverage, then change is stated only within one base and the break is named", () => {
    const rows = [
      row(2016, 600, 100_000, { series: "old" }),
      row(2017, 610, 100_000, { series: "old" }),
      row(2018, 400, 100_000, { series: "wide", seriesNote: "from 2017/18 the census covers more schools" }),
      row(2019, 402, 100_000, { series: "wide", seriesNote: "from 2017/18 the census covers more schools" }),
    ];
    const [c] = describeChanges(rows);
    assert.equal(c!.first.period, "2018", "compared within the latest base only");
    assert.equal(c!.direction, "no clear change");
    assert.match(c!.text, /not comparable with 2017 and before: from 2017\/18 the census covers more schools/);
    const [lone] = describeChanges([row(2016, 600, 100_000, { series: "old" }), row(2018, 400, 100_000, { series: "wide" })]);
    assert.equal(lone!.direction, "not comparable");
    assert.doesNotMatch(lone!.text, /lower|higher/);
  });

  it("3. when the source publishes a rate beside rounded counts, then its rate is shown (and said to be), and rounded counts read 'about'", () => {
    const at = { areaCode: "E92000001", areaName: "England", geography: "national" as const, datasetId: "exclusions-by-ethnicity-2017", countRounding: 5 };
    const wbri = dfe("White - White British");
    const published: PublishedFigure[] = [
      {
        datasetId: at.datasetId,
        source: "t.csv",
        kind: "rate",
        stage: "permanent-exclusion",
        areaCode: at.areaCode,
        year: 2025,
        groupKey: TOTAL_GROUP.key,
        level: null,
        cell: n(0.1),
      },
    ];
    const result = analyseLoaded([
      file([obs("permanent-exclusion", TOTAL_GROUP, n(25), at), obs("pupils", TOTAL_GROUP, n(26_000), at), obs("pupils", wbri, n(1), at)], published),
    ]);
    const m = result.measures.find((x) => x.measure === "permanent-exclusion-rate" && x.group === "All")!;
    assert.equal(m.value, 0.1, "0.1 as published, not 25 / 26,000 = 0.096");
    assert.equal(m.valueSource, "published");
    assert.match(m.note!, /as published by the source/);
    assert.equal(m.countRounding, 5);
    assert.equal(formatCount(25, 5), "about 25");
    assert.match(renderReport(result), /about 25/);
  });

  it("4. when a published count has no base, then it is shown with a 'no base' mark and words, and 'c' means suppression only", () => {
    const at = { areaCode: "E92000001", areaName: "England", geography: "national" as const, year: 2024, period: "2024" };
    const result = analyseLoaded([
      file([
        obs("cla", TOTAL_GROUP, n(83_630), at),
        obs("cla", dfe("1a. White British"), n(55_140), at),
        obs("cla", dfe("4a. Caribbean"), { value: null, symbol: "c" }, at),
        obs("pupils", TOTAL_GROUP, n(8_400_000), { ...at, year: 2022, period: "2021/22" }),
        obs("pupils", dfe("White - White British"), n(5_000_000), { ...at, year: 2022, period: "2021/22" }),
      ]),
    ]);
    const wbri = result.measures.find((m) => m.measure === "cla-rate-per-pupil" && m.group === "White British" && m.year === 2024)!;
    assert.deepEqual([wbri.numerator, wbri.value, wbri.noBase, wbri.suppressed], [55_140, null, true, false]);
    const report = renderReport(result, { all: true });
    const line = report.split("\n").find((l) => /White British/.test(l) && /2024/.test(l) && /cla|55,140/.test(l))!;
    assert.match(line, /55,140/);
    assert.match(line, /no base/);
    assert.doesNotMatch(line, /\bc\b/);
    assert.match(report, /no base = the count is published, but there is no base/);
  });

  it("6. when a rate is small, then JSON carries it unrounded (rounding is only for people)", () => {
    const m = { ...row(2025, 3, 250_000, {}), value: 0.012, ciLow: 0.0025, ciHigh: 0.035, ratio: 0.123456 };
    const json = measureJson(m);
    assert.deepEqual([json.value, json.ci_low, json.ci_high, json.ratio], [0.012, 0.0025, 0.035, 0.123456]);
  });

  it("12. when a senior level has 1 of 9 staff against 2 of 211 in the rest, then nothing is marked significant", () => {
    const at = (lvl: string) => ({ datasetId: "csww-ethnicity-by-role", level: lvl, childrenData: false });
    const level = (lvl: string, counts: number[]) => [
      obs("workforce", KNOWN_GROUP, n(counts.reduce((a, b) => a + b, 0)), at(lvl)),
      ...["White", "Mixed", "Asian", "Black", "Other"].map((b, i) => obs("workforce", broadGroup(b as "White"), n(counts[i]!), at(lvl))),
    ];
    const result = analyseLoaded([
      file([...level("Senior manager", [8, 0, 1, 0, 0]), ...level("Total", [176, 0, 3, 41, 0]), ...level("Case holder", [40, 0, 1, 30, 0])]),
    ]);
    const asian = result.measures.find((m) => m.measure === "workforce-share" && m.level === "Senior manager" && m.group === "Asian")!;
    assert.equal(asian.numerator, 1);
    assert.equal(asian.significant, false);
    assert.match(asian.test!, /Fisher's exact/);
    const black = result.measures.find((m) => m.measure === "workforce-share" && m.level === "Case holder" && m.group === "Black")!;
    assert.equal(black.significant, true, "30 of 71 against 11 of 149 in the rest is a finding");
    assert.doesNotMatch(renderReport(result), /\b1\.\d+%? \([\d.]+\*\)/);
  });

  it("13. when counts come from an unpublished source, then 1 to 9 are suppressed with secondary suppression before anything is stored", () => {
    const cells = (published: boolean) =>
      applyDisclosureControl(
        [
          obs("cin", TOTAL_GROUP, n(120), { publishedBySource: published }),
          obs("cin", broadGroup("White"), n(60), { publishedBySource: published }),
          obs("cin", broadGroup("Mixed"), n(4), { publishedBySource: published }),
          obs("cin", broadGroup("Asian"), n(30), { publishedBySource: published }),
          obs("cin", broadGroup("Black"), n(20), { publishedBySource: published }),
          obs("cin", broadGroup("Other"), n(6), { publishedBySource: published }),
        ],
        {},
      );
    const local = cells(false);
    assert.equal(local.find((o) => o.group.name === "Mixed")!.hidden, REASONS.smallUnpublished);
    assert.equal(local.find((o) => o.group.name === "Other")!.hidden, REASONS.smallUnpublished);
    assert.ok(local.filter((o) => o.hidden).length >= 2);
    assert.ok(
      cells(true).every((o) => !o.hidden),
      "a published release's own small counts stay shown",
    );
  });

  it("14. when our own sums come to 1 to 9, then they are hidden before secondary suppression, so their parts cannot rebuild them", () => {
    const minors = [
      obs("cla", TOTAL_GROUP, n(100)),
      obs("cla", dfe("White - White British"), n(60)),
      obs("cla", broadGroup("Mixed"), n(14)),
      obs("cla", broadGroup("Asian"), n(14)),
      obs("cla", dfe("Black - Black Caribbean"), n(3)),
      obs("cla", dfe("Black - Black African"), n(2)),
      obs("cla", dfe("Black - Any other Black background"), n(1)),
      obs("cla", broadGroup("Other"), n(6)),
      obs("cla", dfe("White - Any other White background"), n(0)),
      obs("cla", dfe("White - Irish"), n(0)),
      obs("cla", dfe("White - Traveller of Irish heritage"), n(0)),
      obs("cla", dfe("White - Gypsy/Roma"), n(0)),
    ];
    const out = applyDisclosureControl([...minors, obs("pupils", broadGroup("Black"), n(5_000))]);
    const blackParts = out.filter((o) => o.stage === "cla" && ["Black Caribbean", "Black African", "Any other Black background"].includes(o.group.name));
    assert.ok(
      blackParts.some((o) => o.hidden),
      "a Black total of 6 made by us is protected: one of its parts is hidden too",
    );
    const city = applyDisclosureControl(
      [
        obs("cla", TOTAL_GROUP, n(3), { areaCode: "E09000001", areaName: "City of London", publishedBySource: true }),
        obs("cla", TOTAL_GROUP, n(4), { areaCode: "E09000012", areaName: "Hackney" }),
      ],
      { combineCityWithHackney: true },
    );
    assert.equal(city.find((o) => o.areaCode === HACKNEY_AND_CITY)!.hidden, REASONS.smallDerived);
  });
});
