import { parseCell, type Cell } from "../cell";
import type { CsvColumns, CsvTable } from "../csv-table";
import type { DatasetSpec } from "../catalogue";
import { resolveLabel, TOTAL_GROUP, type EthnicGroup } from "../ethnicity";
import { placeOf } from "../geography";
import type { Observation, Place } from "../observation";

/** A figure the source itself published (e.g. its own rate), kept to check ours against. */
export interface PublishedFigure {
  datasetId: string;
  source: string;
  kind: "rate" | "share";
  stage: string;
  areaCode: string;
  year: number;
  groupKey: string;
  level: string | null;
  cell: Cell;
}

export interface ReadResult {
  observations: Observation[];
  published: PublishedFigure[];
  /** Data rows in the file (after the header and any comment lines). */
  rows: number;
  /** Labels the ethnicity scheme did not recognise: reported, never guessed. */
  unknownLabels: string[];
}

/** Where a row names its area: the first of these columns that is filled. */
export const AREA_CODE_COLUMNS = ["new_la_code", "area_code", "new_geog_code", "la_code", "region_code", "country_code"];
export const AREA_NAME_COLUMNS = ["la_name", "area_name", "geog_n", "region_name", "country_name", "country"];

type Row = readonly string[];
type Getter = (row: Row) => string;

function getter(table: CsvColumns, name: string): Getter | null {
  const i = table.column(name);
  return i < 0 ? null : (row) => (row[i] ?? "").trim();
}

function firstFilled(getters: Getter[]): Getter {
  return (row) => {
    for (const g of getters) {
      const v = g(row);
      if (v) return v;
    }
    return "";
  };
}

/** The row's area code: the first area code column that is filled, or "". */
export function areaCodeReader(table: CsvColumns): (row: Row) => string {
  return firstFilled(AREA_CODE_COLUMNS.map((c) => getter(table, c)).filter((g): g is Getter => g !== null));
}

/** A row test from column -> allowed values; a filter on a column the file lacks is ignored. */
function rowFilter(table: CsvColumns, filters: Record<string, string[]> | undefined): (row: Row) => boolean {
  const tests = Object.entries(filters ?? {})
    .map(([column, allowed]) => [getter(table, column), new Set(allowed.map((a) => a.toLowerCase()))] as const)
    .filter((t): t is readonly [Getter, Set<string>] => t[0] !== null);
  return (row) => tests.every(([get, allowed]) => allowed.has(get(row).toLowerCase()));
}

/** "201617" -> 2016/17 ending 2017; "2025" -> 2025; optional offset (mid-year N serves 31 March N+1). */
function periodReader(table: CsvColumns, spec: DatasetSpec): (row: Row) => { period: string; year: number } | null {
  const { column, fixed, yearOffset = 0, labelPrefix = "" } = spec.period;
  const get = column ? getter(table, column) : null;
  if (column && !get) throw new Error(`column '${column}' missing`);
  return (row) => {
    const raw = fixed ?? get!(row);
    const academic = /^(\d{4})(\d{2})$/.exec(raw);
    if (academic) return { period: `${academic[1]}/${academic[2]}`, year: Number(academic[1]) + 1 + yearOffset };
    if (/^\d{4}$/.test(raw)) return { period: `${labelPrefix}${raw}`, year: Number(raw) + yearOffset };
    return null;
  };
}

/** Reads a tidy (long) or wide DfE / ONS file into observations, by header name only. */
export function readTidy(
  table: CsvTable,
  spec: DatasetSpec,
  source: string,
  synthetic: boolean,
  publishedBySource = spec.publishedBySource && !synthetic,
): ReadResult {
  const reader = tidyReader(table, spec, source, synthetic, publishedBySource);
  for (const row of table.rows) reader.read(row);
  return reader.result(table.rows.length);
}

/** Reads rows one at a time (as a file streams in), keeping only what the observations need. */
export interface TidyReader {
  read(row: Row): void;
  /** The observations so far; `rows` is how many data rows the file held. */
  result(rows: number): ReadResult;
}

/**
 * A tidy reader for a file with these columns; throws when a column the dataset needs is missing.
 * `publishedBySource`: the file is the source's own publication (unpublished counts of 1 to 9 are suppressed).
 */
