import { BOROUGHS } from "../domain/boroughs";
import type { MeasureRow } from "./contract";
import { CITY_OF_LONDON, EAST_LONDON, EAST_LONDON_NAME, HACKNEY, HACKNEY_AND_CITY } from "./geography";
import { emptyMeasureRow } from "./measure-row";
import { figure, ratio } from "./measures/figure";
import { testRatio } from "./measures/rates";

export { EAST_LONDON, EAST_LONDON_NAME };

/** Said wherever East London is shown without City of London. */
export const WITHOUT_CITY_NOTE =
  "East London here is seven boroughs: City of London's children's figures are never shown on their own, so they are left out of the sum (analyse --combine-city-with-hackney adds them through Hackney and City of London)";

const seriesOf = (r: MeasureRow) => (r.base ? `${r.base.stage}|${r.base.series}` : (r.denominatorStage ?? ""));
const usable = (r: MeasureRow | undefined): r is MeasureRow =>
  Boolean(r) && !r!.suppressed && !r!.noBase && r!.numerator !== null && r!.denominator !== null && r!.denominator > 0;

/**
 * The boroughs' rows that make up East London for one cell: the combined Hackney and City of London
 * row where the analysis made one and shows it (Hackney alone is then hidden), else Hackney and,
 * only if shown, City of London. Null when a borough's figure is hidden or missing: a sum with a
 * hidden part is not known.
 */
function members(byArea: Map<string, MeasureRow>): { rows: MeasureRow[]; withoutCity: boolean; noBase: boolean } | null {
  const combined = byArea.get(HACKNEY_AND_CITY);
  const rows: MeasureRow[] = [];
  let withoutCity = false;
  let noBase = false;
  for (const b of BOROUGHS) {
    if (usable(combined) && (b.code === HACKNEY || b.code === CITY_OF_LONDON)) {
      if (b.code === HACKNEY) rows.push(combined);
      continue;
    }
    const r = byArea.get(b.code);
    if (b.code === CITY_OF_LONDON && !usable(r)) {
      withoutCity = true;
      continue;
    }
    if (r && !r.suppressed && r.noBase) noBase = true;
    else if (!usable(r)) return null;
    rows.push(r!);
  }
  return { rows, withoutCity, noBase };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** One East London row from its boroughs' rows: counts summed (never rates averaged), interval and ratio from the sums. */
function combine(first: MeasureRow, parts: MeasureRow[], withoutCity: boolean, noBase: boolean, missing: boolean): MeasureRow {
  const base = emptyMeasureRow({
    ...first,
    areaCode: EAST_LONDON,
    areaName: EAST_LONDON_NAME,
    geography: "region",
    source: [...new Set(parts.flatMap((p) => p.source.split(", ")))].join(", "),
    synthetic: parts.some((p) => p.synthetic),
    unknownShare: null,
    base: first.base,
    countRounding: Math.max(0, ...parts.map((p) => p.countRounding ?? 0)) || null,
  });
  if (missing) return { ...base, suppressed: true, note: "a borough's figure is hidden or missing, so the East London sum is not known" };
  if (noBase)
    return {
      ...base,
      numerator: sum(parts.map((p) => p.numerator!)),
      noBase: true,
      note: "no base: a borough's base for this year is not among the files loaded",
    };
  const num = sum(parts.map((p) => p.numerator!));
  const den = sum(parts.map((p) => p.denominator!));
  const f = figure(num, den, first.unit);
  const row: MeasureRow = {
    ...base,
    numerator: num,
    denominator: den,
    value: f.value,
    ciLow: f.low,
    ciHigh: f.high,
    method: `${f.method}; counts of the boroughs summed`,
    valueSource: "computed",
    denominatorStage: first.denominatorStage,
    note: withoutCity ? WITHOUT_CITY_NOTE : null,
  };
  if (!first.referenceGroup || parts.some((p) => !p.reference || p.referenceGroup !== first.referenceGroup)) return row;
  const a = sum(parts.map((p) => p.reference!.numerator));
  const n = sum(parts.map((p) => p.reference!.denominator));
  const r = ratio(num, den, a, n);
  if (!r) return { ...row, referenceGroup: first.referenceGroup };
  const test = testRatio(num, den, a, n, first.unit, r.se, r.value);
  return {
    ...row,
    referenceGroup: first.referenceGroup,
    ratio: r.value,
    ratioLow: r.low,
    ratioHigh: r.high,
    ratioSe: r.se,
    pValue: test.pValue,
    test: test.test,
    significant: test.significant,
    reference: { numerator: a, denominator: n, value: figure(a, n, first.unit).value },
    method: `${row.method}; ratio with Katz log 95% CI`,
  };
}

/**
 * East London rows for every rate measure the boroughs have: for each measure, period, group and
 * level on one base series, the boroughs' numerators and denominators summed (and the reference
 * group's, for the ratio). Every part is a figure already shown, so the sum reveals nothing hidden;
 * where a borough's figure is hidden the East London figure is too. `rateMeasures` names the measures
 * to combine (the catalogue's rates; not ladders, shares or workforce, whose figures are not sums).
 */
export function eastLondonRows(rows: readonly MeasureRow[], rateMeasures: ReadonlySet<string>): MeasureRow[] {
  const boroughCodes = new Set([...BOROUGHS.map((b) => b.code), HACKNEY_AND_CITY]);
  const cells = new Map<string, Map<string, MeasureRow>>();
  for (const r of rows) {
    if (!rateMeasures.has(r.measure) || !boroughCodes.has(r.areaCode)) continue;
    const k = `${r.measure}|${r.period}|${r.groupKey}|${r.level ?? ""}`;
    let cell = cells.get(k);
    if (!cell) cells.set(k, (cell = new Map()));
    cell.set(r.areaCode, r);
  }
  const out: MeasureRow[] = [];
  for (const cell of cells.values()) {
    const found = members(cell);
    // The row that names the cell's base: a member's, or where none is usable a borough row that has a base.
    const first = found?.rows[0] ?? [...cell.values()].find((r) => r.base !== null) ?? [...cell.values()][0]!;
    // Only like with like: every part on the same base series (source and coverage).
    const sameBase = found !== null && (found.noBase || found.rows.every((p) => seriesOf(p) === seriesOf(first)));
    out.push(combine(first, found?.rows ?? [], found?.withoutCity ?? false, found?.noBase ?? false, !sameBase));
  }
  return out;
}
