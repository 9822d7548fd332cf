import os from "node:os";
import { benchAnalysis, benchAnalysisNational } from "./analysis-bench";
import { benchSubmit } from "./submit-bench";
import { benchBurst } from "./burst-bench";
import { benchDigest } from "./digest-bench";
import { benchDelivery } from "./delivery-bench";
import { benchReturns } from "./returns-bench";

/**
 * `npm run bench [-- --json]`: the service's speed as ratios against floors measured in the same run.
 * Absolute times on shared machines move from run to run; the ratios are what the goals are set on.
 */
async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const quick = process.argv.includes("--quick");
  // `--only submit` (or memory, digest, analysis, analysis_national, returns, delivery; comma-separated) runs just those sections.
  const onlyAt = process.argv.indexOf("--only");
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? "").split(",") : undefined;
  const wanted = (section: string) => !only || only.includes(section);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const results: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  };

  if (wanted("submit")) {
    const submit = await benchSubmit({ sequential: quick ? 100 : 400, concurrent: quick ? 400 : 2000, log });
    const { peak_rss_mb, ...submitFigures } = submit;
    results.submit = submitFigures;
    results.memory = { peak_rss_mb };
  }
  if (wanted("memory")) {
    // Memory under a burst: 1,000 submits at once; the turn gate answers the excess busy (503, Retry-After).
    results.memory = { ...(results.memory as object | undefined), ...(await benchBurst({ submits: quick ? 400 : 1000, log })) };
  }
  if (wanted("digest")) results.digest = await benchDigest({ archive: quick ? 10_000 : 100_000, runs: quick ? 5 : 15, log });
  if (wanted("analysis")) results.analysis = await benchAnalysis({ runs: quick ? 3 : 5, log });
  if (wanted("analysis_national")) results.analysis_national = benchAnalysisNational({ runs: quick ? 1 : 3, log });
  if (wanted("returns")) results.returns = benchReturns({ runs: quick ? 1 : 3, log });
  if (wanted("delivery")) results.delivery = await benchDelivery({ channels: quick ? 60 : 200, log });

  if (json) {
    process.stdout.write(JSON.stringify(results) + "\n");
    return;
  }
  const goals: Record<string, string> = {
    "submit.ratio_p50": "<= 1.5",
    "submit.ratio_rps_c16": ">= 0.6",
    "submit.bot_p99_ms_c16": "< 100",
    "submit.storage_requests_per_submit": "1",
    "analysis.ratio": "<= 2",
    "analysis_national.ratio_x19": "<= 2",
    "analysis_national.peak_rss_mb_x95": "< 300",
    "analysis_national.growth_x95_over_x19": "<= 5.5",
    "returns.analyse_wall_ms_x1": "< 5000",
    "returns.ratio_x1": "<= 3",
    "returns.memory_growth_x4_over_x1": "<= 1.3",
    "digest.ratio": "<= 1.5",
    "delivery.ratio": "<= 1.5",
    "delivery.duplicates": "0",
    "delivery.lost": "0",
    "memory.peak_rss_mb": "< 300",
    "memory.burst_peak_rss_mb": "< 300",
    "memory.burst_other": "0",
  };
  const rows: string[][] = [["benchmark", "key", "value", "goal"]];
  for (const [section, figures] of Object.entries(results)) {
    if (section === "machine") continue;
    for (const [key, value] of Object.entries(figures as Record<string, unknown>)) rows.push([section, key, String(value), goals[`${section}.${key}`] ?? ""]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) process.stdout.write(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ") + "\n");
  const m = results.machine as { cpus: number; cpu: string; memory_gb: number; node: string };
  process.stdout.write(`\nmachine: ${m.cpus} cpus (${m.cpu}), ${m.memory_gb} GB, Node ${m.node}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
