import type { Comparison } from "./comparison";
import type { Direction, Headline, MeasureRow } from "./contract";
import { twoSidedP } from "./distributions";
import { holmAdjust } from "./multiple-comparisons";
import { roundHalfAway } from "./rounding";

export type { Headline } from "./contract";

/** Rules a comparison must pass to become a headline (reference/disparity-methods.md section 5). */
export const HEADLINE_RULES = {
  minNumerator: 10,
  minDenominator: 30,
  /** Below this many children on either side a headline says it rests on small numbers. */
  smallNumbers: 20,
  /** Materiality: the "four-fifths" band (US EEOC, NHS WRES) treats 0.8-1.25 as no material difference. */
  materialHigh: 1.25,
  materialLow: 0.8,
  alpha: 0.05,
  /** Headlines are withheld when more than this share of the table has unknown ethnicity. */
  maxUnknownShare: 10,
} as const;

const HEADLINE_MEASURES = /^(?!workforce)(?!population)(?!.*-ladder$)(?!.*-vs-others$)(?!.*-unknown-ethnicity$)(?!.*-share$)/;

function eligible(r: MeasureRow): boolean {
  return (
    HEADLINE_MEASURES.test(r.measure) &&
    // Events per 100 (suspensions, counting each) are not a likelihood: "times as likely" would misdescribe them.
    r.unit !== "per 100" &&
    !r.suppressed &&
    !r.noBase &&
    r.outcome !== null &&
    r.ratio !== null &&
    r.ratioSe !== null &&
    r.ratioLow !== null &&
    r.ratioHigh !== null &&
    r.reference !== null &&
    r.numerator !== null &&
    r.denominator !== null &&
    r.value !== null &&
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

/** Boroughs first (the audience is eight boroughs), then London, then England. */
const GEOGRAPHY_ORDER = { "local authority": 0, region: 1, national: 2 } as const;

/** What the whole run holds, for wording: the latest year of each outcome in each area, and which measures have borough rows. */
interface Context {
  latestYear: Map<string, number>;
  boroughMeasures: Set<string>;
}

function contextOf(rows: readonly MeasureRow[]): Context {
  const latestYear = new Map<string, number>();
  const boroughMeasures = new Set<string>();
  for (const r of rows) {
    if (r.outcome && (r.value !== null || r.numerator !== null)) {
      const k = `${r.outcome}|${r.areaCode}`;
      latestYear.set(k, Math.max(latestYear.get(k) ?? -Infinity, r.year));
    }
    if (r.geography === "local authority" && r.group !== "All" && r.ratio !== null) boroughMeasures.add(r.measure);
  }
  return { latestYear, boroughMeasures };
}

/** "strong" when the whole 95% interval lies beyond the materiality band, so even its near end is material. */
function strengthOf(r: MeasureRow): "strong" | "moderate" {
  return r.ratioLow! >= HEADLINE_RULES.materialHigh || r.ratioHigh! <= HEADLINE_RULES.materialLow ? "strong" : "moderate";
}

/**
 * Picks and words headlines. Each comparison (a group's ratio to White British or White) gets a
 * two-sided p-value from the Katz statistic ln(RR)/SE; Holm's step-down correction (Holm 1979) is
 * applied across every comparison considered, so making many comparisons does not manufacture
 * "significant" findings. A headline must be significant after correction and material (ratio at
 * least 1.25 or at most 0.8), from unsuppressed cells with at least 10 events on each side.
 *
 * Ranking: strong findings (the whole interval beyond the materiality band) before moderate ones, so
 * a weak finding never stands above a strong one; within each, over-representation (the group more
 * likely) before under-representation, as DCSs asked; then boroughs before London and England; then
 * by size and certainty together, the distance on the log scale from 1 of the confidence limit nearer
 * to 1.
 */
export function selectHeadlines(rows: readonly MeasureRow[], limit = 50, compare?: (r: MeasureRow) => Comparison | null): Headline[] {
  const context = contextOf(rows);
  const candidates = latestOnly(rows.filter(eligible));
  const p = candidates.map((r) => twoSidedP(Math.log(r.ratio!) / r.ratioSe!));
  const adjusted = holmAdjust(p);
  const picked = candidates
    .map((r, i) => ({ r, p: adjusted[i]! }))
    .filter(({ r, p }) => p < HEADLINE_RULES.alpha && (r.ratio! >= HEADLINE_RULES.materialHigh || r.ratio! <= HEADLINE_RULES.materialLow))
    .map(({ r, p }) => ({
      r,
      p,
      strong: strengthOf(r) === "strong" ? 0 : 1,
      over: r.ratio! > 1 ? 0 : 1,
      score: Math.min(Math.abs(Math.log(r.ratioLow!)), Math.abs(Math.log(r.ratioHigh!))),
    }))
    .sort((a, b) => a.strong - b.strong || a.over - b.over || GEOGRAPHY_ORDER[a.r.geography] - GEOGRAPHY_ORDER[b.r.geography] || b.score - a.score);
  return picked.slice(0, limit).map(({ r, p }) => ({ ...toHeadline(r, p, context), comparison: compare?.(r) ?? null }));
}

function noun(r: Pick<MeasureRow, "topic">): string {
  return r.topic === "education" || r.topic === "send" ? "pupils" : "children";
}

export function formatRatio(ratio: number): string {
  return ratio >= 1 ? roundHalfAway(ratio, 1).toFixed(1) : roundHalfAway(ratio, 2).toFixed(2);
}

export function formatValue(value: number, unit: string): string {
  if (unit === "%") return `${roundHalfAway(value, value < 1 ? 2 : 1).toFixed(value < 1 ? 2 : 1)}%`;
  return value >= 10 ? String(roundHalfAway(value, 0)) : roundHalfAway(value, 1).toFixed(1);
}

/** A count as people should read it: "about 260" when the source rounded it. */
export function formatCount(count: number, rounding: number | null): string {
  const text = count.toLocaleString("en-GB");
  return rounding && rounding > 1 ? `about ${text}` : text;
}

function perText(r: MeasureRow): string {
  if (r.unit === "%") return "";
  const per = r.unit === "per 100" ? "100" : "10,000";
  return r.base?.proxy || r.denominatorStage?.startsWith("pupils") ? ` per ${per} pupils on school rolls` : ` per ${per} ${noun(r)}`;
}

/**
 * The comparison and outcome: "1.4 times as likely as White children to be looked after", or, below 1,
 * "less likely than White British children to be looked after: 0.25 times the White British rate".
 * "0.25 times as likely" is easily misheard as a rise, and turning the sentence round would change
 * whose figure the headline is about.
 */
export function comparison(ratio: number, referenceGroup: string, who: string, outcome: string): string {
  const shown = formatRatio(ratio);
  if (Number(shown) >= 1) return `${formatRatio(Number(shown))} times as likely as ${referenceGroup} ${who} ${outcome}`;
  return `less likely than ${referenceGroup} ${who} ${outcome}: ${shown} times the ${referenceGroup} rate`;
}

/** The base in plain words, true to what it is (Census 2021 does count children by ethnicity; we do not hold it for 0-17). */
export function baseText(r: MeasureRow): string {
  if (r.base?.proxy)
    return "pupils on school rolls (school census), standing in for resident children: Census 2021 counts children by ethnic group, but those figures for ages 0-17 are not among the files loaded";
  return r.base?.description ?? r.denominatorStage ?? "the population named by the measure";
}

function caveatsOf(r: MeasureRow, context: Context): string[] {
  const caveats: string[] = [];
  const smallest = Math.min(r.numerator!, r.reference!.numerator);
  if (smallest < HEADLINE_RULES.smallNumbers)
    caveats.push(`small numbers: ${smallest} ${noun(r)} on the smaller side, so the figure can move a lot from year to year`);
  const latest = context.latestYear.get(`${r.outcome}|${r.areaCode}`);
  if (latest !== undefined && latest > r.year)
    caveats.push(`${r.period} is the latest year with ${r.geography === "local authority" ? "borough " : ""}figures by ethnic group; totals run to ${latest}`);
  if (r.geography === "national" && !context.boroughMeasures.has(r.measure))
    caveats.push("England figure: no borough figures by ethnic group are held for this");
  if (r.base?.proxy) caveats.push("base: pupils on school rolls stand in for resident children");
  if (/^(Other|Any other ethnic group)/.test(r.group) && r.base?.proxy && r.topic === "social-care")
    caveats.push(
      "the Other group includes many unaccompanied asylum-seeking children, who are looked after but mostly not on school rolls, so a rate per pupil overstates it",
    );
  if (r.countRounding) caveats.push(`counts rounded by the source to the nearest ${r.countRounding}`);
  if (r.valueSource === "published") caveats.push("rates as published by the source");
  return caveats;
}

/** When the period is not the latest held, the sentence says so itself (not only in a caveat). */
function whenText(r: MeasureRow, context: Context): string {
  const latest = context.latestYear.get(`${r.outcome}|${r.areaCode}`);
  if (latest !== undefined && latest > r.year)
    return `${r.period}, the latest year with ${r.geography === "local authority" ? "borough " : ""}figures by ethnic group`;
  return r.period;
}

/**
 * One idea, short enough for a card: "In Hackney in 2017, the latest year with borough figures by
 * ethnic group, Black children were 1.4 times as likely as White children to be looked after (95% CI 1.1 to 1.8)."
 */
export function headlineText(r: MeasureRow, context: Context = contextOf([r])): string {
  const interval = `95% CI ${formatRatio(r.ratioLow!)} to ${formatRatio(r.ratioHigh!)}`;
  const text = `In ${r.areaName} in ${whenText(r, context)}, ${r.group} ${noun(r)} were ${comparison(r.ratio!, r.referenceGroup!, noun(r), r.outcome!)} (${interval}).`;
  return r.synthetic ? `Synthetic demo data, not real figures: ${text}` : text;
}

/** The figures behind the sentence: both rates, the counts, the base, the source. */
export function headlineDetail(r: MeasureRow): string {
  const rates = `${formatValue(r.value!, r.unit)} against ${formatValue(r.reference!.value, r.unit)}${perText(r)}`;
  const counts = `${formatCount(r.numerator!, r.countRounding)} of ${formatCount(r.denominator!, null)} ${r.group} ${noun(r)}`;
  return `${rates}; ${counts}; ${r.period}; base: ${baseText(r)}; source: ${r.source}.`;
}

function toHeadline(r: MeasureRow, p: number, context: Context): Headline {
  const direction: Direction = r.ratio! > 1 ? "higher" : "lower";
  return {
    text: headlineText(r, context),
    detail: headlineDetail(r),
    caveats: caveatsOf(r, context),
    direction,
    strength: strengthOf(r),
    measure: r.measure,
    areaCode: r.areaCode,
    areaName: r.areaName,
    geography: r.geography,
    period: r.period,
    year: r.year,
    group: r.group,
    level: r.level,
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
    base: baseText(r),
    source: r.source,
    synthetic: r.synthetic,
  };
}
