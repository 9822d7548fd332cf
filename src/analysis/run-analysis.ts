import { CATALOGUE, type Catalogue } from "./catalogue";
import { describeChanges, type Change } from "./change";
import { compareRow, ComparatorIndex } from "./comparators";
import { EAST_LONDON, eastLondonRows } from "./east-london";
import { selectHeadlines, type Headline } from "./headlines";
import { DEFAULT_SCOPE, type AreaScope } from "./area-scope";
import { listCsvFiles } from "./io/read-source-file";
import { loadDatasetFile, type LoadedFile } from "./load-dataset";
import type { MeasureRow } from "./measure-row";
import { computeLadder } from "./measures/ladders";
import { computeRates } from "./measures/rates";
import { computeShares } from "./measures/shares";
import { computeWorkforce } from "./measures/workforce";
import { dropSuperseded, ObservationIndex } from "./observation-index";
import { applyDisclosureControl, type DisclosureOptions } from "./suppression";

export interface SourceSummary {
  name: string;
  checksum: string;
  dataset: string | null;
  rows: number;
  /** Rows for the areas in scope (the others were dropped as the file was read). */
  kept: number;
  observations: number;
  synthetic: boolean;
  problem: string | null;
  unknownLabels: string[];
}

export interface AnalysisResult {
  sources: SourceSummary[];
  measures: MeasureRow[];
  headlines: Headline[];
  changes: Change[];
}

export interface AnalysisOptions extends DisclosureOptions {
  catalogue?: Catalogue;
  /** The areas to keep rows for: the eight boroughs, London and England unless told (see areaScope). */
  scope?: AreaScope;
  headlineLimit?: number;
  /** Called as each file is read (the CLI prints it on stderr); the core prints nothing. */
  onProgress?: (message: string) => void;
}

/**
 * One row per measure, area, period, group and level: where two files give the same figure (e.g. the
 * England CLA total in both the rate file and the ethnicity file, which DfE later revised), the row
 * from the dataset earlier in the catalogue wins.
 */
function dropDuplicateRows(rows: MeasureRow[]): MeasureRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.measure}|${r.areaCode}|${r.period}|${r.groupKey}|${r.level ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Headlines from every area but East London (a sum of the boroughs, shown beside them as a comparator),
 * each with its figure beside East London, London and England and its recent trend.
 */
export function headlinesOf(measures: readonly MeasureRow[], limit?: number): Headline[] {
  const comparators = new ComparatorIndex(measures);
  return selectHeadlines(
    measures.filter((m) => m.areaCode !== EAST_LONDON),
    limit,
    (r) => compareRow(r, comparators),
  );
}

/** Parse only: streams and interprets every file (folders expanded) in turn, returning what each held. */
export async function parseFiles(
  paths: readonly string[],
  catalogue: Catalogue = CATALOGUE,
  onProgress?: (m: string) => void,
  scope: AreaScope = DEFAULT_SCOPE,
): Promise<LoadedFile[]> {
  return parseFilePaths(listCsvFiles(paths), catalogue, onProgress, scope);
}

/** Parse only, for files already listed (no folders). */
export async function parseFilePaths(
  files: readonly string[],
  catalogue: Catalogue = CATALOGUE,
  onProgress?: (m: string) => void,
  scope: AreaScope = DEFAULT_SCOPE,
): Promise<LoadedFile[]> {
  const loaded: LoadedFile[] = [];
  for (const p of files) {
    const f = await loadDatasetFile(p, catalogue, scope);
    onProgress?.(
      `read ${f.source}: ${f.rows} rows read, ${f.kept} kept for the areas in scope, ${f.observations.length} counts${f.problem ? ` (${f.problem})` : ""}`,
    );
    loaded.push(f);
  }
  return loaded;
}

/** Computes every measure, change and headline from loaded files. Pure: no I/O. */
export function analyseLoaded(files: readonly LoadedFile[], options: AnalysisOptions = {}): AnalysisResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const controlled = applyDisclosureControl(
    files.flatMap((f) => f.observations),
    options,
  );
  const index = new ObservationIndex(
    dropSuperseded(controlled, catalogue),
    catalogue,
    files.flatMap((f) => f.published),
  );
  const areas = dropDuplicateRows([
    ...catalogue.measures.flatMap((m) => computeRates({ ...m, level: null }, index)),
    ...catalogue.shares.flatMap((s) => computeShares(s, index)),
    ...catalogue.ladders.flatMap((l) => computeLadder(l, index)),
    ...computeWorkforce(catalogue, index),
  ]);
  // East London: the boroughs' counts summed, beside (not among) the areas headlines are drawn from.
  const measures = [...areas, ...eastLondonRows(areas, new Set(catalogue.measures.map((m) => m.id)))];
  return {
    sources: files.map((f) => ({
      name: f.source,
      checksum: f.checksum,
      dataset: f.dataset?.id ?? null,
      rows: f.rows,
      kept: f.kept,
      observations: f.observations.length,
      synthetic: f.synthetic,
      problem: f.problem,
      unknownLabels: f.unknownLabels,
    })),
    measures,
    headlines: headlinesOf(measures, options.headlineLimit),
    changes: describeChanges(areas),
  };
}

/** Full analysis of files and folders, returning results (for the CLI, the digest and benchmarks). */
export async function analyseFiles(paths: readonly string[], options: AnalysisOptions = {}): Promise<AnalysisResult> {
  return analyseLoaded(await parseFiles(paths, options.catalogue, options.onProgress, options.scope), options);
}
