import { logGamma } from "./distributions";

/**
 * Exact tests for comparisons resting on small counts, where the normal approximation behind the
 * Katz interval is poor (a star on 1 of 9 against 2 of 211 is exactly the case it misjudges).
 */

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** Binomial probability P(X = k), X ~ Bin(n, p). */
function binomialPmf(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/**
 * Two-sided mid-p value of an exact binomial test of k successes in n trials against probability p
 * (Lancaster 1961; Agresti, Categorical Data Analysis, 3rd ed., 2013, section 1.4.5): twice the
 * smaller tail, each tail counting half the probability of the observed value, capped at 1.
 */
export function binomialMidP(k: number, n: number, p: number): number {
  let below = 0;
  for (let i = 0; i < k; i++) below += binomialPmf(i, n, p);
  const at = binomialPmf(k, n, p);
  const above = Math.max(0, 1 - below - at);
  return Math.min(1, 2 * Math.min(below + at / 2, above + at / 2));
}

/**
 * Exact conditional test of two Poisson rates a/n1 and c/n2: given a + c events, a ~ Bin(a + c,
 * n1 / (n1 + n2)) when the rates are equal (Breslow and Day, Statistical Methods in Cancer Research,
 * vol. II, 1987, section 2.4), with the two-sided mid-p value.
 */
export function rateRatioMidP(a: number, n1: number, c: number, n2: number): number {
  return binomialMidP(a, a + c, n1 / (n1 + n2));
}

/**
 * Fisher's exact test of a 2x2 table [[a, b], [c, d]] (Fisher 1935; Agresti 2013, section 3.5.1):
 * the hypergeometric probability of every table with the same margins that is no more likely than
 * the one observed, summed (two-sided).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, col1 - (n - row1));
  const hi = Math.min(row1, col1);
  const logDenominator = logChoose(n, col1);
  const pmf = (x: number) => Math.exp(logChoose(row1, x) + logChoose(n - row1, col1 - x) - logDenominator);
  const observed = pmf(a);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const q = pmf(x);
    if (q <= observed * (1 + 1e-7)) p += q;
  }
  return Math.min(1, p);
}
