import assert from "node:assert/strict";
import { broadGroup, broadGroupOf, coverOf, detailedGroupsOf, groupOf, othersOf, resolveLabel, type EthnicGroup } from "../../src/analysis/ethnicity";

const g = (scheme: string, label: string) => resolveLabel(scheme, label) as EthnicGroup;

describe("ethnicity classifications", () => {
  it("when the same group is labelled by school census, CLA, exclusions and Census 2021, then all resolve to one group", () => {
    const keys = [
      g("dfe", "Black - Black Caribbean"),
      g("dfe", "4a. Caribbean"),
      g("dfe-chinese-separate", "Ethnicity_Minor_Black_Caribbean"),
      g("census2021", "Black, Black British, Black Welsh, Caribbean or African: Caribbean"),
    ].map((x) => x.key);
    assert.equal(new Set(keys).size, 1);
    assert.equal(g("dfe", "White - White British").name, "White British");
  });

  it("when DfE minor groups map to broad groups and back, then every minor returns in its broad group", () => {
    assert.equal(broadGroupOf(g("dfe", "Asian - Chinese")), "Asian");
    assert.equal(broadGroupOf(g("dfe", "Mixed - White and Asian")), "Mixed");
    const back = detailedGroupsOf("dfe", "Black")
      .map((x) => x.name)
      .sort();
    assert.deepEqual(back, ["Any other Black background", "Black African", "Black Caribbean"]);
    assert.equal(broadGroupOf(g("dfe", "Unclassified")), null);
  });

  it("when a source defines Asian without Chinese, then it is not the same group as the school census Asian", () => {
    const oldAsian = g("dfe-chinese-separate", "Ethnicity_Major_Asian_Total");
    assert.notEqual(oldAsian.key, broadGroup("Asian").key);
    assert.equal(oldAsian.name, "Asian (not Chinese)");
  });

  it("when Census Gypsy or Irish Traveller is asked to make DfE Gypsy/Roma, then no cover exists", () => {
    const census = ["White: Gypsy or Irish Traveller", "White: Roma", "White: Irish"].map((l) => ({ group: g("census2021", l) }));
    assert.equal(coverOf(g("dfe", "White - Gypsy/Roma"), census), null);
    const white = [
      "White: English, Welsh, Scottish, Northern Irish or British",
      "White: Irish",
      "White: Gypsy or Irish Traveller",
      "White: Roma",
      "White: Other White",
    ].map((l) => ({ group: g("census2021", l) }));
    assert.equal(coverOf(broadGroup("White"), white)?.length, 5);
  });

  it("when Census splits Arab from any other ethnic group, then both together equal DfE Any other ethnic group", () => {
    const parts = ["Other ethnic group: Arab", "Other ethnic group: Any other ethnic group"].map((l) => ({ group: g("census2021", l) }));
    assert.equal(coverOf(g("dfe", "Any other ethnic group"), parts)?.length, 2);
  });

  it("when asking for all other groups, then unknown ethnicity is left out", () => {
    const others = othersOf(g("dfe", "White - White British"));
    assert.ok(!others.atoms.includes("refused") && !others.atoms.includes("wbri"));
    assert.equal(others.atoms.length, groupOf(others.atoms).atoms.length);
  });

  it("when refused and not obtained are both listed, then each is distinct and together they are Unknown", () => {
    assert.equal(g("dfe", "6a. Refused").name, "Refused");
    assert.equal(g("dfe", "6. Total refused or information not yet available").name, "Unknown");
    assert.equal(resolveLabel("dfe", "Ethnicity_Minority_ethnic_pupil"), "ignore");
  });
});
