/**
 * The measure and headline contract: the one declaration of what a computed figure and a headline
 * hold. The stored shapes (src/headlines/measure-store.ts), the `--json` output and the tab's data are
 * derived from these types, never declared again.
 */
import type { Topic, Unit } from "./catalogue";
import type { Comparison } from "./comparison";
import type { Geography } from "./observation";

/**
 * What a rate is divided by. Two periods are comparable only when their bases have the same `series`
 * (same source and coverage); a change across series is a break in the series, not a change.
 */
export interface MeasureBase {
  /** The stage counted in the base, e.g. "population-0-17", "pupils", "cin". */
  stage: string;
  /** Catalogue dataset the base came from. */
  dataset: string;
  /** Plain words, e.g. "ONS mid-year estimate of children aged 0-17". */
  description: string;
  /** Source and coverage: equal series, comparable periods. */
  series: string;
  /** Why the series changed from the one before, when it did (e.g. a wider school census from 2017/18). */
  seriesNote: string | null;
  /** The base stands in for a population it is not (pupils on school rolls for resident children). */
  proxy: boolean;
}

/** One computed figure, with everything needed to show, check, store or headline it. */
export interface MeasureRow {
  measure: string;
  topic: Topic;
  title: string;
  areaCode: string;
  areaName: string;
  geography: Geography;
  period: string;
  year: number;
  /** Ethnic group name ("All" for everyone); groupKey is its atom-set key. */
  group: string;
  groupKey: string;
  level: string | null;
  numerator: number | null;
  denominator: number | null;
  /** The figure to show, unrounded: the source's own figure where it published one (`valueSource`). */
  value: number | null;
  unit: Unit;
  ciLow: number | null;
  ciHigh: number | null;
  referenceGroup: string | null;
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  /** Standard error of ln(ratio), for tests of significance; null without a ratio. */
  ratioSe: number | null;
  /** The reference group's own figures, so a headline can quote both. */
  reference: { numerator: number; denominator: number; value: number } | null;
  /** Hidden by disclosure control (or by the source): no number is shown or stored. */
  suppressed: boolean;
  /** The count is known and shown, but there is no base to divide it by: not a suppression. */
  noBase: boolean;
  /** Why a figure is hidden or what to bear in mind; null when nothing to say. */
  note: string | null;
  /** Which stage gave the denominator, e.g. "population-0-17" or "pupils"; see `base` for the detail. */
  denominatorStage: string | null;
  base: MeasureBase | null;
  /** "published": `value` is the source's own rate or percentage; "computed": we divided the counts. */
  valueSource: "published" | "computed" | null;
  /** The source rounds these counts to the nearest N (DfE national and regional figures); null when exact. */
  countRounding: number | null;
  /** The test of the ratio against the reference group: its p-value and name, and whether the row may be marked significant. */
  pValue: number | null;
  test: string | null;
  significant: boolean | null;
  method: string;
  source: string;
  synthetic: boolean;
  /** Outcome wording for headlines, e.g. "to be looked after". */
  outcome: string | null;
  /** Share of the table whose ethnicity is unknown or refused, in per cent; null when not known. */
  unknownShare: number | null;
}

/** Figures a suppressed row never shows, stores or prints. */
export const FIGURE_FIELDS = [
  "numerator",
  "denominator",
  "value",
  "ciLow",
  "ciHigh",
  "ratio",
  "ratioLow",
  "ratioHigh",
  "ratioSe",
  "reference",
  "pValue",
  "significant",
] as const satisfies readonly (keyof MeasureRow)[];

/** The row as it may be shown: a suppressed row has every figure emptied, so nothing can reveal the hidden count. */
export function shownRow<T extends Pick<MeasureRow, "suppressed">>(m: T): T {
  if (!m.suppressed) return m;
  const copy: Record<string, unknown> = { ...m };
  for (const f of FIGURE_FIELDS) if (f in copy) copy[f] = null;
  return copy as T;
}

/** Whether a headline's group is more or less likely than the reference group to have the outcome. */
export type Direction = "higher" | "lower";

