import assert from "node:assert/strict";
import { loadedFile } from "./support";
import type { Cell } from "../../src/analysis/cell";
import { groupOf, resolveLabel, TOTAL_GROUP, type EthnicGroup } from "../../src/analysis/ethnicity";
import type { Observation } from "../../src/analysis/observation";
import { HACKNEY_AND_CITY } from "../../src/analysis/geography";
import { analyseLoaded } from "../../src/analysis/run-analysis";
import { applyDisclosureControl, derivedCountHidden, REASONS } from "../../src/analysis/suppression";

function obs(areaCode: string, group: EthnicGroup, count: Cell, childrenData = true): Observation {
  return {
    datasetId: "t",
    stage: "cla",
    source: "t.csv",
    synthetic: false,
    period: "2025",
    year: 2025,
    areaCode,
    areaName: areaCode,
    geography: "local authority",
    group,
    level: null,
    count,
    childrenData,
    publishedBySource: true,
    countRounding: null,
  };
}
const n = (value: number): Cell => ({ value, symbol: null });
const major = (label: string) => resolveLabel("dfe", label) as EthnicGroup;

function table(area: string, cells: [string, Cell][]): Observation[] {
  return cells.map(([label, cell]) => obs(area, label === "Total" ? TOTAL_GROUP : major(label), cell));
}

describe("disclosure control", () => {
  it("when the source shows a symbol, then the cell is hidden with the symbol explained", () => {
    const out = applyDisclosureControl([obs("E09000012", major("White"), { value: null, symbol: "c" })]);
    assert.match(out[0]!.hidden!, /source shows 'c'/);
  });

  it("when one group in a table with a total is suppressed, then a second cell is hidden so it cannot be derived", () => {
    const t = table("E09000012", [
      ["Total", n(100)],
      ["White", n(40)],
      ["Mixed", { value: null, symbol: "c" }],
      ["Asian", n(12)],
      ["Black", n(30)],
      ["Other", n(11)],
      ["Unclassified", n(4)],
    ]);
    const out = applyDisclosureControl(t);
    const hidden = out.filter((o) => o.hidden).map((o) => o.group.name);
    assert.equal(hidden.length, 2);
    assert.ok(hidden.includes("Mixed"));
    assert.ok(hidden.includes("Unknown"), "the smallest visible member goes next");
    assert.equal(out.find((o) => o.group.name === "Unknown")!.hidden, REASONS.secondary);
  });

  it("when two cells are already hidden, then nothing more is hidden", () => {
    const t = table("E09000012", [
      ["Total", n(100)],
      ["White", { value: null, symbol: "c" }],
      ["Mixed", { value: null, symbol: "c" }],
      ["Asian", n(12)],
      ["Black", n(30)],
      ["Other", n(11)],
      ["Unclassified", n(40)],
    ]);
    assert.equal(applyDisclosureControl(t).filter((o) => o.hidden).length, 2);
  });

  it("when the data are about children in City of London, then nothing is shown for it, with the reason", () => {
    const out = applyDisclosureControl(
      table("E09000001", [
        ["Total", n(7)],
        ["White", n(3)],
        ["Black", n(4)],
      ]),
    );
    assert.ok(out.every((o) => o.hidden === REASONS.cityOfLondon));
  });

  it("when the data are about City of London's workforce, then the City rule does not apply", () => {
    const out = applyDisclosureControl([obs("E09000001", major("White"), n(20), false)]);
    assert.equal(out[0]!.hidden, null);
  });

  it("when a combined area is published with one member hidden, then another member is hidden across boroughs", () => {
    const combined = "E09000012+E09000001";
    const cells = [obs(combined, major("White"), n(50)), obs("E09000012", major("White"), n(45)), obs("E09000001", major("White"), n(5))];
    const out = applyDisclosureControl(cells, { areaFamilies: [{ parent: combined, members: ["E09000012", "E09000001"] }] });
    const hidden = out
      .filter((o) => o.hidden)
      .map((o) => o.areaCode)
      .sort();
    assert.deepEqual(hidden, ["E09000001", "E09000012"], "Hackney alone would reveal City by subtraction");
  });

  it("when we add up cells ourselves to 1-9, then the sum is not shown; 0 and 10+ are", () => {
    assert.equal(derivedCountHidden(0), null);
    assert.equal(derivedCountHidden(1), REASONS.smallDerived);
    assert.equal(derivedCountHidden(9), REASONS.smallDerived);
    assert.equal(derivedCountHidden(10), null);
  });

  it("when minor groups sit inside a major group, then suppression also works one level down", () => {
    const minors: [string, Cell][] = [
      ["Black - Black Caribbean", { value: null, symbol: "c" }],
      ["Black - Black African", n(50)],
      ["Black - Any other Black background", n(20)],
      ["Black", n(73)],
    ];
    const out = applyDisclosureControl(minors.map(([l, c]) => obs("E09000012", resolveLabel("dfe", l) as EthnicGroup, c)));
    assert.equal(out.filter((o) => o.hidden).length, 2);
    assert.ok(out.find((o) => o.group.key === groupOf(["both"]).key)!.hidden);
  });
});

