import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeSyntheticReturns } from "../seeds/make-returns";
import { percentile, round } from "./stats";

export interface ReturnsFigures {
  runs: number;
  mb_x1: number;
  mb_x4: number;
  analyse_wall_ms_x1: number;
  analyse_ms_x1: number;
  parse_only_ms_x1: number;
  ratio_x1: number;
  peak_rss_mb_x1: number;
  peak_rss_mb_x4: number;
  /** Peak memory at four times the size over peak memory at the realistic size: flat is 1. */
  memory_growth_x4_over_x1: number;
}

interface ChildRun {
  ms: number;
  wall_ms: number;
  peak_rss_mb: number;
}

function runChild(mode: "parse" | "analyse", folder: string): ChildRun {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, "returns-child.ts"), mode, folder], {
    cwd: path.resolve(__dirname, ".."),
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`returns child (${mode} ${folder}) failed: ${child.stderr || child.error?.message}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as ChildRun;
}

function megabytes(folder: string): number {
  let bytes = 0;
  const walk = (p: string) => {
    for (const name of readdirSync(p)) {
      const child = path.join(p, name);
      if (statSync(child).isDirectory()) walk(child);
      else bytes += statSync(child).size;
    }
  };
  walk(folder);
  return bytes / 2 ** 20;
}

/**
 * The eight boroughs' synthetic statutory returns (seeds/make-returns.ts: about 2,000 children in
 * need, 400 looked after and 250 workers each) analysed in a fresh process, against the floor of
 * streaming the same files through the same parsers and doing nothing with them; then the same
 * returns at four times the size, to show memory stays flat as files grow (the readers aggregate as
 * they read). Medians of `runs` runs; the goal of under 5 s is on the wall time at realistic size.
 */
export function benchReturns(options: { runs: number; log: (m: string) => void }): ReturnsFigures {
  const temp = mkdtempSync(path.join(os.tmpdir(), "hub-returns-"));
  try {
    const x1 = path.join(temp, "x1");
    const x4 = path.join(temp, "x4");
    writeSyntheticReturns(x1, 2026, 1);
    writeSyntheticReturns(x4, 2026, 4);
    const [mb1, mb4] = [megabytes(x1), megabytes(x4)];
    options.log(`returns: ${options.runs} runs over the eight boroughs' synthetic returns, ${mb1.toFixed(0)} MB and ${mb4.toFixed(0)} MB, in ${temp}`);
    const parse1: ChildRun[] = [];
    const full1: ChildRun[] = [];
    const full4: ChildRun[] = [];
    for (let i = 0; i < options.runs; i++) {
      parse1.push(runChild("parse", x1));
      full1.push(runChild("analyse", x1));
      full4.push(runChild("analyse", x4));
      const [p, a, b] = [parse1[i]!, full1[i]!, full4[i]!];
      options.log(
        `  run ${i + 1}: parse x1 ${p.ms.toFixed(0)} ms cpu, analyse x1 ${a.ms.toFixed(0)} ms cpu (${a.wall_ms.toFixed(0)} wall, ${a.peak_rss_mb.toFixed(0)} MB), x4 ${b.ms.toFixed(0)} (${b.wall_ms.toFixed(0)} wall, ${b.peak_rss_mb.toFixed(0)} MB)`,
      );
    }
    const med = (runs: ChildRun[], k: keyof ChildRun) =>
      percentile(
        runs.map((r) => r[k]),
        50,
      );
    return {
      runs: options.runs,
      mb_x1: round(mb1, 1),
      mb_x4: round(mb4, 1),
      analyse_wall_ms_x1: round(med(full1, "wall_ms"), 0),
      analyse_ms_x1: round(med(full1, "ms"), 0),
      parse_only_ms_x1: round(med(parse1, "ms"), 0),
      ratio_x1: round(med(full1, "ms") / med(parse1, "ms")),
      peak_rss_mb_x1: round(med(full1, "peak_rss_mb"), 0),
      peak_rss_mb_x4: round(med(full4, "peak_rss_mb"), 0),
      memory_growth_x4_over_x1: round(med(full4, "peak_rss_mb") / med(full1, "peak_rss_mb")),
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 3);
  process.stdout.write(JSON.stringify(benchReturns({ runs, log: (m) => process.stderr.write(`${m}\n`) })) + "\n");
}
