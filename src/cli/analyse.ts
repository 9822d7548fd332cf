/**
 * npm run analyse -- [--json] [--all] [--store] [--combine-city-with-hackney] [--comparators=CODE,...] <files or folders>
 * Streams DfE / ONS / local CSV files, prints a disparity report (or the JSON contract with --json)
 * on stdout, progress on stderr. Only rows for the eight boroughs, Inner and Outer London, London,
 * England and the comparator areas named by GSS code are kept, so a national file costs no more
 * memory than an extract. The report shows the eight boroughs, London and England at the latest
 * period; --all shows every area kept and every period. --combine-city-with-hackney adds a combined
 * "Hackney and City of London" area for children's data. --store also saves measures and headlines
 * to Table Storage.
 */
import { areaScope, type AreaScope } from "../analysis/area-scope";
import { toContractJson } from "../analysis/contract";
import { renderReport } from "../analysis/report";
import { analyseFiles, type AnalysisResult } from "../analysis/run-analysis";
import type { CliIo } from "./cli-io";
import { withStorage } from "./with-storage";

export type { CliIo };

const OPTIONS = ["--json", "--all", "--store", "--combine-city-with-hackney"];
const COMPARATORS = "--comparators=";
const USAGE = "usage: npm run analyse -- [--json] [--all] [--store] [--combine-city-with-hackney] [--comparators=CODE,...] <files or folders>";

function store(result: AnalysisResult, io: CliIo): Promise<number> {
  // Storage is loaded only with --store, so a plain report does not pay for the SDK's start-up.
  return withStorage("storing the measures", io, process.env, async (storage) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TableMeasureStore } = require("../headlines/table-measure-store") as typeof import("../headlines/table-measure-store");
    const measureStore = new TableMeasureStore(storage.tableClient("measures"), storage.tableClient("headlines"));
    const runId = await measureStore.saveRun(result.measures, result.headlines, result.sources);
    io.err(`stored ${result.measures.length} measures and ${result.headlines.length} headlines as run ${runId} (${storage.description})`);
    return 0;
  });
}

/** Runs the command; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const comparators = argv.filter((a) => a.startsWith(COMPARATORS)).flatMap((a) => a.slice(COMPARATORS.length).split(",").filter(Boolean));
  const flags = new Set(argv.filter((a) => a.startsWith("--") && !a.startsWith(COMPARATORS)));
  const paths = argv.filter((a) => !a.startsWith("--"));
  const unknown = [...flags].filter((f) => !OPTIONS.includes(f));
  if (unknown.length > 0 || paths.length === 0) {
    io.err(unknown.length ? `unknown option ${unknown.join(", ")}\n${USAGE}` : USAGE);
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
  let result: AnalysisResult;
  try {
    result = await analyseFiles(paths, { onProgress: io.err, scope, combineCityWithHackney: flags.has("--combine-city-with-hackney") });
  } catch (error) {
    io.err(`cannot read input: ${(error as Error).message}`);
    return 1;
  }
  const unread = result.sources.filter((s) => s.problem);
  io.err(`${result.sources.length} files, ${result.measures.length} measures, ${result.headlines.length} headlines in ${Date.now() - started} ms`);
  for (const s of unread) io.err(`warning: ${s.name}: ${s.problem}`);
  io.out(flags.has("--json") ? JSON.stringify(toContractJson(result)) + "\n" : renderReport(result, { all: flags.has("--all") }));
  if (flags.has("--store")) return store(result, io);
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