/** A finding a DCS can repeat: one idea in `text`, the figures behind it in `detail`, the cautions in `caveats`. */
export interface Headline {
  /** One short sentence with the ratio and its 95% interval, e.g. "In Redbridge in 2017, Mixed children were 2.8 times as likely as White children to be looked after (95% CI 2.0 to 3.9)." */
  text: string;
  /** The rates, counts, base and period behind the sentence. */
  detail: string;
  /** Cautions a reader needs (small numbers, an old year, a stand-in base, the "Other" group); empty when none. */
  caveats: string[];
  direction: Direction;
  /** "strong" when the whole 95% interval lies beyond the materiality band (1.25 / 0.8), else "moderate". */
  strength: "strong" | "moderate";
  measure: string;
  areaCode: string;
  areaName: string;
  geography: Geography;
  period: string;
  year: number;
  group: string;
  /** The measure's level (a ladder's step, e.g. "01 referral (of base population)"); null for a plain rate. */
  level: string | null;
  referenceGroup: string;
  /** The rate ratio and its 95% interval (Katz log method). */
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
  /** Holm-adjusted p-value across every comparison considered in this run. */
  pAdjusted: number;
  significant: boolean;
  /** The figures behind the sentence. */
  numerator: number;
  denominator: number;
  value: number;
  reference: { numerator: number; denominator: number; value: number };
  unit: string;
  /** The base in plain words, e.g. "pupils on school rolls (school census), standing in for resident children". */
  base: string;
  source: string;
  synthetic: boolean;
  /** The figure beside East London, London and England, with its recent trend (comparators.ts); null when there is none. */
  comparison?: Comparison | null;
}

/** Measure fields in the `--json` contract and their names there (issue 5's names, then the additions). */
export const MEASURE_JSON_NAMES = {
  measure: "measure",
  topic: "topic",
  areaCode: "area_code",
  areaName: "area_name",
  period: "period",
  group: "group",
  level: "level",
  numerator: "numerator",
  denominator: "denominator",
  value: "value",
  unit: "unit",
  ciLow: "ci_low",
  ciHigh: "ci_high",
  referenceGroup: "reference_group",
  ratio: "ratio",
  ratioLow: "ratio_ci_low",
  ratioHigh: "ratio_ci_high",
  suppressed: "suppressed",
  source: "source",
  method: "method",
  note: "note",
  noBase: "no_base",
  base: "base",
  valueSource: "value_source",
  countRounding: "count_rounding",
  pValue: "p_value",
  test: "test",
  significant: "significant",
  synthetic: "synthetic",
} as const satisfies Partial<Record<keyof MeasureRow, string>>;

type JsonNames = typeof MEASURE_JSON_NAMES;
/** One measure in `--json`: the MeasureRow fields above under their JSON names, unrounded. */
export type MeasureJson = { -readonly [K in keyof JsonNames as JsonNames[K]]: MeasureRow[K] };

/** Headline fields in `--json` and their names there. */
export const HEADLINE_JSON_NAMES = {
  text: "text",
  detail: "detail",
  caveats: "caveats",
  direction: "direction",
  strength: "strength",
  measure: "measure",
  areaCode: "area_code",
  areaName: "area_name",
  period: "period",
  group: "group",
  referenceGroup: "reference_group",
  ratio: "ratio",
  ratioLow: "ratio_ci_low",
  ratioHigh: "ratio_ci_high",
  pAdjusted: "p_adjusted",
  significant: "significant",
  base: "base",
  source: "source",
  synthetic: "synthetic",
  comparison: "comparison",
} as const satisfies Partial<Record<keyof Headline, string>>;

type HeadlineNames = typeof HEADLINE_JSON_NAMES;
export type HeadlineJson = { -readonly [K in keyof HeadlineNames as HeadlineNames[K]]: Headline[K] };

function rename<T extends object, N extends Partial<Record<keyof T, string>>>(value: T, names: N): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, name] of Object.entries(names) as [keyof T, string][]) out[name] = value[field];
  return out;
}

/** A measure as JSON. Numbers are unrounded (rounding happens only where people read); suppressed rows carry none. */
export function measureJson(m: MeasureRow): MeasureJson {
  return rename(shownRow(m), MEASURE_JSON_NAMES) as MeasureJson;
}

export function headlineJson(h: Headline): HeadlineJson {
  return rename(h, HEADLINE_JSON_NAMES) as HeadlineJson;
}

/** An analysis result's measures and headlines in the contract's JSON (run-analysis.ts's AnalysisResult, or any with these two). */
export function toContractJson(result: { measures: readonly MeasureRow[]; headlines: readonly Headline[] }): {
  measures: MeasureJson[];
  headlines: HeadlineJson[];
} {
  return { measures: result.measures.map(measureJson), headlines: result.headlines.map(headlineJson) };
}
