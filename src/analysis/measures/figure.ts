import type { Unit } from "../catalogue";
import { katzRatio, rateInterval, wilson } from "../intervals";

/** How many each rate unit counts per: 10,000 children, or 100 pupils (DfE's suspensions per 100 pupils). */
const PER: Record<Exclude<Unit, "%">, number> = { "per 10,000": 10_000, "per 100": 100 };

/** A rate or percentage with its interval, on the scale it is shown. */
export function figure(count: number, denominator: number, unit: Unit): { value: number; low: number; high: number; method: string } {
  if (unit === "%") {
    // Percentages of a base that contains the counted: Wilson score interval (PHE Fingertips standard).
    const w = wilson(Math.min(count, denominator), denominator);
    return { value: (100 * count) / denominator, low: 100 * w.low, high: 100 * w.high, method: "percentage, Wilson 95% CI" };
  }
  // Rates (events may exceed the base): Byar's method for counts >= 10, exact Poisson below (PHE Fingertips standard).
  const r = rateInterval(count, denominator, PER[unit]);
  return { value: r.value, low: r.low, high: r.high, method: count >= 10 ? `rate ${unit}, Byar 95% CI` : `rate ${unit}, exact Poisson 95% CI` };
}

export function ratio(a: number, n1: number, c: number, n2: number): { value: number; low: number; high: number; se: number } | null {
  // Rate/risk ratio with the Katz log interval (Katz et al. 1978; Altman 1991).
  return katzRatio(a, n1, c, n2);
}