describe("combining City of London with Hackney", () => {
  const cla = (area: string, label: string, count: Cell) => obs(area, label === "Total" ? TOTAL_GROUP : major(label), count);

  it("when both areas give numbers, then the combined area adds the counts and neither area is shown alone", () => {
    const cells = [cla("E09000012", "Total", n(352)), cla("E09000012", "White", n(100)), cla("E09000001", "Total", n(7)), cla("E09000001", "White", n(3))];
    const out = applyDisclosureControl(cells, { combineCityWithHackney: true });
    const combined = out.filter((o) => o.areaCode === HACKNEY_AND_CITY);
    assert.deepEqual(
      combined.map((o) => [o.areaName, o.group.name, o.count.value, o.hidden]),
      [
        ["Hackney and City of London", "All", 359, null],
        ["Hackney and City of London", "White", 103, null],
      ],
    );
    assert.ok(out.filter((o) => o.areaCode === "E09000001").every((o) => o.hidden === REASONS.cityOfLondon));
    assert.ok(
      out.filter((o) => o.areaCode === "E09000012").every((o) => o.hidden === REASONS.acrossAreas),
      "Hackney alone would reveal City",
    );
  });

  it("when either area's cell is a source symbol, then that combined cell is hidden and Hackney's own cell may stay", () => {
    const out = applyDisclosureControl([cla("E09000012", "Total", n(352)), cla("E09000001", "Total", { value: null, symbol: "c" })], {
      combineCityWithHackney: true,
    });
    const combined = out.find((o) => o.areaCode === HACKNEY_AND_CITY)!;
    assert.equal(combined.count.value, null);
    assert.equal(combined.hidden, REASONS.notCombined);
    assert.equal(out.find((o) => o.areaCode === "E09000012")!.hidden, null);
  });

  it("when the option is off, then no combined area appears", () => {
    const out = applyDisclosureControl([cla("E09000012", "Total", n(352)), cla("E09000001", "Total", n(7))]);
    assert.ok(out.every((o) => o.areaCode !== HACKNEY_AND_CITY));
  });

  it("when rates are made for the combined area, then counts and bases are added, never rates", () => {
    const pop = (area: string, value: number): Observation => ({
      ...obs(area, TOTAL_GROUP, n(value)),
      datasetId: "p",
      stage: "population-0-17",
      source: "p.csv",
    });
    const files = [loadedFile([cla("E09000012", "Total", n(352)), cla("E09000001", "Total", n(7)), pop("E09000012", 54_191), pop("E09000001", 918)])];
    const result = analyseLoaded(files, { combineCityWithHackney: true });
    const m = result.measures.find((r) => r.measure === "cla-rate" && r.areaCode === HACKNEY_AND_CITY)!;
    assert.deepEqual([m.areaName, m.numerator, m.denominator, m.suppressed], ["Hackney and City of London", 359, 55_109, false]);
    assert.ok(Math.abs(m.value! - (10_000 * 359) / 55_109) < 1e-9);
    assert.ok(result.measures.filter((r) => r.areaCode === "E09000012" || r.areaCode === "E09000001").every((r) => r.suppressed && r.value === null));
  });
});
