import assert from "node:assert/strict";
import path from "node:path";
import { listCsvFiles, readSourceFile } from "../../src/analysis/io/read-source-file";
import { loadDataset } from "../../src/analysis/load-dataset";
import { requireSharedData, SHARED_DATA } from "./support";

// Data rows per file (from `wc -l` minus the header) and the catalogue dataset each must match.
const EXPECTED: Record<string, [rows: number, dataset: string]> = {
  "b1_children_in_need_2013_to_2025_east_london.csv": [156, "cin-totals"],
  "census2021_ts021_ethnic_group_all_ages_east_london.csv": [200, "census-2021-ethnic-group"],
  "cla_31march_by_major_ethnicity_2011_2017_east_london.csv": [70, "cla-by-ethnicity-sfr"],
  "cla_number_and_rate_per_10k_children_east_london.csv": [180, "cla-rate"],
  "csww_ethnicity_by_role_2019_2025_east_london.csv": [4704, "csww-ethnicity-by-role"],
  "csww_workforce_role_by_ethnicity_2019_to_2022_east_london.csv": [336, "csww-ethnicity-by-role-2022"],
  "d5_cpps_at31march_by_duration_2013_to_2025_east_london.csv": [156, "cpp-totals"],
  "national_cla_on_31_march_by_ethnicity.csv": [130, "cla-by-ethnicity"],
  "national_exclusions_by_ethnicity_201112_to_201617.csv": [576, "exclusions-by-ethnicity-2017"],
  "ons_mid_year_population_0_17_2012_to_2024_east_london.csv": [156, "ons-population-0-17"],
  "spc_pupils_by_ethnicity_201516_to_202122_east_london.csv": [6580, "spc-pupils-by-ethnicity"],
};

describe("every real DfE / ONS file in ../shared/data", () => {
  before(function () {
    requireSharedData(this);
  });

  it("when the folder is listed, then it holds exactly the files we expect", () => {
    assert.deepEqual(
      listCsvFiles([SHARED_DATA])
        .map((f) => path.basename(f))
        .sort(),
      Object.keys(EXPECTED).sort(),
    );
  });

  for (const [name, [rows, dataset]] of Object.entries(EXPECTED)) {
    it(`when ${name} is loaded, then all ${rows} rows are read as ${dataset} with every ethnicity label recognised`, function () {
      requireSharedData(this);
      const loaded = loadDataset(readSourceFile(path.join(SHARED_DATA, name)));
      assert.equal(loaded.problem, null);
      assert.equal(loaded.rows, rows);
      assert.equal(loaded.dataset?.id, dataset);
      assert.deepEqual(loaded.unknownLabels, []);
      assert.ok(loaded.observations.length > 0);
      assert.equal(loaded.synthetic, false);
    });
  }

  it("when a source cell holds 'c' or 'x', then the observation keeps the symbol and has no value", function () {
    const cla = loadDataset(readSourceFile(path.join(SHARED_DATA, "cla_number_and_rate_per_10k_children_east_london.csv")));
    const city2025 = cla.observations.find((o) => o.stage === "cla" && o.areaCode === "E09000001" && o.year === 2025)!;
    assert.deepEqual(city2025.count, { value: null, symbol: "c" });
    const sfr = loadDataset(readSourceFile(path.join(SHARED_DATA, "cla_31march_by_major_ethnicity_2011_2017_east_london.csv")));
    const xs = sfr.observations.filter((o) => o.count.symbol === "x");
    assert.equal(xs.length, 7 + 3 + 10 + 5 + 15 + 27, "every x in the file (counted by column) stays an x");
  });

  it("when the SPC file is read, then only the Total phase and language rows are kept, one per group", () => {
    const spc = loadDataset(readSourceFile(path.join(SHARED_DATA, "spc_pupils_by_ethnicity_201516_to_202122_east_london.csv")));
    assert.equal(spc.observations.length, 1400, "7 years x 10 areas x 20 labels");
    const hackney = spc.observations.filter((o) => o.areaCode === "E09000012" && o.period === "2016/17");
    const black = hackney
      .filter((o) => ["Black Caribbean", "Black African", "Any other Black background"].includes(o.group.name))
      .reduce((s, o) => s + o.count.value!, 0);
    assert.equal(black, 10_569, "the reference fixture's Black pupil denominator");
  });
});
