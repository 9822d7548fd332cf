import { Z95, gammaPInverse, normalCdf } from "./distributions";

/** An estimate with its confidence limits, all on the same scale. */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion x/n, as a fraction.
 * Method: Wilson (1927); the PHE/OHID Fingertips standard for proportions (PHEindicatormethods
 * `phe_proportion`). L,U = (2x + z^2 -/+ z*sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2)).
 */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (n <= 0) throw new RangeError("a proportion needs a positive denominator");
  const root = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const denom = 2 * (n + z * z);
  return { value: x / n, low: Math.max(0, (2 * x + z * z - root) / denom), high: Math.min(1, (2 * x + z * z + root) / denom) };
}

/**
 * Confidence limits for an observed count O, Fingertips method ("Rates" technical guidance):
 * Byar's approximation when O >= 10,
 *   O_L = O(1 - 1/(9O) - z/(3 sqrt O))^3,  O_U = (O+1)(1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3;
 * exact Poisson limits below 10, via the Poisson-gamma link (equivalently chi-squared / 2):
 *   O_L = GammaInv(alpha/2; O),  O_U = GammaInv(1 - alpha/2; O + 1), with O_L = 0 when O = 0.
 */
export function poissonCountLimits(count: number, z = Z95): Interval {
  if (count < 0) throw new RangeError("a count cannot be negative");
  if (count >= 10) {
    const o1 = count + 1;
    const low = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
    const high = o1 * (1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1))) ** 3;
    return { value: count, low, high };
  }
  const alpha = 2 * (1 - normalCdf(z));
  const low = count === 0 ? 0 : gammaPInverse(alpha / 2, count);
  const high = gammaPInverse(1 - alpha / 2, count + 1);
  return { value: count, low, high };
}

/** Rate per `per` (e.g. 10,000) of count/denominator with Byar / exact Poisson limits. */
export function rateInterval(count: number, denominator: number, per: number, z = Z95): Interval {
  if (denominator <= 0) throw new RangeError("a rate needs a positive denominator");
  const limits = poissonCountLimits(count, z);
  const k = per / denominator;
  return { value: count * k, low: limits.low * k, high: limits.high * k };
}

/**
 * Ratio of two rates or risks, (a/n1)/(c/n2), with the Katz log interval (Katz et al. 1978; Altman,
 * Practical Statistics for Medical Research, 1991):
 *   SE(ln RR) = sqrt(1/a - 1/n1 + 1/c - 1/n2) when a <= n1 and c <= n2 (risks), else sqrt(1/a + 1/c)
 *   (Poisson rates, events may exceed the base). Undefined when a or c is zero: returns null
 *   ("not calculable") rather than inventing a continuity correction.
 */
export function katzRatio(a: number, n1: number, c: number, n2: number, z = Z95): (Interval & { se: number }) | null {
  if (a <= 0 || c <= 0 || n1 <= 0 || n2 <= 0) return null;
  const ratio = a / n1 / (c / n2);
  const risk = a <= n1 && c <= n2;
  const variance = risk ? 1 / a - 1 / n1 + 1 / c - 1 / n2 : 1 / a + 1 / c;
  const se = Math.sqrt(Math.max(variance, 0));
  return { value: ratio, low: Math.exp(Math.log(ratio) - z * se), high: Math.exp(Math.log(ratio) + z * se), se };
}
