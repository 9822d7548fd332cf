import type { AnalysisResult } from "./run-analysis";
import type { MeasureRow } from "./measure-row";
import { roundHalfAway } from "./rounding";

/** The `--json` contract of issue 5, plus `method` and `note` on each measure (documented). */
export interface MeasureJson {
  measure: string;
  topic: string;
  area_code: string;
  area_name: string;
  period: string;
  group: string;
  level: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: string;
  ci_low: number | null;
  ci_high: number | null;
  reference_group: string | null;
  ratio: number | null;
  ratio_ci_low: number | null;
  ratio_ci_high: number | null;
  suppressed: boolean;
  source: string;
  method: string;
  note: string | null;
}

export interface HeadlineJson {
  text: string;
  measure: string;
  area_code: string;
  period: string;
  group: string;
  ratio: number;
  significant: boolean;
}

const r1 = (x: number | null) => (x === null ? null : roundHalfAway(x, 1));
const r2 = (x: number | null) => (x === null ? null : roundHalfAway(x, 2));

/** A suppressed measure carries no number that could reveal the hidden count. */
export function measureJson(m: MeasureRow): MeasureJson {
  const hide = m.suppressed;
  return {
    measure: m.measure,
    topic: m.topic,
    area_code: m.areaCode,
    area_name: m.areaName,
    period: m.period,
    group: m.group,
    level: m.level,
    numerator: hide ? null : m.numerator,
    denominator: hide ? null : m.denominator,
    value: hide ? null : r1(m.value),
    unit: m.unit,
    ci_low: hide ? null : r1(m.ciLow),
    ci_high: hide ? null : r1(m.ciHigh),
    reference_group: m.referenceGroup,
    ratio: hide ? null : r2(m.ratio),
    ratio_ci_low: hide ? null : r2(m.ratioLow),
    ratio_ci_high: hide ? null : r2(m.ratioHigh),
    suppressed: m.suppressed,
    source: m.source,
    method: m.method,
    note: m.note,
  };
}

export function toContractJson(result: AnalysisResult): { measures: MeasureJson[]; headlines: HeadlineJson[] } {
  return {
    measures: result.measures.map(measureJson),
    headlines: result.headlines.map((h) => ({
      text: h.text,
      measure: h.measure,
      area_code: h.areaCode,
      period: h.period,
      group: h.group,
      ratio: roundHalfAway(h.ratio, 2),
      significant: h.significant,
    })),
  };
}
