/**
 * The boroughs' own statutory returns (CIN census, SSDA903, CSWW), as the aggregates the analysis
 * keeps: ladders of intervention by ethnic group and the workforce pipeline by seniority. Nothing here
 * holds a child or a worker: every number is a count of people after disclosure control.
 */

/** Steps of the social-care ladder, in the order a child meets them. */
export const LADDER_STEPS = ["base", "referral", "assessment", "s47", "icpc", "cpp-start", "cin-31march", "cpp-31march", "cla-31march", "cla-start"] as const;
export type LadderStepId = (typeof LADDER_STEPS)[number];

/** Steps at which a disparity can be said to enter (the chained steps after the base). */
export type EntryStepId = "referral" | "assessment" | "s47" | "icpc" | "cpp-start" | "cla-31march";

/** Each step and the step it is measured against ("given the previous one"). */
export const PREVIOUS_STEP: Record<LadderStepId, LadderStepId | null> = {
  base: null,
  referral: "base",
  assessment: "referral",
  s47: "assessment",
  icpc: "s47",
  "cpp-start": "icpc",
  "cin-31march": "base",
  "cpp-31march": "cin-31march",
  "cla-31march": "cin-31march",
  "cla-start": "base",
};

export const STEP_NAMES: Record<LadderStepId, string> = {
  base: "base population",
  referral: "referral",
  assessment: "completed assessment",
  s47: "section 47 enquiry",
  icpc: "initial child protection conference",
  "cpp-start": "child protection plan start",
  "cin-31march": "child in need on 31 March",
  "cpp-31march": "on a child protection plan on 31 March",
  "cla-31march": "looked after on 31 March",
  "cla-start": "starting to be looked after",
};

export interface LadderStep {
  step: LadderStepId;
  previousStep: LadderStepId | null;
  /** Children at this step in the year (distinct children); null when suppressed or not known. */
  count: number | null;
  /** Children at the previous step; null when suppressed, not known, or for the base. */
  previousCount: number | null;
  /** count / previousCount as a percentage (the base step: null). */
  rate: number | null;
  /** (a_g/b_g)/(a_ref/b_ref): this step given the previous one, against the reference group; Katz 95% CI. */
  stepRatio: number | null;
  stepRatioLow: number | null;
  stepRatioHigh: number | null;
  /** (a_g/base_g)/(a_ref/base_ref): the product of the step ratios from the base to here. */
  cumulativeRatio: number | null;
  cumulativeRatioLow: number | null;
  cumulativeRatioHigh: number | null;
  /** This step's count is hidden (1 to 9, or hidden so it cannot be worked out); no number reveals it. */
  suppressed: boolean;
  /** Why a figure is missing, in words; null when all is shown. */
  note: string | null;
}

export interface Ladder {
  areaCode: string;
  areaName: string;
  /** Year ending 31 March, e.g. "2026". */
  period: string;
  group: string;
  groupLevel: "minor" | "major";
  referenceGroup: string;
  /** The base population, always named, e.g. "school census pupils, January 2022 (DfE)". */
  baseSource: string;
  /** The first step whose ratio's 95% interval excludes 1; null when none does. */
  entersAt: EntryStepId | null;
  /** One plain sentence: where the disparity enters, widens or narrows, and where numbers are too small. */
  sentence: string;
  steps: LadderStep[];
  /**
   * Unaccompanied asylum-seeking children, shown apart as well as within: how many of the looked-after
   * counts they are, and the step ratio without them (null when that would reveal a hidden count).
   */
  uasc: { step: "cla-31march" | "cla-start"; count: number | null; stepRatioWithout: number | null; low: number | null; high: number | null }[];
  /** The return files the counts came from (names only). */
  sources: string[];
  synthetic: boolean;
}

/** CSWW seniority, from case holder up; "qualified-without-cases" sits beside case holders. */
export const WORKFORCE_ROLES = [
  "case-holder",
  "qualified-without-cases",
  "senior-practitioner",
  "first-line-manager",
  "middle-manager",
  "senior-manager",
] as const;
export type WorkforceRole = (typeof WORKFORCE_ROLES)[number];

