import { WHITE_BRITISH, type EthnicGroup } from "../ethnicity";
import { CITY_OF_LONDON } from "../geography";
import { formatRatio } from "../headlines";
import { roundHalfAway } from "../rounding";
import { katzRatio } from "../intervals";
import { LADDER_STEPS, PREVIOUS_STEP, STEP_NAMES, type EntryStepId, type Ladder, type LadderStep, type LadderStepId } from "../returns/ladder-types";

/** A count that may be shown (value) or not (value null, with the reason). */
export interface Shown {
  value: number | null;
  hidden: string | null;
}

export interface LadderInput {
  areaCode: string;
  areaName: string;
  period: string;
  group: EthnicGroup;
  groupLevel: "minor" | "major";
  baseSource: string;
  /** The count at a step for a group (the base step: the base population); undefined when not collected. */
  count: (step: LadderStepId, group: EthnicGroup) => Shown | undefined;
  sources: string[];
  synthetic: boolean;
}

const ENTRY_STEPS: readonly EntryStepId[] = ["referral", "assessment", "s47", "icpc", "cpp-start", "cla-31march"];
export const TOO_SMALL = "too few children to say";

function visible(s: Shown | undefined): s is { value: number; hidden: null } {
  return Boolean(s && s.hidden === null && s.value !== null);
}

/**
 * One group's ladder of intervention against White British (reference/disparity-methods.md section
 * 1.2, the OJJDP Relative Rate Index as MoJ used it for the Lammy Review): at each step the rate is
 * the count over the count at the step before; the step ratio is (a_g/b_g)/(a_ref/b_ref) with the
 * Katz log interval, SE = sqrt(1/a - 1/b + 1/c - 1/d) for nested counts (intervals.ts falls back to
 * sqrt(1/a + 1/c) where a step counts more children than the one before, as in-year counts can);
 * the cumulative ratio is the same ratio with the base population as denominator, and equals the
 * product of the step ratios from the base. A figure is given only when every count it is made from
 * may be shown, so no rate or ratio reveals a suppressed count.
 */
export function buildLadder(input: LadderInput): Ladder {
  const ref = WHITE_BRITISH;
  const steps: LadderStep[] = [];
  for (const step of LADDER_STEPS) {
    const here = input.count(step, input.group);
    if (here === undefined) continue;
    const prevStep = PREVIOUS_STEP[step];
    const prev = prevStep ? input.count(prevStep, input.group) : undefined;
    const refHere = input.count(step, ref);
    const refPrev = prevStep ? input.count(prevStep, ref) : undefined;
    const base = input.count("base", input.group);
    const refBase = input.count("base", ref);
    const a = visible(here) ? here.value : null;
    const b = visible(prev) ? prev.value : null;
    const stepRatio = prevStep && a !== null && b !== null && visible(refHere) && visible(refPrev) ? katzRatio(a, b, refHere.value, refPrev.value) : null;
    const cumulative =
      step !== "base" && a !== null && visible(base) && visible(refHere) && visible(refBase) ? katzRatio(a, base.value, refHere.value, refBase.value) : null;
    const missing = [
      here.hidden ? `${STEP_NAMES[step]}: ${here.hidden}` : null,
      prevStep && prev?.hidden ? `${STEP_NAMES[prevStep]}: ${prev.hidden}` : null,
      prevStep && (refHere?.hidden || refPrev?.hidden) ? `White British counts suppressed` : null,
    ].filter(Boolean);
    steps.push({
      step,
      previousStep: prevStep,
      count: a,
      previousCount: prevStep ? b : null,
      rate: a !== null && b !== null && b > 0 ? (100 * a) / b : null,
      stepRatio: stepRatio?.value ?? null,
      stepRatioLow: stepRatio?.low ?? null,
      stepRatioHigh: stepRatio?.high ?? null,
      cumulativeRatio: cumulative?.value ?? null,
      cumulativeRatioLow: cumulative?.low ?? null,
      cumulativeRatioHigh: cumulative?.high ?? null,
      suppressed: here.hidden !== null,
      note: missing.length ? missing.join("; ") : null,
    });
  }
  const entersAt = ENTRY_STEPS.find((s) => excludesOne(steps.find((x) => x.step === s))) ?? null;
  const ladder: Ladder = {
    areaCode: input.areaCode,
    areaName: input.areaName,
    period: input.period,
    group: input.group.name,
    groupLevel: input.groupLevel,
    referenceGroup: ref.name,
    baseSource: input.baseSource,
    entersAt,
    sentence: "",
    steps,
    uasc: [],
    sources: input.sources,
    synthetic: input.synthetic,
  };
  return ladder;
}

