import type { MeasureRow } from "./contract";
import { EAST_LONDON, WITHOUT_CITY_NOTE } from "./east-london";
import { formatRatio, formatValue } from "./headlines";
import type { ComparatorFigure, Comparison, ComparisonTrend } from "./comparison";
import { trendWords } from "./comparison";
import { proportionTrend, valueTrend, TREND_POINTS, type TrendResult } from "./recent-trend";

export type { ComparatorFigure, Comparison, ComparisonTrend } from "./comparison";
export { trendSentence, trendWords } from "./comparison";

export const LONDON = "E12000007";
export const ENGLAND = "E92000001";

type Cell = Pick<MeasureRow, "measure" | "period" | "groupKey" | "level">;

const seriesOf = (r: MeasureRow) => (r.base ? `${r.base.stage}|${r.base.series}` : (r.denominatorStage ?? ""));
const cellKey = (r: Cell, area: string) => `${r.measure}|${area}|${r.period}|${r.groupKey}|${r.level ?? ""}`;

/** Rows by measure, area, period, group and level, for finding comparators and series quickly. */
export class ComparatorIndex {
  private readonly byCell = new Map<string, MeasureRow>();
  private readonly bySeries = new Map<string, MeasureRow[]>();

  constructor(rows: readonly MeasureRow[]) {
    for (const r of rows) {
      if (!this.byCell.has(cellKey(r, r.areaCode))) this.byCell.set(cellKey(r, r.areaCode), r);
      const k = `${r.measure}|${r.areaCode}|${r.groupKey}|${r.level ?? ""}`;
      const s = this.bySeries.get(k);
      if (s) s.push(r);
      else this.bySeries.set(k, [r]);
    }
  }

  cell(r: Cell, area: string): MeasureRow | undefined {
    return this.byCell.get(cellKey(r, area));
  }

  series(r: MeasureRow): MeasureRow[] {
    return this.bySeries.get(`${r.measure}|${r.areaCode}|${r.groupKey}|${r.level ?? ""}`) ?? [];
  }
}

function figureOf(r: MeasureRow | undefined, kind: "ratio" | "value"): ComparatorFigure | null {
  if (!r || r.suppressed) return null;
  if (kind === "ratio")
    return r.ratio !== null && r.ratioLow !== null && r.ratioHigh !== null
      ? { areaCode: r.areaCode, areaName: r.areaName, value: r.ratio, low: r.ratioLow, high: r.ratioHigh }
      : null;
  return r.value !== null && r.ciLow !== null && r.ciHigh !== null
    ? { areaCode: r.areaCode, areaName: r.areaName, value: r.value, low: r.ciLow, high: r.ciHigh }
    : null;
}

/** A comparator counts only on the same base (stage, source and coverage) and, for a ratio, the same reference group. */
function comparable(a: MeasureRow, b: MeasureRow | undefined, kind: "ratio" | "value"): MeasureRow | undefined {
  if (!b || seriesOf(a) !== seriesOf(b)) return undefined;
  // A hidden figure holds no reference group; it is kept so that its note can say why it is hidden.
  return kind === "ratio" && !b.suppressed && b.referenceGroup !== a.referenceGroup ? undefined : b;
}

/**
 * The area's comparable annual run up to the row's period: the years just before it on the same base
 * series, one year apart, each with a figure. A change of base (e.g. the school census covering more
 * schools from 2017/18) or a missing year ends the run, so a break is never read as a trend.
 */
function comparableRun(r: MeasureRow, index: ComparatorIndex, has: (x: MeasureRow) => boolean): MeasureRow[] {
  const s = index
    .series(r)
    .filter((x) => x.year <= r.year)
    .sort((a, b) => a.year - b.year);
  const run: MeasureRow[] = [];
  for (let i = s.length - 1; i >= 0; i--) {
    const x = s[i]!;
    const prev = run[0];
    if (prev ? x.year !== prev.year - 1 : x.year !== r.year) break;
    if (x.suppressed || !has(x) || seriesOf(x) !== seriesOf(r)) break;
    run.unshift(x);
  }
  return run;
}

const PER: Record<string, number> = { "per 10,000": 10_000, "per 100": 100 };

