/**
 * Holm's step-down adjustment of p-values (Holm S., "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6:65-70, 1979). Controls the family-wise error rate
 * without assuming independence. Returns adjusted p-values in the input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
