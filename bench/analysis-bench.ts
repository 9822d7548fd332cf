import { existsSync } from "node:fs";
import path from "node:path";
import { analyseLoaded, parseFiles } from "../src/analysis/run-analysis";
import { percentile, round } from "./stats";

export interface AnalysisFigures {
  files: string;
  runs: number;
  parse_only_ms: number;
  analyse_ms: number;
  ratio: number;
}

/**
 * `analyse` over every file in ../shared/data (or the synthetic seeds) against reading the same CSVs
 * alone (streamed and interpreted, no measures): medians of `runs` runs after one warm-up.
 */
export async function benchAnalysis(options: { runs: number; log: (m: string) => void }): Promise<AnalysisFigures> {
  const shared = path.resolve(__dirname, "../../shared/data");
  const folder = existsSync(shared) ? shared : path.resolve(__dirname, "../seeds/data");
  options.log(`analysis: ${options.runs} runs over ${folder}`);
  const parse: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < options.runs + 1; i++) {
    let t = performance.now();
    await parseFiles([folder]);
    const parseMs = performance.now() - t;
    t = performance.now();
    analyseLoaded(await parseFiles([folder]));
    const fullMs = performance.now() - t;
    if (i > 0) {
      parse.push(parseMs);
      full.push(fullMs);
    }
  }
  const p = percentile(parse, 50);
  const a = percentile(full, 50);
  return {
    files: folder === shared ? "../shared/data" : "seeds/data (synthetic)",
    runs: options.runs,
    parse_only_ms: round(p, 1),
    analyse_ms: round(a, 1),
    ratio: round(a / p),
  };
}
