import { CATALOGUE, type Catalogue } from "./catalogue";
import { describeChanges, type Change } from "./change";
import { selectHeadlines, type Headline } from "./headlines";
import { listCsvFiles, readSourceFile } from "./io/read-source-file";
import { loadDataset, type LoadedFile } from "./load-dataset";
import type { MeasureRow } from "./measure-row";
import { computeLadder } from "./measures/ladders";
import { computeRates } from "./measures/rates";
import { computeWorkforce } from "./measures/workforce";
import { dropSuperseded, ObservationIndex } from "./observation-index";
import { applyDisclosureControl, type DisclosureOptions } from "./suppression";

export interface SourceSummary {
  name: string;
  checksum: string;
  dataset: string | null;
  rows: number;
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

/** Parse only: reads and interprets every file (folders expanded), returning what each held. */
export function parseFiles(paths: readonly string[], catalogue: Catalogue = CATALOGUE, onProgress?: (m: string) => void): LoadedFile[] {
  return listCsvFiles(paths).map((p) => {
    const loaded = loadDataset(readSourceFile(p), catalogue);
    onProgress?.(`read ${loaded.source}: ${loaded.rows} rows, ${loaded.observations.length} counts${loaded.problem ? ` (${loaded.problem})` : ""}`);
    return loaded;
  });
}

/** Computes every measure, change and headline from loaded files. Pure: no I/O. */
export function analyseLoaded(files: readonly LoadedFile[], options: AnalysisOptions = {}): AnalysisResult {
  const catalogue = options.catalogue ?? CATALOGUE;
  const controlled = applyDisclosureControl(
    files.flatMap((f) => f.observations),
    options,
  );
  const index = new ObservationIndex(dropSuperseded(controlled, catalogue), catalogue);
  const measures = dropDuplicateRows([
    ...catalogue.measures.flatMap((m) => computeRates({ ...m, level: null }, index)),
    ...catalogue.ladders.flatMap((l) => computeLadder(l, index)),
    ...computeWorkforce(catalogue, index),
  ]);
  return {
    sources: files.map((f) => ({
      name: f.source,
      checksum: f.checksum,
      dataset: f.dataset?.id ?? null,
      rows: f.rows,
      observations: f.observations.length,
      synthetic: f.synthetic,
      problem: f.problem,
      unknownLabels: f.unknownLabels,
    })),
    measures,
    headlines: selectHeadlines(measures, options.headlineLimit),
    changes: describeChanges(measures),
  };
}

/** Full analysis of files and folders, returning results (for the CLI, the digest and benchmarks). */
export function analyseFiles(paths: readonly string[], options: AnalysisOptions = {}): AnalysisResult {
  return analyseLoaded(parseFiles(paths, options.catalogue, options.onProgress), options);
}