function trendOf(r: MeasureRow, kind: "ratio" | "value", index: ComparatorIndex): ComparisonTrend {
  let result: TrendResult;
  let of: string;
  let run: MeasureRow[];
  if (kind === "ratio") {
    // The log rate ratio, weighted by the inverse of its (Katz) variance: the Fingertips method for
    // "other" types, on the scale the ratio's interval is symmetric.
    run = comparableRun(r, index, (x) => x.ratio !== null && x.ratio > 0 && x.ratioSe !== null && x.ratioSe > 0 && x.referenceGroup === r.referenceGroup);
    result = valueTrend(run.map((x) => ({ value: Math.log(x.ratio!), se: x.ratioSe! })));
    of = `the ratio of ${r.group} to ${r.referenceGroup} rates (log scale, inverse-variance weights)`;
  } else if (r.unit === "%") {
    run = comparableRun(r, index, (x) => x.numerator !== null && x.denominator !== null && x.numerator <= x.denominator);
    result = proportionTrend(run.map((x) => ({ numerator: x.numerator!, denominator: x.denominator! })));
    of = "the percentage (chi-squared test for trend)";
  } else {
    // The rate from the counts (not the source's rounded figure), SE from its Byar / exact interval.
    run = comparableRun(r, index, (x) => x.numerator !== null && x.denominator !== null && x.denominator > 0 && x.ciLow !== null && x.ciHigh !== null);
    result = valueTrend(run.map((x) => ({ value: ((PER[x.unit] ?? 1) * x.numerator!) / x.denominator!, se: (x.ciHigh! - x.ciLow!) / 3.92 })));
    of = "the rate (inverse-variance weights)";
  }
  const used = run.slice(-TREND_POINTS);
  return {
    marker: result.marker,
    reason: result.reason,
    of,
    years: run.length,
    from: used[0]?.period ?? null,
    to: used[used.length - 1]?.period ?? null,
    chiSquare: result.chiSquare,
  };
}

function shown(f: ComparatorFigure, c: Pick<Comparison, "figure" | "unit">): string {
  return c.figure === "ratio" ? formatRatio(f.value) : formatValue(f.value, c.unit);
}

function lineOf(c: Omit<Comparison, "text">, areaName: string): string {
  const own = `${areaName} ${shown(c.area, c)} (${shown({ ...c.area, value: c.area.low }, c)} to ${shown({ ...c.area, value: c.area.high }, c)})`;
  const others = [c.eastLondon, c.london, c.england]
    .filter((f): f is ComparatorFigure => f !== null && f.areaCode !== c.area.areaCode)
    .map((f) => `${f.areaName} ${shown(f, c)}`);
  return [own, ...others, trendWords(c)].join(" · ");
}

/**
 * The row's figure (its ratio to the reference group where it has one, else its rate) beside East
 * London, London and England for the same measure, period, group and base, and the recent trend of the
 * area's own series (recent-trend.ts). East London is omitted for London and England themselves.
 * Null when there is no figure, or nothing to set beside it and no series (one year, no comparator).
 */
export function compareRow(r: MeasureRow, index: ComparatorIndex): Comparison | null {
  const kind = r.ratio !== null ? "ratio" : "value";
  const area = figureOf(r, kind);
  if (!area) return null;
  const local = r.geography === "local authority";
  const el = local ? comparable(r, index.cell(r, EAST_LONDON), kind) : undefined;
  const eastLondon = figureOf(el, kind);
  const eastLondonNote = !local
    ? null
    : !el
      ? "no East London figure on the same base"
      : el.suppressed || !eastLondon
        ? (el.note ?? "not shown")
        : el.note === WITHOUT_CITY_NOTE
          ? el.note
          : null;
  const c: Omit<Comparison, "text"> = {
    figure: kind,
    unit: r.unit,
    area,
    eastLondon,
    eastLondonNote,
    london: r.areaCode === ENGLAND ? null : figureOf(comparable(r, index.cell(r, LONDON), kind), kind),
    england: figureOf(comparable(r, index.cell(r, ENGLAND), kind), kind),
    trend: trendOf(r, kind, index),
  };
  // Nothing beside it and no series to test: a line would only repeat the figure.
  if (!c.eastLondon && !c.london && !c.england && c.trend.marker === "cannot be calculated" && c.trend.years < 2) return null;
  return { ...c, text: lineOf(c, r.areaName) };
}