function excludesOne(s: LadderStep | undefined): boolean {
  return Boolean(s && s.stepRatioLow !== null && s.stepRatioHigh !== null && (s.stepRatioLow > 1 || s.stepRatioHigh < 1));
}

/** Limits to two decimals, so an interval that just excludes 1 never reads as "1.0 to 1.2". */
function interval(low: number, high: number): string {
  return `95% CI ${roundHalfAway(low, 2).toFixed(2)} to ${roundHalfAway(high, 2).toFixed(2)}`;
}

function stepPhrase(s: LadderStep): string {
  const given = s.previousStep === "base" ? "relative to the base population" : `once at ${STEP_NAMES[s.previousStep!]}`;
  return `${STEP_NAMES[s.step]} (${formatRatio(s.stepRatio!)} times the White British rate ${given}, ${interval(s.stepRatioLow!, s.stepRatioHigh!)})`;
}

/**
 * The plain sentence: where the disparity enters (the first step whose interval excludes 1), where
 * it widens or narrows (a later step whose interval excludes 1 moves the cumulative ratio away from,
 * or back towards, 1), and where the numbers are too small to say. Intervals that include 1 are not
 * called differences.
 */
export function ladderSentence(l: Ladder): string {
  const who = `${l.group} children in ${l.areaName}, ${l.period}, against White British children`;
  if (l.areaCode === CITY_OF_LONDON) return `${who}: not shown, as City of London is never shown on its own (too few children to publish safely).`;
  const chain = l.steps.filter((s) => (ENTRY_STEPS as readonly string[]).includes(s.step));
  const parts: string[] = [];
  const entry = chain.find((s) => s.step === l.entersAt);
  if (entry) {
    parts.push(
      entry.stepRatio! > 1
        ? `the disparity enters at ${stepPhrase(entry)}`
        : `the first difference is at ${stepPhrase(entry)}, lower than for White British children`,
    );
    for (const s of chain.slice(chain.indexOf(entry) + 1)) {
      if (!excludesOne(s)) continue;
      const before = l.steps.find((x) => x.step === s.previousStep)?.cumulativeRatio ?? null;
      const after = s.cumulativeRatio;
      const widens = before !== null && after !== null ? Math.abs(Math.log(after)) > Math.abs(Math.log(before)) : s.stepRatio! > 1;
      parts.push(`${widens ? "widens" : "narrows"} at ${stepPhrase(s)}`);
    }
  } else if (chain.some((s) => s.stepRatio !== null)) parts.push("no step differs from White British children beyond chance");
  const small = chain.filter((s) => s.stepRatio === null && !(s.previousStep === "base" && l.baseSource.startsWith("no base"))).map((s) => STEP_NAMES[s.step]);
  if (small.length) parts.push(`too few children to say at ${small.join(", ")}`);
  if (l.baseSource.startsWith("no base")) parts.push("no base population was loaded, so referral is not compared");
  const cum = l.steps.find((s) => s.step === "cpp-start");
  if (cum?.cumulativeRatio != null)
    parts.push(
      `overall ${formatRatio(cum.cumulativeRatio)} times as likely to start a child protection plan relative to the base (${interval(cum.cumulativeRatioLow!, cum.cumulativeRatioHigh!)})`,
    );
  const uasc = l.uasc.find((u) => u.step === "cla-31march");
  if (uasc?.count)
    parts.push(
      `${uasc.count} of those looked after on 31 March are unaccompanied asylum-seeking children${uasc.stepRatioWithout !== null ? `; without them the ratio at that step is ${formatRatio(uasc.stepRatioWithout)} (${interval(uasc.low!, uasc.high!)})` : ""}`,
    );
  return `${who}: ${parts.join("; ") || "too few children to say at any step"}.`;
}
