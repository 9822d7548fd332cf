import assert from "node:assert/strict";
import { groupOf, type EthnicGroup } from "../../src/analysis/ethnicity";
import { buildLadder, ladderSentence, type Shown } from "../../src/analysis/measures/return-ladders";
import { workforcePipeline } from "../../src/analysis/measures/workforce-pipeline";
import { controlReturn, MAJOR_GROUPS, MINOR_GROUPS } from "../../src/analysis/returns/control-returns";
import { ETHNICITY_CODES } from "../../src/analysis/returns/dfe-codes";
import { LADDER_STEPS, PREVIOUS_STEP, type LadderStepId } from "../../src/analysis/returns/ladder-types";
import { addCount, emptyCounts } from "../../src/analysis/returns/return-counts";
import { KNOWN_GROUP } from "../../src/analysis/ethnicity";
import { near, seeded } from "../analysis/support";
import { analyseReturns } from "../../src/analysis/returns/analyse-returns";

const WBRI = groupOf(["wbri"]);
const BCRB = groupOf(["bcrb"]);

function fromTable(t: Partial<Record<LadderStepId, [number, number]>>): (s: LadderStepId, g: EthnicGroup) => Shown | undefined {
  return (s, g) => {
    const pair = t[s];
    if (!pair) return undefined;
    const v = g.key === WBRI.key ? pair[1] : pair[0];
    return v < 0 ? { value: null, hidden: "a count from 1 to 9 that the source did not publish is not shown" } : { value: v, hidden: null };
  };
}

const input = (count: (s: LadderStepId, g: EthnicGroup) => Shown | undefined) => ({
  areaCode: "E09000012",
  areaName: "Hackney",
  period: "2025",
  group: BCRB,
  groupLevel: "minor" as const,
  baseSource: "school census pupils",
  count,
  sources: ["cin.xml"],
  synthetic: true,
});