export function tidyReader(
  table: CsvColumns,
  spec: DatasetSpec,
  source: string,
  synthetic: boolean,
  publishedBySource = spec.publishedBySource && !synthetic,
): TidyReader {
  const codeOf = areaCodeReader(table);
  const nameOf = firstFilled(AREA_NAME_COLUMNS.map((c) => getter(table, c)).filter((g): g is Getter => g !== null));
  const periodOf = periodReader(table, spec);
  const keep = rowFilter(table, spec.filters);
  const levelGet = spec.level ? getter(table, spec.level.column) : null;
  if (spec.level && !levelGet) throw new Error(`column '${spec.level.column}' missing`);
  const levelOf = (row: Row): string | null => {
    if (!levelGet) return null;
    const v = levelGet(row);
    return spec.level!.rename?.[v] ?? v;
  };
  const unknownLabels = new Set<string>();
  const resolved = new Map<string, EthnicGroup | null>();
  const resolve = (label: string): EthnicGroup | null => {
    let group = resolved.get(label);
    if (group === undefined) resolved.set(label, (group = resolveUncached(label)));
    return group;
  };
  const resolveUncached = (label: string): EthnicGroup | null => {
    if (!spec.ethnicity) return TOTAL_GROUP;
    const meaning = resolveLabel(spec.ethnicity.scheme, label);
    if (meaning === undefined) unknownLabels.add(label);
    return meaning === undefined || meaning === "ignore" ? null : meaning;
  };

  // Each count is (stage, value column or the wide ethnicity columns, extra filters).
  const ethnicityGet = spec.ethnicity?.column ? getter(table, spec.ethnicity.column) : null;
  if (spec.ethnicity?.column && !ethnicityGet) throw new Error(`column '${spec.ethnicity.column}' missing`);
  const wide = (spec.ethnicity?.columns ?? []).map((c) => {
    const g = getter(table, c);
    if (!g) throw new Error(`column '${c}' missing`);
    return { get: g, group: resolve(c) };
  });
  const counts = spec.counts.map((c) => {
    const value = c.column ? getter(table, c.column) : null;
    if (c.column && !value) throw new Error(`column '${c.column}' missing`);
    return { stage: c.stage, value, keep: rowFilter(table, c.filters) };
  });
  const published = (spec.published ?? []).map((p) => {
    const value = getter(table, p.column);
    if (!value) throw new Error(`column '${p.column}' missing`);
    return { stage: p.stage, kind: p.kind, value, keep: rowFilter(table, p.filters) };
  });

  const places = new Map<string, Place>();
  const observations: Observation[] = [];
  const figures: PublishedFigure[] = [];
  const read = (row: Row): void => {
    if (!keep(row)) return;
    const when = periodOf(row);
    const code = codeOf(row);
    if (!when || !code) return;
    let place = places.get(code);
    if (!place) places.set(code, (place = placeOf(code, nameOf(row))));
    const level = levelOf(row);
    const rowGroup = ethnicityGet ? resolve(ethnicityGet(row)) : TOTAL_GROUP;
    // One object literal per observation (not spreads): every observation has the same shape, which
    // keeps reading the larger files (4,700 and 6,600 rows) fast.
    const at = place;
    const countRounding = spec.roundedNationalCounts && at.geography !== "local authority" ? spec.roundedNationalCounts : null;
    const observe = (stage: string, group: EthnicGroup, text: string): Observation => ({
      areaCode: at.areaCode,
      areaName: at.areaName,
      geography: at.geography,
      datasetId: spec.id,
      stage,
      source,
      synthetic,
      period: when.period,
      year: when.year,
      group,
      level,
      count: parseCell(text),
      childrenData: spec.childrenData,
      publishedBySource,
      countRounding,
    });
    for (const c of counts) {
      if (!c.keep(row)) continue;
      if (c.value) {
        if (rowGroup) observations.push(observe(c.stage, rowGroup, c.value(row)));
      } else {
        for (const w of wide) if (w.group) observations.push(observe(c.stage, w.group, w.get(row)));
      }
    }
    for (const p of published) {
      if (p.keep(row) && rowGroup)
        figures.push({
          datasetId: spec.id,
          source,
          kind: p.kind,
          stage: p.stage,
          areaCode: code,
          year: when.year,
          groupKey: rowGroup.key,
          level,
          cell: parseCell(p.value(row)),
        });
    }
  };
  return { read, result: (rows) => ({ observations, published: figures, rows, unknownLabels: [...unknownLabels] }) };
}
