/**
 * One measured run in its own process, for the statutory returns bench:
 *   tsx bench/returns-child.ts parse|analyse <folder>
 * `parse` streams every return file through the same parsers (saxes for XML, csv-parse for CSV) with
 * nothing done per element or row (the floor); `analyse` runs the whole analysis of the returns.
 * Prints {"ms", "wall_ms", "peak_rss_mb"}: CPU time (user + system) and wall time of the work alone,
 * and the process's peak resident memory.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { SaxesParser } from "saxes";
import { analysePaths } from "../src/analysis/analyse-paths";
import { listInputFiles, streamFile } from "../src/analysis/io/return-files";

async function floor(folder: string): Promise<void> {
  for (const file of listInputFiles([folder])) {
    const { chunks } = streamFile(file.path);
    if (file.name.endsWith(".xml")) {
      const parser = new SaxesParser();
      for await (const chunk of chunks) parser.write(chunk);
      parser.close();
    } else for await (const row of Readable.from(chunks).pipe(parse({ relax_column_count: true }))) void row;
  }
}

async function main(): Promise<void> {
  const [mode, folder] = process.argv.slice(2);
  if ((mode !== "parse" && mode !== "analyse") || !folder) throw new Error("usage: returns-child.ts parse|analyse <folder>");
  const started = performance.now();
  const cpu = process.cpuUsage();
  if (mode === "parse") await floor(folder);
  else {
    const { returns } = await analysePaths([folder]);
    if (returns.ladders.length === 0) throw new Error("no ladders came out");
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ ms: (used.user + used.system) / 1000, wall_ms: wall, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
