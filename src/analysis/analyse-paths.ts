import { listInputFiles, streamFile } from "./io/return-files";
import { analyseLoaded, headlinesOf, parseFilePaths, type AnalysisOptions, type AnalysisResult, type SourceSummary } from "./run-analysis";
import { analyseReturns, type ReturnsAnalysis } from "./returns/analyse-returns";
import type { LoadedFile } from "./load-dataset";
import { readReturns, splitReturns, type OpenFile, type ReturnFileSummary, type ReturnInputFile, type ReturnsOptions } from "./returns/read-returns";
import type { ReturnProblem } from "./returns/return-counts";
import { applyDisclosureControl } from "./suppression";

export interface FullAnalysis {
  /** The public and local statistics files, with headlines chosen over them and the returns together. */
  result: AnalysisResult;
  returns: ReturnsAnalysis;
  returnProblems: ReturnProblem[];
  returnFiles: ReturnFileSummary[];
}

/**
 * Everything `analyse` reads: folders expanded recursively; each file's kind told from its content.
 * Statutory returns are streamed and aggregated as they are read; statistics CSVs go through the
 * catalogue. The returns' ladders draw their base population from the statistics files. Headlines
 * are chosen over both together (one Holm correction across every comparison).
 */
export async function analysePaths(paths: readonly string[], options: AnalysisOptions & ReturnsOptions = {}): Promise<FullAnalysis> {
  const files = listInputFiles(paths);
  const { returns: returnInputs, others } = splitReturns(files);
  const loaded = await parseFilePaths(
    others.map((f) => f.path),
    options.catalogue,
    options.onProgress,
    options.scope,
  );
  return analyseWithReturns(loaded, returnInputs, streamFile, options);
}

/** The same from statistics files already loaded and returns opened by `open` (the demo's are in memory). */
export async function analyseWithReturns(
  loaded: readonly LoadedFile[],
  returnInputs: readonly ReturnInputFile[],
  open: OpenFile,
  options: AnalysisOptions & ReturnsOptions = {},
): Promise<FullAnalysis> {
  const read = await readReturns(returnInputs, open, options);
  const result = analyseLoaded(loaded, options);
  const base = applyDisclosureControl(loaded.flatMap((f) => f.observations).filter((o) => o.stage === "pupils" || o.stage === "population-0-17"));
  const returns = analyseReturns(read, base);
  const returnSources: SourceSummary[] = read.files.map((f) => ({
    name: f.name,
    checksum: f.checksum,
    dataset: f.kind,
    rows: 0,
    kept: 0,
    observations: 0,
    synthetic: f.synthetic,
    problem: f.used ? null : (read.problems.find((p) => p.file === f.name && p.outcome === "file refused")?.message ?? "not used"),
    unknownLabels: [],
  }));
  return {
    result: {
      ...result,
      sources: [...result.sources, ...returnSources],
      headlines: headlinesOf([...result.measures, ...returns.measures], options.headlineLimit),
    },
    returns,
    returnProblems: read.problems,
    returnFiles: read.files,
  };
}
