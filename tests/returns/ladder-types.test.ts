import assert from "node:assert/strict";
import { disparityEntryStrips, LADDER_STEPS, PREVIOUS_STEP, STRIP_STEPS, type Ladder } from "../../src/analysis/returns/ladder-types";

function ladder(group: string, groupLevel: "minor" | "major", areaCode = "E09000012"): Ladder {
  return {
    areaCode,
    areaName: "Hackney",
    period: "2026",
    group,
    groupLevel,
    referenceGroup: "White British",
    baseSource: "school census pupils",
    entersAt: "s47",
    sentence: `${group} sentence`,
    steps: LADDER_STEPS.map((step) => ({
      step,
      previousStep: PREVIOUS_STEP[step],
      count: 20,
      previousCount: 40,
      rate: 50,
      stepRatio: step === "s47" ? 1.8 : 1,
      stepRatioLow: 1.2,
      stepRatioHigh: 2.4,
      cumulativeRatio: 1.8,
      cumulativeRatioLow: 1.1,
      cumulativeRatioHigh: 2.9,
      suppressed: step === "icpc",
      note: null,
    })),
    uasc: [],
    sources: ["cin.xml"],
    synthetic: true,
  };
}

describe("returns: the ladder contract", () => {
  it("when every step names its previous step, then the chain always ends at the base", () => {
    for (const step of LADDER_STEPS) {
      let s: (typeof LADDER_STEPS)[number] | null = step;
      for (let i = 0; s !== "base" && i < 10; i++) s = PREVIOUS_STEP[s!];
      assert.equal(s, "base", step);
    }
  });

  it("when ladders of two boroughs are grouped for the digest, then each borough gets one strip, major groups first, with the main chain's step ratios", () => {
    const strips = disparityEntryStrips([ladder("Black Caribbean", "minor"), ladder("Black", "major"), ladder("Black", "major", "E09000025")]);
    assert.equal(strips.length, 2);
    const hackney = strips.find((s) => s.areaCode === "E09000012")!;
    assert.deepEqual(
      hackney.rows.map((r) => r.group),
      ["Black", "Black Caribbean"],
    );
    assert.deepEqual(
      hackney.rows[0]!.steps.map((s) => s.step),
      [...STRIP_STEPS],
    );
    assert.equal(hackney.rows[0]!.steps.find((s) => s.step === "s47")!.ratio, 1.8);
    assert.equal(hackney.rows[0]!.steps.find((s) => s.step === "icpc")!.suppressed, true);
    assert.equal(hackney.synthetic, true);
  });
});
