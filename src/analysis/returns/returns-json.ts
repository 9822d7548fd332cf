import type { Ladder, PipelineRow, WorkforceFlowRow } from "./ladder-types";

/** The `--json` contract for the boroughs' returns (issue 12); numbers unrounded, unknowns null. */
export interface LadderJson {
  area_code: string;
  area_name: string;
  period: string;
  group: string;
  group_level: "minor" | "major";
  reference_group: string;
  base_source: string;
  enters_at: string | null;
  sentence: string;
  synthetic: boolean;
  /** Unaccompanied asylum-seeking children among those looked after, and the step ratio without them. */
  uasc: { step: string; count: number | null; step_ratio_without: number | null; ci_low: number | null; ci_high: number | null }[];
  steps: {
    step: string;
    previous_step: string | null;
    count: number | null;
    previous_count: number | null;
    rate: number | null;
    step_ratio: number | null;
    step_ratio_ci_low: number | null;
    step_ratio_ci_high: number | null;
    cumulative_ratio: number | null;
    cumulative_ratio_ci_low: number | null;
    cumulative_ratio_ci_high: number | null;
    suppressed: boolean;
    note: string | null;
  }[];
}

export interface PipelineJson {
  area_code: string;
  period: string;
  group: string;
  role: string;
  previous_role: string | null;
  count: number | null;
  known: number | null;
  share: number | null;
  ratio_to_previous_role: number | null;
  ratio_ci_low: number | null;
  ratio_ci_high: number | null;
  suppressed: boolean;
  note: string | null;
}

export interface WorkforceFlowJson {
  area_code: string;
  period: string;
  group: string;
  flow: string;
  count: number | null;
  known: number | null;
  share: number | null;
  suppressed: boolean;
}

export function ladderJson(l: Ladder): LadderJson {
  return {
    area_code: l.areaCode,
    area_name: l.areaName,
    period: l.period,
    group: l.group,
    group_level: l.groupLevel,
    reference_group: l.referenceGroup,
    base_source: l.baseSource,
    enters_at: l.entersAt,
    sentence: l.sentence,
    synthetic: l.synthetic,
    uasc: l.uasc.map((u) => ({ step: u.step, count: u.count, step_ratio_without: u.stepRatioWithout, ci_low: u.low, ci_high: u.high })),
    steps: l.steps.map((s) => ({
      step: s.step,
      previous_step: s.previousStep,
      count: s.count,
      previous_count: s.previousCount,
      rate: s.rate,
      step_ratio: s.stepRatio,
      step_ratio_ci_low: s.stepRatioLow,
      step_ratio_ci_high: s.stepRatioHigh,
      cumulative_ratio: s.cumulativeRatio,
      cumulative_ratio_ci_low: s.cumulativeRatioLow,
      cumulative_ratio_ci_high: s.cumulativeRatioHigh,
      suppressed: s.suppressed,
      note: s.note,
    })),
  };
}

export function pipelineJson(p: PipelineRow): PipelineJson {
  return {
    area_code: p.areaCode,
    period: p.period,
    group: p.group,
    role: p.role,
    previous_role: p.previousRole,
    count: p.count,
    known: p.known,
    share: p.share,
    ratio_to_previous_role: p.ratioToPreviousRole,
    ratio_ci_low: p.ratioLow,
    ratio_ci_high: p.ratioHigh,
    suppressed: p.suppressed,
    note: p.note,
  };
}

export function workforceFlowJson(f: WorkforceFlowRow): WorkforceFlowJson {
  return { area_code: f.areaCode, period: f.period, group: f.group, flow: f.flow, count: f.count, known: f.known, share: f.share, suppressed: f.suppressed };
}
