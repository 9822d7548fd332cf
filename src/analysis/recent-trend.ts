/**
 * The "recent trend" marker as PHE/OHID Fingertips computes it: Office for Health Improvement and
 * Disparities, "Fingertips trend markers", Public Health Technical Guidance,
 * https://fingertips.phe.org.uk/static-reports/public-health-technical-guidance/Presentation/Trend_markers.html
 * (also PHEindicatormethods `assign_trend_markers`).
 *
 * - Only the five most recent points, annual, independent (not rolling), with no break in the series.
 * - Proportions: the chi-squared test for trend (Cochran-Armitage) on numerators r_i and denominators
 *   n_i at times t_i = 1..5, with R = sum r_i and N = sum n_i:
 *     chi2 = N (N sum(r_i t_i) - R sum(n_i t_i))^2 / (R (N - R) (N sum(n_i t_i^2) - (sum(n_i t_i))^2));
 *   the direction is the slope of the logit ln(r/(n - r)) on t (least squares).
 * - Every other type (rates, ratios): weighted least squares of the value y_i on t_i with weights
 *   w_i = 1 / SE_i^2, SE_i = (upper - lower) / 3.92 from the 95% interval:
 *     slope = (sum w sum(w t y) - sum(w t) sum(w y)) / (sum w sum(w t^2) - (sum(w t))^2),
 *     Var(slope) = sum w / (sum w sum(w t^2) - (sum(w t))^2),  chi2 = slope^2 / Var(slope).
 * - The trend is significant when chi2 > 9.5495 (chi-squared on 1 degree of freedom at p = 0.002,
 *   Fingertips' 99.8% level), and only when no single point decides it: leaving out each of the five
 *   points in turn must leave the slope's sign unchanged ("outlier found" otherwise).
 */

/** Points the test uses: the five most recent. */
export const TREND_POINTS = 5;
/** Chi-squared on 1 df at p = 0.002 (99.8%), as Fingertips uses. */
export const TREND_CHI_SQUARED = 9.5495;

export type TrendMarker = "increasing" | "decreasing" | "no significant change" | "cannot be calculated";

export interface TrendResult {
  marker: TrendMarker;
  /** Why: "significant, no outlier", "not significant", "outlier found", "fewer than five ...". */
  reason: string;
  slope: number | null;
  chiSquare: number | null;
}

/** A point of a rate or ratio series: its value (on the scale trended) and standard error. */
export interface ValuePoint {
  value: number;
  se: number;
}

/** A point of a proportion series: events out of a base that contains them. */
export interface CountPoint {
  numerator: number;
  denominator: number;
}

/** Each point's time: 1 to 5 over the five years (a point left out keeps the others' times). */
export type Timed<T> = T & { t: number };

function timed<T extends object>(points: readonly T[]): Timed<T>[] {
  return points.map((p, i) => ({ ...p, t: i + 1 }));
}

/** Weighted least-squares slope of y on t with weights 1/se^2, and its chi-squared. */
export function weightedSlope(points: readonly Timed<ValuePoint>[]): { slope: number; chiSquare: number } | null {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  points.forEach((p) => {
    const t = p.t;
    const w = 1 / (p.se * p.se);
    s1 += w;
    s2 += w * t * p.value;
    s3 += w * t;
    s4 += w * p.value;
    s5 += w * t * t;
  });
  const d = s1 * s5 - s3 * s3;
  if (!Number.isFinite(d) || d <= 0) return null;
  const slope = (s1 * s2 - s3 * s4) / d;
  return { slope, chiSquare: (slope * slope * d) / s1 };
}

/** Chi-squared test for trend in proportions (Cochran-Armitage form above). */
export function proportionChiSquare(points: readonly Timed<CountPoint>[]): number | null {
  let big = 0;
  let r = 0;
  let rt = 0;
  let nt = 0;
  let nt2 = 0;
  points.forEach((p) => {
    const t = p.t;
    big += p.denominator;
    r += p.numerator;
    rt += p.numerator * t;
    nt += p.denominator * t;
    nt2 += p.denominator * t * t;
  });
  const denominator = r * (big - r) * (big * nt2 - nt * nt);
  if (!(denominator > 0)) return null;
  return (big * (big * rt - r * nt) ** 2) / denominator;
}

/** Least-squares slope of the logit of each proportion on t (Fingertips' direction for proportions). */
export function logitSlope(points: readonly Timed<CountPoint>[]): number | null {
  if (points.some((p) => p.numerator <= 0 || p.numerator >= p.denominator)) return null;
  const y = points.map((p) => Math.log(p.numerator / (p.denominator - p.numerator)));
  const n = y.length;
  const tMean = points.reduce((a, p) => a + p.t, 0) / n;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, i) => {
    sxy += (points[i]!.t - tMean) * (v - yMean);
    sxx += (points[i]!.t - tMean) ** 2;
  });
  return sxx > 0 ? sxy / sxx : null;
}

function without<T>(items: readonly T[], i: number): T[] {
  return items.filter((_, j) => j !== i);
}

function decide(slope: number | null, chiSquare: number | null, leaveOneOut: (i: number) => number | null): TrendResult {
  if (slope === null || chiSquare === null) return { marker: "cannot be calculated", reason: "the points give no slope", slope, chiSquare };
  if (!(chiSquare > TREND_CHI_SQUARED)) return { marker: "no significant change", reason: "not significant at the 99.8% level", slope, chiSquare };
  for (let i = 0; i < TREND_POINTS; i++) {
    const s = leaveOneOut(i);
    if (s === null || Math.sign(s) !== Math.sign(slope))
      return { marker: "no significant change", reason: "one year decides it (outlier found)", slope, chiSquare };
  }
  return { marker: slope > 0 ? "increasing" : "decreasing", reason: "significant at the 99.8% level, no outlier", slope, chiSquare };
}

const tooFew = (n: number): TrendResult => ({
  marker: "cannot be calculated",
  reason: `${n} comparable year${n === 1 ? "" : "s"}: five are needed`,
  slope: null,
  chiSquare: null,
});

/** Recent trend of a rate or ratio series (oldest first; the last five are used). */
export function valueTrend(series: readonly ValuePoint[]): TrendResult {
  if (series.length < TREND_POINTS) return tooFew(series.length);
  const points = timed(series.slice(-TREND_POINTS));
  if (points.some((p) => !(p.se > 0) || !Number.isFinite(p.value)))
    return { marker: "cannot be calculated", reason: "a year has no interval", slope: null, chiSquare: null };
  const fit = weightedSlope(points);
  return decide(fit?.slope ?? null, fit?.chiSquare ?? null, (i) => weightedSlope(without(points, i))?.slope ?? null);
}

/** Recent trend of a proportion series (oldest first; the last five are used). */
export function proportionTrend(series: readonly CountPoint[]): TrendResult {
  if (series.length < TREND_POINTS) return tooFew(series.length);
  const points = timed(series.slice(-TREND_POINTS));
  return decide(logitSlope(points), proportionChiSquare(points), (i) => logitSlope(without(points, i)));
}
