import assert from "node:assert/strict";
import { comparison, headlineText, selectHeadlines } from "../../src/analysis/headlines";
import { emptyMeasureRow, type MeasureRow } from "../../src/analysis/measure-row";
import { katzRatio } from "../../src/analysis/intervals";

function row(ratio: number, value: number, referenceValue: number, extra: Partial<MeasureRow> = {}): MeasureRow {
  return {
    ...emptyMeasureRow({
      measure: "cla-rate",
      topic: "social-care",
      title: "Children looked after",
      areaCode: "E09000025",
      areaName: "Newham",
      geography: "local authority",
      period: "2025",
      year: 2025,
      group: "Asian",
      groupKey: "asian",
      level: null,
      unit: "per 10,000",
      denominatorStage: "population-0-17",
      method: "",
      source: "x.csv",
      synthetic: false,
      outcome: "to be looked after",
      unknownShare: null,
    }),
    numerator: 98,
    denominator: 23_304,
    value,
    referenceGroup: "White British",
    ratio,
    ratioLow: ratio * 0.8,
    ratioHigh: ratio * 1.25,
    reference: { numerator: 120, denominator: 10_700, value: referenceValue },
    ...extra,
  };
}

/** A comparison row with its Katz interval, as computeRates makes it. */
function compared(group: string, a: number, n1: number, c: number, n2: number, extra: Partial<MeasureRow> = {}): MeasureRow {
  const k = katzRatio(a, n1, c, n2)!;
  return row(k.value, (1e4 * a) / n1, (1e4 * c) / n2, {
    group,
    groupKey: group,
    numerator: a,
    denominator: n1,
    ratio: k.value,
    ratioLow: k.low,
    ratioHigh: k.high,
    ratioSe: k.se,
    reference: { numerator: c, denominator: n2, value: (1e4 * c) / n2 },
    ...extra,
  });
}

describe("headline wording", () => {
  it("when a group's rate is higher, then one short sentence says how many times as likely, with its interval", () => {
    assert.equal(
      headlineText(row(1.4, 148, 106)),
      "In Newham in 2025, Asian children were 1.4 times as likely as White British children to be looked after (95% CI 1.1 to 1.8).",
    );
  });

  it("when a group's rate is lower, then the sentence says less likely and gives the fraction of the reference rate", () => {
    const text = headlineText(row(0.25, 42, 168));
    assert.equal(
      text,
      "In Newham in 2025, Asian children were less likely than White British children to be looked after: 0.25 times the White British rate (95% CI 0.20 to 0.31).",
    );
    assert.doesNotMatch(text, /times as likely/);
  });

  it("when a ratio just below 1 rounds to 1.0, then it is not called less likely", () => {
    assert.equal(comparison(0.999, "White", "pupils", "to be suspended"), "1.0 times as likely as White pupils to be suspended");
    assert.equal(comparison(0.8, "White", "pupils", "to be suspended"), "less likely than White pupils to be suspended: 0.80 times the White rate");
  });
});

describe("headline choice and caveats", () => {
  const proxy = { stage: "pupils", dataset: "spc", description: "pupils", series: "school-census", seriesNote: null, proxy: true };

  it("when over- and under-representation are both found, then strong over-representation leads and no weak finding stands above a strong one", () => {
    const rows = [
      compared("Asian", 40, 40_000, 300, 20_000), // strongly lower, in a borough
      compared("Mixed", 120, 4_000, 300, 20_000), // strongly higher
      compared("Black", 130, 10_000, 2_000, 200_000, { areaCode: "E09000012", areaName: "Hackney" }), // higher, interval reaching into the 0.8-1.25 band
      compared("Black Caribbean", 2_600, 92_000, 5_400, 5_400_000, { areaCode: "E92000001", areaName: "England", geography: "national" }),
    ];
    const picked = selectHeadlines(rows);
    assert.deepEqual(
      picked.map((h) => [h.group, h.direction, h.strength]),
      [
        ["Mixed", "higher", "strong"],
        ["Black Caribbean", "higher", "strong"],
        ["Asian", "lower", "strong"],
        ["Black", "higher", "moderate"],
      ],
    );
  });

  it("when a headline rests on fewer than 20 children, then it says so; the Other group and a stand-in base carry their caveats", () => {
    const [h] = selectHeadlines([compared("Other", 15, 700, 300, 60_000, { base: proxy })]);
    assert.ok(h, "a small but clear difference still makes a headline");
    assert.ok(h.caveats.some((c) => /small numbers: 15 children/.test(c)));
    assert.ok(h.caveats.some((c) => /unaccompanied asylum-seeking children/.test(c)));
    assert.ok(h.caveats.some((c) => /pupils on school rolls stand in/.test(c)));
    assert.ok(h.text.length <= 200, `one idea, short enough for a card: ${h.text.length} characters`);
  });

  it("when the base is the school census, then the words say what it is and never that no child population by ethnicity exists", () => {
    const [h] = selectHeadlines([compared("Mixed", 120, 4_000, 300, 20_000, { base: proxy })]);
    assert.match(h!.base, /pupils on school rolls \(school census\)/);
    assert.match(h!.base, /Census 2021 counts children by ethnic group/);
    assert.doesNotMatch(`${h!.text} ${h!.detail} ${h!.base}`, /no resident child population/);
  });

  it("when a headline's year is older than the area's latest figures, then the sentence names it as the latest year with figures by ethnic group", () => {
    const old = compared("Mixed", 120, 4_000, 300, 20_000, { year: 2017, period: "2017" });
    const total = row(1, 65, 65, { group: "All", groupKey: "total", year: 2025, period: "2025", ratio: null, reference: null, measure: "cla-rate" });
    const [h] = selectHeadlines([old, { ...total, measure: "cla-rate-total" }]);
    assert.match(h!.text, /^In Newham in 2017, the latest year with borough figures by ethnic group, Mixed children were 2\.0 times as likely/);
    assert.ok(h!.caveats.some((c) => /totals run to 2025/.test(c)));
  });

  it("when a finding is for England only, then it says England", () => {
    const [h] = selectHeadlines([
      compared("Black Caribbean", 2_600, 92_000, 5_400, 5_400_000, { areaCode: "E92000001", areaName: "England", geography: "national" }),
    ]);
    assert.match(h!.text, /^In England in 2025,/);
    assert.ok(h!.caveats.some((c) => /England figure: no borough figures/.test(c)));
  });
});
