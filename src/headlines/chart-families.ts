import type { StoredMeasure } from "./measure-store";

/** Rows that may share one chart: same kind of data (real or synthetic) and the same base. */
export interface ChartFamily {
  synthetic: boolean;
  /** The base the bars are divided by, in words ("" when the rows have none recorded). */
  base: string;
  rows: StoredMeasure[];
  /** Why an "All" bar was left out of this chart, or null. */
  allLeftOut: string | null;
}

const seriesOf = (r: StoredMeasure) => (r.base ? `${r.base.stage}|${r.base.series}` : "");

/**
 * Splits one area, period and level's rows into charts that never mix families: synthetic demo rows
 * never beside real ones, and groups only beside groups on the same base (source and coverage). An
 * "All" bar is drawn only in the chart whose groups have the same base as it; otherwise it is left
 * out and the chart says why. Rows with no base of their own (suppressed, or a count with no base)
 * join the chart of the other rows of their kind.
 */
export function chartFamilies(rows: readonly StoredMeasure[]): ChartFamily[] {
  const families: ChartFamily[] = [];
  for (const synthetic of [false, true]) {
    const mine = rows.filter((r) => r.synthetic === synthetic);
    const groups = mine.filter((r) => r.group !== "All");
    const all = mine.filter((r) => r.group === "All");
    const bases = [...new Set(groups.filter((r) => r.base).map(seriesOf))];
    if (groups.length === 0) {
      if (all.length) families.push({ synthetic, base: all[0]!.base?.description ?? "", rows: all, allLeftOut: null });
      continue;
    }
    const keys = bases.length ? bases : [""];
    keys.forEach((key, i) => {
      // Rows without a base of their own (suppressed, no base) go with the first chart of their kind.
      const members = groups.filter((r) => (r.base ? seriesOf(r) === key : i === 0));
      const sameBase = all.filter((r) => (r.base ? seriesOf(r) === key : i === 0));
      const base = members.find((r) => r.base)?.base?.description ?? "";
      const allLeftOut =
        all.length && sameBase.length === 0
          ? `The figure for everyone is left out: its base (${all[0]!.base?.description ?? "another base"}) is not the groups' base.`
          : null;
      families.push({ synthetic, base, rows: [...sameBase, ...members], allLeftOut });
    });
  }
  return families;
}
