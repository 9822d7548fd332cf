import assert from "node:assert/strict";
import { parseCell } from "../../src/analysis/cell";
import { parseCsvTable } from "../../src/analysis/csv-table";
import { loadDataset } from "../../src/analysis/load-dataset";

const file = (name: string, text: string) => ({ name, text, checksum: "test" });

describe("reading source files", () => {
  it("when a cell holds a GSS symbol, then it stays a symbol and is never zero", () => {
    for (const s of ["c", "x", "z", "low", "k", "u"]) {
      assert.deepEqual(parseCell(s), { value: null, symbol: s });
    }
    assert.deepEqual(parseCell("C"), { value: null, symbol: "c" });
    assert.deepEqual(parseCell("~"), { value: null, symbol: "x" });
    assert.deepEqual(parseCell("0"), { value: 0, symbol: null });
    assert.deepEqual(parseCell("1,234"), { value: 1234, symbol: null });
  });

  it("when a file starts with a BOM and has quoted fields, then headers and values come out clean", () => {
    const t = parseCsvTable('\ufefftime_period,"la_name",x\r\n2025,"Barking, and ""D""",3\r\n');
    assert.deepEqual(t.header, ["time_period", "la_name", "x"]);
    assert.deepEqual(t.rows, [["2025", 'Barking, and "D"', "3"]]);
    assert.equal(t.column("LA_NAME"), 1);
  });

  it("when the same data come with columns in another order, then the observations are the same", () => {
    const a =
      "time_period,new_la_code,la_name,phase_type_grouping,ethnicity,language,headcount\n202122,E09000012,Hackney,Total,White - White British,Total,100\n202122,E09000012,Hackney,Total,Unclassified,Total,c\n";
    const b =
      "headcount,ethnicity,language,la_name,phase_type_grouping,new_la_code,time_period\n100,White - White British,Total,Hackney,Total,E09000012,202122\nc,Unclassified,Total,Hackney,Total,E09000012,202122\n";
    const pick = (t: string) =>
      loadDataset(file("spc.csv", t)).observations.map((o) => [o.areaCode, o.period, o.year, o.group.key, o.count.value, o.count.symbol]);
    assert.deepEqual(pick(a), pick(b));
    assert.deepEqual(pick(a)[1], ["E09000012", "2021/22", 2022, "refused+notobtained", null, "c"]);
  });

  it("when a file opens with a SYNTHETIC comment line, then it loads and is labelled synthetic", () => {
    const text =
      "# SYNTHETIC demo data\ntime_period,new_la_code,la_name,age_group,population_estimate\n2024,E09000012,Hackney,Children aged 0 to 17 years,50000\n";
    const loaded = loadDataset(file("pop.csv", text));
    assert.equal(loaded.synthetic, true);
    assert.equal(loaded.observations[0]!.year, 2025, "mid-2024 population serves 31 March 2025");
    assert.equal(loaded.observations[0]!.period, "mid-2024");
  });

  it("when no catalogue dataset matches the headers, then the file is reported, not guessed", () => {
    const loaded = loadDataset(file("odd.csv", "a,b\n1,2\n"));
    assert.equal(loaded.dataset, null);
    assert.match(loaded.problem!, /no catalogue dataset/);
  });

  it("when an ethnicity label is not in the scheme, then it is reported as unknown and not counted", () => {
    const text = "time_period,new_la_code,la_name,phase_type_grouping,ethnicity,language,headcount\n202122,E09000012,Hackney,Total,Martian,Total,5\n";
    const loaded = loadDataset(file("spc.csv", text));
    assert.deepEqual(loaded.unknownLabels, ["Martian"]);
    assert.equal(loaded.observations.length, 0);
  });
});
