/**
 * npm run analyse -- [--json] [--all] [--store] [--combine-city-with-hackney] [--comparators=CODE,...] [--la <LA>] [--as-at <date>] <files or folders>
 * Streams DfE / ONS / local CSV files (keeping only rows for the eight boroughs, Inner and Outer
 * London, London, England and the comparator areas named by GSS code) and the boroughs' statutory returns (CIN census and CSWW XML,
 * SSDA903 CSVs; folders are read recursively, each file told by its content), prints a disparity
 * report (or the JSON contract with --json) on stdout, progress per file on stderr. The report shows
 * the eight boroughs, London and England at the latest period; --all shows every area and period.
 * --combine-city-with-hackney adds a combined "Hackney and City of London" area for children's data.
 * --la and --as-at give the LA and reference date for returns that carry neither (SSDA903 files
 * outside a folder named <borough>-<LA code>-<year>). --store also saves what was computed to Table
 * Storage. Child- and staff-level records are aggregated as they are read; nothing about a person is
 * printed, logged or stored, and problems are named by file, record number and field only.
 */
import { analysePaths, type FullAnalysis } from "../analysis/analyse-paths";
import { areaScope, type AreaScope } from "../analysis/area-scope";
import { toContractJson } from "../analysis/contract";
import { renderReport } from "../analysis/report";
import { storedReturnMeasures } from "../analysis/returns/analyse-returns";
import { renderReturnsReport } from "../analysis/returns/returns-report";
import { ladderJson, pipelineJson, workforceFlowJson } from "../analysis/returns/returns-json";
import { problemText } from "../analysis/returns/return-counts";
import type { CliIo } from "./cli-io";
import { withComposition } from "./with-storage";

export type { CliIo };

const FLAGS = ["--json", "--all", "--store", "--combine-city-with-hackney"];
const VALUED = ["--la", "--as-at"];
const COMPARATORS = "--comparators=";
const USAGE =
  "usage: npm run analyse -- [--json] [--all] [--store] [--combine-city-with-hackney] [--comparators=CODE,...] [--la <LA>] [--as-at <YYYY-MM-DD>] <files or folders>";

function store(full: FullAnalysis, io: CliIo): Promise<number> {
  // Storage is loaded only with --store, so a plain report does not pay for the SDK's start-up.
  return withComposition("storing the measures", io, process.env, async ({ app }, storage) => {
    const { result, returns } = full;
    const measures = [...result.measures, ...storedReturnMeasures(returns)];
    const used = result.sources.filter((s) => !s.problem);
    const runId = await app.measures.saveRun(measures, result.headlines, used);
    if (returns.ladders.length > 0 || returns.pipeline.length > 0) await app.ladders.saveRun(runId, returns.ladders, returns.pipeline);
    io.err(
      `stored ${measures.length} measures, ${result.headlines.length} headlines and ${returns.ladders.length} ladders as run ${runId} (${storage.description})`,
    );
    return 0;
  });
}

function parseArgs(argv: readonly string[]): { flags: Set<string>; values: Map<string, string>; comparators: string[]; paths: string[]; error: string | null } {
  const flags = new Set<string>();
  const comparators: string[] = [];
  const values = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUED.includes(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) return { flags, values, comparators, paths, error: `${a} needs a value` };
      values.set(a, v);
    } else if (a.startsWith(COMPARATORS)) comparators.push(...a.slice(COMPARATORS.length).split(",").filter(Boolean));
    else if (a.startsWith("--")) {
      if (!FLAGS.includes(a)) return { flags, values, comparators, paths, error: `unknown option ${a}` };
      flags.add(a);
    } else paths.push(a);
  }
  return { flags, values, comparators, paths, error: paths.length === 0 ? "" : null };
}

/** Runs the command; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, values, comparators, paths, error } = parseArgs(argv);
  if (error !== null) {
    io.err(error ? `${error}\n${USAGE}` : USAGE);
    return 2;
  }
  let scope: AreaScope;
  try {
    scope = areaScope(comparators);
  } catch (error) {
    io.err(`--comparators: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  let full: FullAnalysis;
  try {
    full = await analysePaths(paths, {
      onProgress: io.err,
      scope,
      combineCityWithHackney: flags.has("--combine-city-with-hackney"),
      la: values.get("--la"),
      asAt: values.get("--as-at"),
    });
  } catch (error) {
    io.err(`cannot read input: ${(error as Error).message}`);
    return 1;
  }
  const { result, returns, returnProblems } = full;
  const unread = result.sources.filter((s) => s.problem && !returnProblems.some((p) => p.file === s.name));
  io.err(
    `${result.sources.length} files, ${result.measures.length + returns.measures.length} measures, ${returns.ladders.length} ladders, ${result.headlines.length} headlines in ${Date.now() - started} ms`,
  );
  for (const s of unread) io.err(`warning: ${s.name}: ${s.problem}`);
  if (returnProblems.length > 0) {
    const refused = returnProblems.filter((p) => p.outcome === "file refused").length;
    io.err(
      `${returnProblems.length} problem${returnProblems.length > 1 ? "s" : ""} in the returns: ${returnProblems.length - refused} records skipped, ${refused} files refused`,
    );
    for (const p of returnProblems) io.err(`  ${problemText(p)}`);
  }
  if (flags.has("--json")) {
    const json = {
      ...toContractJson(result),
      ladders: returns.ladders.map(ladderJson),
      workforce_pipeline: returns.pipeline.map(pipelineJson),
      workforce_flows: returns.flows.map(workforceFlowJson),
      workforce_vacancies: returns.vacancies.map((v) => ({
        area_code: v.areaCode,
        period: v.period,
        vacancies_fte: v.vacanciesFte,
        agency_fte: v.agencyFte,
        agency_headcount: v.agencyHeadcount,
      })),
      returns_problems: returnProblems.map((p) => ({ file: p.file, record: p.record, field: p.field, message: p.message, outcome: p.outcome })),
    };
    io.out(JSON.stringify(json) + "\n");
  } else io.out(renderReport(result, { all: flags.has("--all") }) + renderReturnsReport(returns));
  if (flags.has("--store")) return store(full, io);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(`${t}\n`) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`analyse failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
