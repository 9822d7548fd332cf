import assert from "node:assert/strict";
import { katzRatio, poissonCountLimits, rateInterval, wilson } from "../../src/analysis/intervals";
import { holmAdjust } from "../../src/analysis/multiple-comparisons";
import { roundHalfAway } from "../../src/analysis/rounding";

// Fixtures: reference/disparity-methods.md section 1.7.
const pct = (x: number) => roundHalfAway(100 * x, 4);

describe("interval methods", () => {
  it("when a proportion is given, then the Wilson limits match the reference fixtures", () => {
    const a = wilson(260, 92_595);
    assert.deepEqual([pct(a.low), pct(a.high)], [0.2487, 0.317]);
    const b = wilson(5_470, 5_439_705);
    assert.deepEqual([pct(b.low), pct(b.high)], [0.0979, 0.1033]);
    const c = wilson(115, 211);
    assert.deepEqual([roundHalfAway(100 * c.low, 2), roundHalfAway(100 * c.high, 2)], [47.76, 61.08]);
  });

  it("when a count is 10 or more, then Byar's limits give Barking and Dagenham CLA 2025 64.85 (58.87-71.27)", () => {
    const r = rateInterval(431, 66_465, 10_000);
    assert.deepEqual([roundHalfAway(r.value, 2), roundHalfAway(r.low, 2), roundHalfAway(r.high, 2)], [64.85, 58.87, 71.27]);
  });

  it("when a count is below 10, then exact Poisson limits give City of London CLA 2024 76.3 (30.7-157.1)", () => {
    const r = rateInterval(7, 918, 10_000);
    assert.deepEqual([roundHalfAway(r.value, 1), roundHalfAway(r.low, 1), roundHalfAway(r.high, 1)], [76.3, 30.7, 157.1]);
  });

  it("when the count is zero, then the lower limit is 0 and the upper is the exact 3.689", () => {
    const l = poissonCountLimits(0);
    assert.equal(l.low, 0);
    assert.equal(roundHalfAway(l.high, 3), 3.689);
  });

  it("when comparing Black Caribbean with White British permanent exclusions 2016/17, then Katz gives 2.79 (2.47-3.16)", () => {
    const r = katzRatio(260, 92_595, 5_470, 5_439_705)!;
    assert.deepEqual(
      [r.value, r.low, r.high].map((x) => roundHalfAway(x, 2)),
      [2.79, 2.47, 3.16],
    );
  });

  it("when comparing one or more fixed-period exclusions, then Katz gives 2.50 (2.44-2.57)", () => {
    const r = katzRatio(5_425, 92_595, 127_445, 5_439_705)!;
    assert.deepEqual(
      [r.value, r.low, r.high].map((x) => roundHalfAway(x, 2)),
      [2.5, 2.44, 2.57],
    );
  });

  it("when comparing Hackney CLA 2017 per pupil, Black vs White, then Katz gives 1.40 (1.10-1.79)", () => {
    const r = katzRatio(156, 10_569, 107, 10_141)!;
    assert.deepEqual(
      [r.value, r.low, r.high].map((x) => roundHalfAway(x, 2)),
      [1.4, 1.1, 1.79],
    );
  });

  it("when either group has no events, then the ratio is not calculable rather than invented", () => {
    assert.equal(katzRatio(0, 100, 5, 100), null);
    assert.equal(katzRatio(5, 100, 0, 100), null);
  });

  it("when p-values are adjusted by Holm's method, then they match the step-down textbook example", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]).map((p) => roundHalfAway(p, 4));
    assert.deepEqual(adjusted, [0.03, 0.06, 0.06, 0.02]);
  });

  it("when DfE rounding is applied, then halves go away from zero", () => {
    assert.deepEqual([roundHalfAway(0.285, 2), roundHalfAway(2.5), roundHalfAway(-2.5)], [0.29, 3, -3]);
  });
});
