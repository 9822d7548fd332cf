/**
 * Rounds half away from zero, as DfE publishes (their R helper `decimal_rounding` exists because R's
 * round() is banker's rounding). The small epsilon keeps 0.285 -> 0.29 despite binary floating point.
 */
export function roundHalfAway(x: number, digits = 0): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}