/** The role each role is compared with (the pipeline runs case holder -> senior manager). */
export const PREVIOUS_ROLE: Record<WorkforceRole, WorkforceRole | null> = {
  "case-holder": null,
  "qualified-without-cases": "case-holder",
  "senior-practitioner": "case-holder",
  "first-line-manager": "senior-practitioner",
  "middle-manager": "first-line-manager",
  "senior-manager": "middle-manager",
};

/** One group's share of the staff of known ethnicity at one role, in post on 30 September. */
export interface PipelineRow {
  areaCode: string;
  areaName: string;
  /** Year of the 30 September reference date, e.g. "2025". */
  period: string;
  /** Major ethnic group (DfE publishes CSWW by major group). */
  group: string;
  role: WorkforceRole;
  previousRole: WorkforceRole | null;
  count: number | null;
  known: number | null;
  /** Per cent of staff of known ethnicity at this role. */
  share: number | null;
  /** share here / share at the previous role, with a Katz 95% CI. */
  ratioToPreviousRole: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  suppressed: boolean;
  note: string | null;
  synthetic: boolean;
}

export const WORKFORCE_FLOWS = ["starters", "leavers", "agency", "step-up", "frontline"] as const;
export type WorkforceFlow = (typeof WORKFORCE_FLOWS)[number];

/** Starters, leavers, agency staff and graduates of Step Up and Frontline, by major group. */
export interface WorkforceFlowRow {
  areaCode: string;
  areaName: string;
  period: string;
  group: string;
  flow: WorkforceFlow;
  count: number | null;
  /** Everyone of known ethnicity in this flow. */
  known: number | null;
  share: number | null;
  suppressed: boolean;
  note: string | null;
  synthetic: boolean;
}

/**
 * For the digest's "where disparity enters" strip: one borough, one year, a row per group with the
 * step ratios along the main chain (referral to plan start, then looked after) and the sentence.
 */
export interface DisparityEntryStrip {
  areaCode: string;
  areaName: string;
  period: string;
  baseSource: string;
  synthetic: boolean;
  rows: {
    group: string;
    groupLevel: "minor" | "major";
    entersAt: EntryStepId | null;
    sentence: string;
    steps: { step: LadderStepId; ratio: number | null; low: number | null; high: number | null; suppressed: boolean }[];
  }[];
}

/** The main chain the strip shows, in order. */
export const STRIP_STEPS: readonly LadderStepId[] = ["referral", "assessment", "s47", "icpc", "cpp-start", "cla-31march"];

/** Groups the ladders of one borough and year into the digest's strip (major groups first). */
export function disparityEntryStrips(ladders: readonly Ladder[]): DisparityEntryStrip[] {
  const byArea = new Map<string, Ladder[]>();
  for (const l of ladders) {
    const k = `${l.areaCode}|${l.period}`;
    const list = byArea.get(k);
    if (list) list.push(l);
    else byArea.set(k, [l]);
  }
  return [...byArea.values()].map((list) => {
    const first = list[0]!;
    const sorted = [...list].sort((a, b) => Number(a.groupLevel === "minor") - Number(b.groupLevel === "minor"));
    return {
      areaCode: first.areaCode,
      areaName: first.areaName,
      period: first.period,
      baseSource: first.baseSource,
      synthetic: list.some((l) => l.synthetic),
      rows: sorted.map((l) => ({
        group: l.group,
        groupLevel: l.groupLevel,
        entersAt: l.entersAt,
        sentence: l.sentence,
        steps: STRIP_STEPS.map((s) => {
          const step = l.steps.find((x) => x.step === s);
          return {
            step: s,
            ratio: step?.stepRatio ?? null,
            low: step?.stepRatioLow ?? null,
            high: step?.stepRatioHigh ?? null,
            suppressed: step?.suppressed ?? false,
          };
        }),
      })),
    };
  });
}
