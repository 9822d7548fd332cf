import assert from "node:assert/strict";
import type { MeasureBase } from "../../src/analysis/contract";
import type { StoredMeasure } from "../../src/headlines/measure-store";
import { chartFamilies } from "../../src/headlines/chart-families";

const pupils: MeasureBase = {
  stage: "pupils",
  dataset: "spc",
  description: "pupils on the school census",
  series: "school-census",
  seriesNote: null,
  proxy: true,
};
const population: MeasureBase = { stage: "population-0-17", dataset: "ons", description: "children aged 0-17", series: "ons", seriesNote: null, proxy: false };

function stored(group: string, synthetic: boolean, base: MeasureBase | null): StoredMeasure {
  return {
    measure: "cla-rate-per-pupil",
    topic: "social-care",
    areaCode: "E09000025",
    areaName: "Newham",
    geography: "local authority",
    period: "2025",
    year: 2025,
    group,
    level: null,
    numerator: 40,
    denominator: 8000,
    value: 50,
    unit: "per 10,000",
    ciLow: 40,
    ciHigh: 60,
    referenceGroup: null,
    ratio: null,
    ratioLow: null,
    ratioHigh: null,
    suppressed: false,
    noBase: false,
    note: null,
    base,
    valueSource: "computed",
    countRounding: null,
    significant: null,
    method: "",
    source: "x.csv",
    synthetic,
    checksum: "",
    runId: "r",
  };
}

describe("charts on the Data page", () => {
  it("15. when synthetic and real rows meet, or All has another base, then no chart mixes them", () => {
    const families = chartFamilies([
      stored("All", false, population),
      stored("Black", false, pupils),
      stored("White British", false, pupils),
      stored("Asian", true, pupils),
    ]);
    assert.equal(families.length, 2);
    for (const f of families)
      assert.ok(
        f.rows.every((r) => r.synthetic === f.synthetic),
        "one family per chart",
      );
    const real = families.find((f) => !f.synthetic)!;
    assert.deepEqual(
      real.rows.map((r) => r.group),
      ["Black", "White British"],
      "All, on the population base, is not drawn beside groups on the pupil base",
    );
    assert.match(real.allLeftOut!, /not the groups' base/);
  });

  it("when All has the same base as the groups, then it is drawn with them", () => {
    const [f] = chartFamilies([stored("All", false, pupils), stored("Black", false, pupils)]);
    assert.deepEqual(
      f!.rows.map((r) => r.group),
      ["All", "Black"],
    );
    assert.equal(f!.allLeftOut, null);
  });
});
