/**
 * One measured run in its own process, for the national-size analysis bench:
 *   tsx bench/analysis-child.ts parse|analyse <folder>
 * `parse` streams every CSV through csv-parse and drops the rows (the floor); `analyse` runs the
 * whole analysis. Prints {"ms", "wall_ms", "peak_rss_mb"} on stdout: the CPU time (user + system)
 * and wall time of the work alone (not the process start), and the process's peak resident memory.
 */
import { listCsvFiles } from "../src/analysis/io/read-source-file";
import { streamCsvFile } from "../src/analysis/io/stream-csv";
import { analyseFiles } from "../src/analysis/run-analysis";

async function main(): Promise<void> {
  const [mode, folder] = process.argv.slice(2);
  if ((mode !== "parse" && mode !== "analyse") || !folder) throw new Error("usage: analysis-child.ts parse|analyse <folder>");
  const started = performance.now();
  const cpu = process.cpuUsage();
  if (mode === "parse") {
    for (const file of listCsvFiles([folder])) await streamCsvFile(file, { begin: () => [], row: () => undefined });
  } else {
    await analyseFiles([folder], { onProgress: (m) => process.stderr.write(`${m}\n`) });
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  process.stdout.write(JSON.stringify({ ms, wall_ms: wall, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
