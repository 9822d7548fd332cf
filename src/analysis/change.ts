import type { MeasureRow } from "./measure-row";
import { formatValue } from "./headlines";

export interface Change {
  measure: string;
  areaCode: string;
  areaName: string;
  group: string;
  level: string | null;
  years: number;
  first: { period: string; value: number; low: number; high: number };
  last: { period: string; value: number; low: number; high: number };
  /** "higher", "lower" or "no clear change": clear only when the two intervals do not overlap. */
  direction: "higher" | "lower" | "no clear change";
  text: string;
}

/**
 * Change between the first and last years held, for each measure, area, group and level. A move is
 * called clear only when the confidence intervals of the two years do not overlap (the EFF rule for
 * comparing estimates), and the text never calls a change between two years a trend.
 */
export function describeChanges(rows: readonly MeasureRow[]): Change[] {
  const series = new Map<string, MeasureRow[]>();
  for (const r of rows) {
    if (
      r.suppressed ||
      r.value === null ||
      r.ciLow === null ||
      r.ciHigh === null ||
      r.measure.endsWith("-vs-others") ||
      r.measure === "workforce-vs-population"
    )
      continue;
    const k = `${r.measure}|${r.areaCode}|${r.groupKey}|${r.level ?? ""}`;
    const s = series.get(k);
    if (s) s.push(r);
    else series.set(k, [r]);
  }
  const changes: Change[] = [];
  for (const s of series.values()) {
    if (s.length < 2) continue;
    s.sort((a, b) => a.year - b.year);
    const a = s[0]!;
    const b = s[s.length - 1]!;
    const direction = b.ciLow! > a.ciHigh! ? "higher" : b.ciHigh! < a.ciLow! ? "lower" : "no clear change";
    const span = `${formatValue(a.value!, a.unit)} in ${a.period} and ${formatValue(b.value!, b.unit)} in ${b.period}`;
    const caution = s.length === 2 ? " Two years only: not a trend." : ` ${s.length} years held.`;
    const text =
      direction === "no clear change"
        ? `${span}: no clear change (the intervals overlap).${caution}`
        : `${span}: ${direction} in ${b.period} than in ${a.period}, beyond chance variation.${caution}`;
    changes.push({
      measure: a.measure,
      areaCode: a.areaCode,
      areaName: a.areaName,
      group: a.group,
      level: a.level,
      years: s.length,
      first: { period: a.period, value: a.value!, low: a.ciLow!, high: a.ciHigh! },
      last: { period: b.period, value: b.value!, low: b.ciLow!, high: b.ciHigh! },
      direction,
      text,
    });
  }
  return changes;
}
