import type { MeasureRow } from "./measure-row";
import { formatRatio, formatValue } from "./headlines";
import { katzRatio } from "./intervals";
import { testRatio } from "./measures/rates";
import { holmAdjust } from "./multiple-comparisons";

export interface Change {
  measure: string;
  areaCode: string;
  areaName: string;
  group: string;
  level: string | null;
  /** Years held in the comparable run that was compared (the latest run of one base series). */
  years: number;
  first: { period: string; value: number; low: number; high: number };
  last: { period: string; value: number; low: number; high: number };
  /** The last year's rate over the first's, with its 95% Katz interval; null when not comparable. */
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  /** Holm-adjusted p-value of the test of change, across every change tested in the run. */
  pAdjusted: number | null;
  /**
   * "higher" or "lower" when the test of the two years' rates is significant after Holm's correction;
   * "no clear change" otherwise; "not comparable" when the base changed source or coverage between
   * the years held, so there is no earlier year on the same base to compare with.
   */
  direction: "higher" | "lower" | "no clear change" | "not comparable";
  /** Why earlier years are left out, when the base changed; null when all years share one base. */
  seriesBreak: string | null;
  text: string;
}

/** Two rows are on the same base when the base stage and series (source and coverage) are equal. */
function seriesOf(r: MeasureRow): string {
  return r.base ? `${r.base.stage}|${r.base.series}` : (r.denominatorStage ?? "");
}

function breakText(before: MeasureRow, after: MeasureRow): string {
  const why = after.base?.seriesNote ?? `the base changed from ${before.base?.description ?? "another base"} to ${after.base?.description ?? "another base"}`;
  return `not comparable with ${before.period} and before: ${why}`;
}

const range = (r: MeasureRow) => ({ period: r.period, value: r.value!, low: r.ciLow!, high: r.ciHigh! });

/**
 * Change over the years held, for each measure, area, group and level. Only years whose bases have
 * the same source and coverage are compared (a change of base, such as the school census covering
 * more schools from 2017/18, is a break in the series, not a change); within the latest run of one
 * base, the last year is compared with the first. The test is of the ratio of the two rates (Katz log
 * interval; an exact test below 10 events, as in measures/rates.ts), with Holm's correction (Holm
 * 1979) across every change tested, since hundreds are tested at once. The two years are treated as
 * independent draws of the underlying rate (the superpopulation view PHE/OHID takes), although many
 * children are counted in both, so the test is approximate. Two years are never called a trend.
 */
export function describeChanges(rows: readonly MeasureRow[]): Change[] {
  const series = new Map<string, MeasureRow[]>();
  for (const r of rows) {
    if (
      r.suppressed ||
      r.value === null ||
      r.ciLow === null ||
      r.ciHigh === null ||
      r.numerator === null ||
      r.denominator === null ||
      r.measure.endsWith("-vs-others") ||
      r.measure === "workforce-vs-population"
    )
      continue;
    const k = `${r.measure}|${r.areaCode}|${r.groupKey}|${r.level ?? ""}`;
    const s = series.get(k);
    if (s) s.push(r);
    else series.set(k, [r]);
  }
  const found: { a: MeasureRow; b: MeasureRow; years: number; seriesBreak: string | null; test: ReturnType<typeof testOf> }[] = [];
  for (const s of series.values()) {
    if (s.length < 2) continue;
    s.sort((a, b) => a.year - b.year);
    const last = s[s.length - 1]!;
    let start = s.length - 1;
    while (start > 0 && seriesOf(s[start - 1]!) === seriesOf(last)) start--;
    const run = s.slice(start);
    const seriesBreak = start > 0 ? breakText(s[start - 1]!, s[start]!) : null;
    const first = run[0]!;
    found.push({ a: first, b: last, years: run.length, seriesBreak, test: run.length >= 2 ? testOf(first, last) : null });
  }
  const tested = found.filter((f) => f.test);
  const adjusted = holmAdjust(tested.map((f) => f.test!.pValue));
  const pOf = new Map(tested.map((f, i) => [f, adjusted[i]!]));
  return found.map((f) => toChange(f, pOf.get(f) ?? null));
}

function testOf(a: MeasureRow, b: MeasureRow) {
  const r = katzRatio(b.numerator!, b.denominator!, a.numerator!, a.denominator!);
  if (!r) return null;
  return { ...r, pValue: testRatio(b.numerator!, b.denominator!, a.numerator!, a.denominator!, b.unit, r.se, r.value).pValue };
}

function toChange(f: { a: MeasureRow; b: MeasureRow; years: number; seriesBreak: string | null; test: ReturnType<typeof testOf> }, p: number | null): Change {
  const { a, b } = f;
  const base = {
    measure: b.measure,
    areaCode: b.areaCode,
    areaName: b.areaName,
    group: b.group,
    level: b.level,
    years: f.years,
    first: range(a),
    last: range(b),
    seriesBreak: f.seriesBreak,
  };
  if (f.years < 2)
    return {
      ...base,
      ratio: null,
      ratioLow: null,
      ratioHigh: null,
      pAdjusted: null,
      direction: "not comparable",
      text: `${formatValue(b.value!, b.unit)} in ${b.period}: no change stated, ${f.seriesBreak}.`,
    };
  const clear = p !== null && p < 0.05 && f.test !== null;
  const direction = !clear ? "no clear change" : f.test!.value > 1 ? "higher" : "lower";
  const span = `${formatValue(a.value!, a.unit)} in ${a.period} and ${formatValue(b.value!, b.unit)} in ${b.period}`;
  const interval = f.test ? ` (ratio ${formatRatio(f.test.value)}, 95% CI ${formatRatio(f.test.low)} to ${formatRatio(f.test.high)})` : "";
  const caution = f.years === 2 ? " Two years only: not a trend." : ` ${f.years} years on the same base.`;
  const broken = f.seriesBreak ? ` Earlier years ${f.seriesBreak.replace(/^not comparable/, "are not comparable")}.` : "";
  const text =
    direction === "no clear change"
      ? `${span}: no clear change${interval}.${caution}${broken}`
      : `${span}: ${direction} in ${b.period} than in ${a.period}${interval}, beyond chance variation.${caution}${broken}`;
  return {
    ...base,
    ratio: f.test?.value ?? null,
    ratioLow: f.test?.low ?? null,
    ratioHigh: f.test?.high ?? null,
    pAdjusted: p,
    direction,
    text,
  };
}
