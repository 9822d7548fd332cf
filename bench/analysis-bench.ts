import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyseLoaded, parseFiles } from "../src/analysis/run-analysis";
import { writeNationalFiles } from "./national-files";
import { percentile, round } from "./stats";

/** ../shared/data (or DISPARITY_DATA_DIR, as the tests read it), else the synthetic seeds. */
function extractsFolder(): { folder: string; label: string } {
  const root = path.resolve(__dirname, "..");
  const shared = path.resolve(root, process.env.DISPARITY_DATA_DIR || "../shared/data");
  if (existsSync(shared)) return { folder: shared, label: "../shared/data" };
  return { folder: path.join(root, "seeds/data"), label: "seeds/data (synthetic)" };
}

export interface AnalysisFigures {
  files: string;
  runs: number;
  parse_only_ms: number;
  analyse_ms: number;
  ratio: number;
}

/** CPU milliseconds (user + system) this process spent since `from` (a process.cpuUsage() reading). */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/**
 * `analyse` over every file in ../shared/data (or the synthetic seeds) against reading the same CSVs
 * alone (streamed and interpreted, no measures): medians of `runs` runs after one warm-up. Times are
 * CPU time, so that other work on a shared machine does not move the ratio.
 */
export async function benchAnalysis(options: { runs: number; log: (m: string) => void }): Promise<AnalysisFigures> {
  const { folder, label } = extractsFolder();
  options.log(`analysis: ${options.runs} runs over ${folder}`);
  const parse: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < options.runs + 1; i++) {
    let t = process.cpuUsage();
    await parseFiles([folder]);
    const parseMs = cpuMsSince(t);
    t = process.cpuUsage();
    analyseLoaded(await parseFiles([folder]));
    const fullMs = cpuMsSince(t);
    if (i > 0) {
      parse.push(parseMs);
      full.push(fullMs);
    }
  }
  const p = percentile(parse, 50);
  const a = percentile(full, 50);
  return {
    files: label,
    runs: options.runs,
    parse_only_ms: round(p, 1),
    analyse_ms: round(a, 1),
    ratio: round(a / p),
  };
}

export interface NationalFigures {
  files: string;
  runs: number;
  mb_x19: number;
  mb_x95: number;
  parse_only_ms_x19: number;
  analyse_ms_x19: number;
  ratio_x19: number;
  analyse_ms_x95: number;
  peak_rss_mb_x95: number;
  growth_x95_over_x19: number;
}

interface ChildRun {
  /** CPU time of the work (user + system), and its wall time. */
  ms: number;
  wall_ms: number;
  peak_rss_mb: number;
}

/** One run of bench/analysis-child.ts in a fresh process: its time for the work and its peak RSS. */
function runChild(mode: "parse" | "analyse", folder: string): ChildRun {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "analysis-child.ts"), mode, folder], {
    cwd: path.resolve(__dirname, ".."),
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`analysis child (${mode} ${folder}) failed: ${child.stderr || child.error?.message}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as ChildRun;
}

/**
 * `analyse` over national-size files: the shared extracts grown to 19 and 95 times their size with
 * rows for invented local authorities (bench/national-files.ts), written to a temporary folder and
 * removed after. Each run is its own process, so its peak RSS is the analysis's alone. The floor is
 * streaming the same files through csv-parse and dropping every row. Medians of `runs` runs of CPU
 * time (wall times go to the log), so that other work on a shared machine does not move the ratios.
 */
export function benchAnalysisNational(options: { runs: number; log: (m: string) => void }): NationalFigures {
  const { folder, label } = extractsFolder();
  const temp = mkdtempSync(path.join(os.tmpdir(), "hub-national-"));
  try {
    const x19 = path.join(temp, "x19");
    const x95 = path.join(temp, "x95");
    const mb19 = writeNationalFiles(folder, x19, 19) / 2 ** 20;
    const mb95 = writeNationalFiles(folder, x95, 95) / 2 ** 20;
    options.log(`analysis_national: ${options.runs} runs over ${label} grown to ${mb19.toFixed(0)} MB and ${mb95.toFixed(0)} MB in ${temp}`);
    const parse19: ChildRun[] = [];
    const full19: ChildRun[] = [];
    const full95: ChildRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      parse19.push(runChild("parse", x19));
      full19.push(runChild("analyse", x19));
      full95.push(runChild("analyse", x95));
      const [p, a, b] = [parse19[i]!, full19[i]!, full95[i]!];
      options.log(
        `  run ${i + 1}: parse x19 ${p.ms.toFixed(0)} ms cpu (${p.wall_ms.toFixed(0)} wall), analyse x19 ${a.ms.toFixed(0)} (${a.wall_ms.toFixed(0)}), x95 ${b.ms.toFixed(0)} (${b.wall_ms.toFixed(0)}), ${b.peak_rss_mb.toFixed(0)} MB`,
      );
    }
    const median = (runs: ChildRun[], key: keyof ChildRun) =>
      percentile(
        runs.map((r) => r[key]),
        50,
      );
    const p19 = median(parse19, "ms");
    const a19 = median(full19, "ms");
    const a95 = median(full95, "ms");
    return {
      files: label,
      runs: options.runs,
      mb_x19: round(mb19, 1),
      mb_x95: round(mb95, 1),
      parse_only_ms_x19: round(p19, 0),
      analyse_ms_x19: round(a19, 0),
      ratio_x19: round(a19 / p19),
      analyse_ms_x95: round(a95, 0),
      peak_rss_mb_x95: round(Math.max(...full95.map((r) => r.peak_rss_mb)), 0),
      growth_x95_over_x19: round(a95 / a19),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** `npx tsx bench/analysis-bench.ts [--quick]`: the two analysis benchmarks alone, as JSON on stdout. */
if (require.main === module) {
  const quick = process.argv.includes("--quick");
  const log = (m: string) => process.stderr.write(`${m}\n`);
  benchAnalysis({ runs: quick ? 3 : 5, log })
    .then((analysis) => {
      const national = benchAnalysisNational({ runs: quick ? 1 : 3, log });
      process.stdout.write(JSON.stringify({ analysis, analysis_national: national }) + "\n");
    })
    .catch((error: unknown) => {
      process.stderr.write(`bench failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    });
}
