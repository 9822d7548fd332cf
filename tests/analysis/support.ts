import { existsSync } from "node:fs";
import path from "node:path";
import type { LoadedFile } from "../../src/analysis/load-dataset";
import type { Observation } from "../../src/analysis/observation";
import type { PublishedFigure } from "../../src/analysis/readers/tidy-reader";

export const REPO_ROOT = path.resolve(__dirname, "../..");
/** Real DfE / ONS extracts, kept outside the repository; DISPARITY_DATA_DIR points elsewhere. */
export const SHARED_DATA = path.resolve(REPO_ROOT, process.env.DISPARITY_DATA_DIR || "../shared/data");
export const SEED_DATA = path.resolve(REPO_ROOT, "seeds/data");

/** Skips the calling test (with the reason printed) when the shared data folder is absent. */
export function requireSharedData(context: Mocha.Context): void {
  if (!existsSync(SHARED_DATA)) {
    process.stderr.write(`skipping: real data folder ${SHARED_DATA} is missing (seeds/data tests cover the same code paths)\n`);
    context.skip();
  }
}

/** Small seeded generator for property tests (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function near(actual: number | null | undefined, expected: number, tolerance: number): boolean {
  return typeof actual === "number" && Math.abs(actual - expected) <= tolerance;
}

/** A file as the loader hands it to the analysis, holding just these observations (and published figures). */
export function loadedFile(observations: Observation[], published: PublishedFigure[] = [], source = "t.csv"): LoadedFile {
  return { source, checksum: "", synthetic: false, dataset: null, problem: null, rows: 0, kept: 0, columns: [], unknownLabels: [], published, observations };
}
