import { twoSidedP } from "./distributions";
import type { MeasureRow } from "./measure-row";
import { holmAdjust } from "./multiple-comparisons";
import { roundHalfAway } from "./rounding";

export interface Headline {
  text: string;
  measure: string;
  areaCode: string;
  areaName: string;
  period: string;
  group: string;
  referenceGroup: string;
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
  source: string;
  synthetic: boolean;
}

/** Rules a comparison must pass to become a headline (reference/disparity-methods.md section 5). */
export const HEADLINE_RULES = {
  minNumerator: 10,
  minDenominator: 30,
  /** Materiality: the "four-fifths" band (US EEOC, NHS WRES) treats 0.8-1.25 as no material difference. */
  materialHigh: 1.25,
  materialLow: 0.8,
  alpha: 0.05,
  /** Headlines are withheld when more than this share of the table has unknown ethnicity. */
  maxUnknownShare: 10,
} as const;

const HEADLINE_MEASURES = /^(?!workforce)(?!.*-ladder$)(?!.*-vs-others$)(?!.*-unknown-ethnicity$)/;

function eligible(r: MeasureRow): boolean {
  return (
    HEADLINE_MEASURES.test(r.measure) &&
    !r.suppressed &&
    r.outcome !== null &&
    r.ratio !== null &&
    r.ratioSe !== null &&
    r.reference !== null &&
    r.numerator !== null &&
    r.denominator !== null &&
    r.numerator >= HEADLINE_RULES.minNumerator &&
    r.reference.numerator >= HEADLINE_RULES.minNumerator &&
    r.denominator >= HEADLINE_RULES.minDenominator &&
    r.reference.denominator >= HEADLINE_RULES.minDenominator &&
    (r.unknownShare === null || r.unknownShare <= HEADLINE_RULES.maxUnknownShare)
  );
}

/** Only the latest period of each measure in each area is headlined: one year is a snapshot, not a trend. */
function latestOnly(rows: MeasureRow[]): MeasureRow[] {
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(`${r.measure}|${r.areaCode}`, Math.max(latest.get(`${r.measure}|${r.areaCode}`) ?? -Infinity, r.year));
  return rows.filter((r) => r.year === latest.get(`${r.measure}|${r.areaCode}`));
}

/**
 * Picks and words headlines. Each comparison (a group's ratio to White British or White) gets a
 * two-sided p-value from the Katz statistic ln(RR)/SE; Holm's step-down correction (Holm 1979) is
 * applied across every comparison considered, so making many comparisons does not manufacture
 * "significant" findings. A headline must be significant after correction and material (ratio at
 * least 1.25 or at most 0.8), from unsuppressed cells with at least 10 events on each side.
 * Ranked boroughs first, then by size and certainty together: the distance (on the log scale) from 1
 * of the confidence limit nearer to 1.
 */
export function selectHeadlines(rows: readonly MeasureRow[], limit = 50): Headline[] {
  const candidates = latestOnly(rows.filter(eligible));
  const p = candidates.map((r) => twoSidedP(Math.log(r.ratio!) / r.ratioSe!));
  const adjusted = holmAdjust(p);
  const picked = candidates
    .map((r, i) => ({ r, p: adjusted[i]! }))
    .filter(({ r, p }) => p < HEADLINE_RULES.alpha && (r.ratio! >= HEADLINE_RULES.materialHigh || r.ratio! <= HEADLINE_RULES.materialLow))
    .map(({ r, p }) => ({ r, p, strength: Math.min(Math.abs(Math.log(r.ratioLow!)), Math.abs(Math.log(r.ratioHigh!))) }))
    .sort((a, b) => GEOGRAPHY_ORDER[a.r.geography] - GEOGRAPHY_ORDER[b.r.geography] || b.strength - a.strength);
  return picked.slice(0, limit).map(({ r, p }) => toHeadline(r, p));
}

/** Boroughs first (the audience is eight boroughs), then London, then England. */
const GEOGRAPHY_ORDER = { "local authority": 0, region: 1, national: 2 } as const;

function noun(r: MeasureRow): string {
  return r.topic === "education" || r.topic === "send" ? "pupils" : "children";
}

export function formatRatio(ratio: number): string {
  return ratio >= 1 ? roundHalfAway(ratio, 1).toFixed(1) : roundHalfAway(ratio, 2).toFixed(2);
}

export function formatValue(value: number, unit: string): string {
  if (unit === "%") return `${roundHalfAway(value, value < 1 ? 2 : 1).toFixed(value < 1 ? 2 : 1)}%`;
  return value >= 10 ? String(roundHalfAway(value, 0)) : roundHalfAway(value, 1).toFixed(1);
}

function perText(r: MeasureRow): string {
  if (r.unit === "%") return "";
  return r.denominatorStage?.startsWith("pupils") ? " per 10,000 pupils on school rolls" : ` per 10,000 ${noun(r)}`;
}

/**
 * The comparison and outcome: "1.4 times as likely as White children to be looked after", or, below 1,
 * "less likely than White British children to be looked after, at 0.25 times the White British rate".
 * "0.25 times as likely" is easily misheard as a rise, and turning the sentence round would change
 * whose figure the headline is about.
 */
export function comparison(ratio: number, referenceGroup: string, who: string, outcome: string): string {
  const shown = formatRatio(ratio);
  if (Number(shown) >= 1) return `${formatRatio(Number(shown))} times as likely as ${referenceGroup} ${who} ${outcome}`;
  return `less likely than ${referenceGroup} ${who} ${outcome}, at ${shown} times the ${referenceGroup} rate`;
}

/**
 * "In Hackney, Black children were 1.4 times as likely as White children to be looked after (148 against 106 per 10,000 ..., 2017)."
 * Below 1: "In Newham, Asian children were less likely than White children to be looked after, at 0.38 times the White rate (...)."
 */
export function headlineText(r: MeasureRow): string {
  const who = noun(r);
  const rates = `${formatValue(r.value!, r.unit)} against ${formatValue(r.reference!.value, r.unit)}${perText(r)}`;
  const counts = `${r.numerator!.toLocaleString("en-GB")} of ${r.denominator!.toLocaleString("en-GB")}`;
  const why = r.denominatorStage?.startsWith("pupils (school census as proxy")
    ? "; school census used as the base, as no resident child population by ethnicity exists"
    : "";
  const text = `In ${r.areaName}, ${r.group} ${who} were ${comparison(r.ratio!, r.referenceGroup!, who, r.outcome!)} (${rates}; ${counts}; ${r.period}${why}).`;
  return r.synthetic ? `Synthetic demo data, not real figures: ${text}` : text;
}

function toHeadline(r: MeasureRow, p: number): Headline {
  return {
    text: headlineText(r),
    measure: r.measure,
    areaCode: r.areaCode,
    areaName: r.areaName,
    period: r.period,
    group: r.group,
    referenceGroup: r.referenceGroup!,
    ratio: r.ratio!,
    ratioLow: r.ratioLow!,
    ratioHigh: r.ratioHigh!,
    pAdjusted: p,
    significant: p < HEADLINE_RULES.alpha,
    numerator: r.numerator!,
    denominator: r.denominator!,
    value: r.value!,
    reference: r.reference!,
    unit: r.unit,
    source: r.source,
    synthetic: r.synthetic,
  };
}