describe("returns: the ladder's chained ratios", () => {
  it("when the counts are known, then rates, step ratios, Katz intervals and cumulative ratios are those worked out by hand", () => {
    // Black Caribbean: base 1000, referred 100, assessed 80, s47 40. White British: 2000, 100, 90, 30.
    // referral: (100/1000)/(100/2000) = 2.0; SE = sqrt(1/100 - 1/1000 + 1/100 - 1/2000) = 0.13601,
    //   CI 2 exp(-/+1.96 x 0.13601) = 1.532 to 2.611.
    // assessment: (80/100)/(90/100) = 0.8889, CI 0.790 to 0.99999 (just below 1).
    // s47: (40/80)/(30/90) = 1.5, CI 1.041 to 2.161; cumulative (40/1000)/(30/2000) = 2.667 = 2.0 x 0.8889 x 1.5.
    const l = buildLadder(input(fromTable({ base: [1000, 2000], referral: [100, 100], assessment: [80, 90], s47: [40, 30] })));
    const step = (s: LadderStepId) => l.steps.find((x) => x.step === s)!;
    assert.deepEqual(
      l.steps.map((s) => s.step),
      ["base", "referral", "assessment", "s47"],
    );
    assert.ok(
      near(step("referral").stepRatio, 2, 1e-12) && near(step("referral").stepRatioLow, 1.532, 0.001) && near(step("referral").stepRatioHigh, 2.611, 0.001),
    );
    assert.ok(near(step("referral").rate, 10, 1e-12));
    assert.ok(near(step("assessment").stepRatio, 0.8889, 0.0001) && near(step("assessment").stepRatioHigh, 0.99999, 0.00001));
    assert.ok(near(step("s47").stepRatio, 1.5, 1e-12) && near(step("s47").stepRatioLow, 1.041, 0.001) && near(step("s47").stepRatioHigh, 2.161, 0.001));
    assert.ok(near(step("s47").cumulativeRatio, 2.6667, 0.0001));
    assert.equal(l.entersAt, "referral");
    const sentence = ladderSentence(l);
    assert.match(sentence, /the disparity enters at referral \(2\.0 times the White British rate relative to the base population, 95% CI 1\.53 to 2\.61\)/);
    assert.match(sentence, /narrows at completed assessment/);
    assert.match(sentence, /widens at section 47 enquiry \(1\.5 times/);
  });

  it("when a count is suppressed, then its step shows no number, and the next step gives no rate or step ratio that would reveal it", () => {
    const l = buildLadder(input(fromTable({ base: [1000, 2000], referral: [100, 100], assessment: [-1, 90], s47: [40, 30] })));
    const a = l.steps.find((s) => s.step === "assessment")!;
    const s47 = l.steps.find((s) => s.step === "s47")!;
    assert.equal(a.suppressed, true);
    assert.deepEqual([a.count, a.rate, a.stepRatio, a.cumulativeRatio], [null, null, null, null]);
    assert.equal(s47.suppressed, false);
    assert.deepEqual([s47.previousCount, s47.rate, s47.stepRatio], [null, null, null]);
    assert.ok(near(s47.cumulativeRatio, 2.6667, 0.0001));
    assert.match(ladderSentence(l), /too few children to say at completed assessment, section 47 enquiry/);
  });

  it("property: along every chain, the step ratios multiply to the cumulative ratio", () => {
    const random = seeded(12);
    for (let trial = 0; trial < 200; trial++) {
      const t: Partial<Record<LadderStepId, [number, number]>> = {};
      const draw = (prev: [number, number]): [number, number] => [Math.max(1, Math.round(prev[0] * random())), Math.max(1, Math.round(prev[1] * random()))];
      t.base = [100 + Math.round(random() * 20000), 100 + Math.round(random() * 20000)];
      for (const s of LADDER_STEPS.slice(1)) t[s] = draw(t[PREVIOUS_STEP[s]!]!);
      const l = buildLadder(input(fromTable(t)));
      for (const s of l.steps.filter((x) => x.step !== "base")) {
        let product = 1;
        for (let at: LadderStepId | null = s.step; at !== "base"; at = PREVIOUS_STEP[at!]) product *= l.steps.find((x) => x.step === at)!.stepRatio!;
        assert.ok(Math.abs(product / s.cumulativeRatio! - 1) < 1e-9, `${s.step}: ${product} vs ${s.cumulativeRatio}`);
      }
    }
  });
});

describe("returns: disclosure control of the aggregates", () => {
  function randomReturn(random: () => number, la: string) {
    const r = emptyCounts("cin-census", la, "2025-03-31", "cin.xml", true);
    for (const step of ["referral", "assessment", "s47"])
      for (const code of ETHNICITY_CODES) if (random() < 0.7) addCount(r, step, code, Math.floor(random() * (random() < 0.5 ? 12 : 60)));
    return r;
  }

  it("property: no count from 1 to 9 is shown, and no family of cells that add up has a single hidden cell", () => {
    const random = seeded(7);
    for (let trial = 0; trial < 150; trial++) {
      const c = controlReturn(randomReturn(random, "204"));
      for (const table of c.cells.values()) {
        for (const cell of table.values()) assert.ok(cell.value === null || cell.value === 0 || cell.value >= 10, `shown ${cell.value}`);
        const families = [
          [KNOWN_GROUP, MAJOR_GROUPS],
          ...MAJOR_GROUPS.map((m) => [m, MINOR_GROUPS.filter((g) => g.key !== m.key && g.atoms.every((a) => m.atoms.includes(a)))] as const),
        ] as const;
        for (const [parent, members] of families) {
          if (members.length < 2) continue;
          const hiddenCount = [parent, ...members].filter((g) => table.get(g.key)!.hidden !== null).length;
          assert.notEqual(hiddenCount, 1, `${parent.name}: one hidden cell could be worked out by subtraction`);
        }
      }
    }
  });

  it("when the return is City of London's, then nothing is shown on its own, and the sentence says why", () => {
    const c = controlReturn(randomReturn(seeded(3), "201"));
    for (const table of c.cells.values()) for (const cell of table.values()) assert.equal(cell.value, null);
    const l = buildLadder({ ...input(fromTable({ base: [100, 200], referral: [-1, -1] })), areaCode: "E09000001", areaName: "City of London" });
    assert.match(
      ladderSentence(l),
      /^Black Caribbean children in City of London, 2025, against White British children: not shown, as City of London is never shown on its own/,
    );
  });

  it("when the workforce has a suppressed role count, then neither its share nor the next role's ratio is given", () => {
    const r = emptyCounts("csww", "204", "2024-09-30", "csww.xml", true);
    for (const [code, n] of [
      ["WBRI", 40],
      ["BAFR", 30],
      ["ABAN", 12],
      ["MWBC", 11],
      ["OOTH", 10],
    ] as const)
      addCount(r, "in-post:case-holder", code, n);
    for (const [code, n] of [
      ["WBRI", 20],
      ["BAFR", 4],
      ["ABAN", 10],
      ["MWBC", 10],
      ["OOTH", 12],
    ] as const)
      addCount(r, "in-post:senior-practitioner", code, n);
    const rows = workforcePipeline(controlReturn(r));
    const black = rows.find((p) => p.group === "Black" && p.role === "senior-practitioner")!;
    assert.equal(black.suppressed, true);
    assert.deepEqual([black.count, black.share, black.ratioToPreviousRole], [null, null, null]);
    // Secondary suppression hides a second group there, and the known total stays shown.
    assert.equal(rows.filter((p) => p.role === "senior-practitioner" && p.suppressed).length, 2);
    const white = rows.find((p) => p.group === "White" && p.role === "case-holder")!;
    // Hand count: 40 of 103 known case holders = 38.83%.
    assert.ok(near(white.share, (100 * 40) / 103, 1e-9));
  });
});

describe("returns: unaccompanied asylum-seeking children apart as well as within", () => {
  it("when some looked-after children are UASC, then the step ratio is given with and without them, worked by hand", () => {
    // In need on 31 March: White British 100, Black African 50. Looked after: 20 and 30, of whom 12 Black African children are UASC.
    // With them: (30/50)/(20/100) = 3.0. Without: (18/50)/(20/100) = 1.8.
    const cin = emptyCounts("cin-census", "204", "2025-03-31", "cin.xml", true);
    addCount(cin, "cin-31march", "WBRI", 100);
    addCount(cin, "cin-31march", "BAFR", 50);
    const cla = emptyCounts("ssda903", "204", "2025-03-31", "episodes.csv", true);
    addCount(cla, "cla-31march", "WBRI", 20);
    addCount(cla, "cla-31march", "BAFR", 30);
    addCount(cla, "uasc-cla-31march", "BAFR", 12);
    const { ladders } = analyseReturns({ returns: [cin, cla], problems: [], files: [] }, []);
    const african = ladders.find((l) => l.group === "Black African")!;
    assert.ok(near(african.steps.find((s) => s.step === "cla-31march")!.stepRatio, 3, 1e-12));
    const apart = african.uasc.find((u) => u.step === "cla-31march")!;
    assert.equal(apart.count, 12);
    assert.ok(near(apart.stepRatioWithout, 1.8, 1e-12));
    assert.match(
      african.sentence,
      /12 of those looked after on 31 March are unaccompanied asylum-seeking children; without them the ratio at that step is 1\.8/,
    );
  });
});
