import assert from "node:assert/strict";
import { comparison, headlineText } from "../../src/analysis/headlines";
import type { MeasureRow } from "../../src/analysis/measure-row";

function row(ratio: number, value: number, referenceValue: number): MeasureRow {
  return {
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
    numerator: 98,
    denominator: 23_304,
    value,
    unit: "per 10,000",
    ciLow: null,
    ciHigh: null,
    referenceGroup: "White British",
    ratio,
    ratioLow: null,
    ratioHigh: null,
    ratioSe: null,
    reference: { numerator: 120, denominator: 10_700, value: referenceValue },
    suppressed: false,
    note: null,
    denominatorStage: "population-0-17",
    method: "",
    source: "x.csv",
    synthetic: false,
    outcome: "to be looked after",
    unknownShare: null,
  };
}

describe("headline wording", () => {
  it("when a group's rate is higher, then the sentence says how many times as likely", () => {
    assert.equal(
      headlineText(row(1.4, 148, 106)),
      "In Newham, Asian children were 1.4 times as likely as White British children to be looked after (148 against 106 per 10,000 children; 98 of 23,304; 2025).",
    );
  });

  it("when a group's rate is lower, then the sentence says less likely and gives the fraction of the reference rate", () => {
    const text = headlineText(row(0.25, 42, 168));
    assert.equal(
      text,
      "In Newham, Asian children were less likely than White British children to be looked after, at 0.25 times the White British rate (42 against 168 per 10,000 children; 98 of 23,304; 2025).",
    );
    assert.doesNotMatch(text, /times as likely/);
  });

  it("when a ratio just below 1 rounds to 1.0, then it is not called less likely", () => {
    assert.equal(comparison(0.999, "White", "pupils", "to be suspended"), "1.0 times as likely as White pupils to be suspended");
    assert.equal(comparison(0.8, "White", "pupils", "to be suspended"), "less likely than White pupils to be suspended, at 0.80 times the White rate");
  });
});
