import path from "node:path";
import { analyseWithReturns } from "../analysis/analyse-paths";
import { storedReturnMeasures } from "../analysis/returns/analyse-returns";
import { inMemoryReturns } from "../analysis/returns/in-memory-files";
import { parseFiles } from "../analysis/run-analysis";
import type { Logger } from "../logging/logger";
import { syntheticReturnFiles } from "../../seeds/make-returns";
import type { LadderStore } from "./ladder-store";
import type { MeasureStore } from "./measure-store";
import { PROJECT_ROOT } from "../project-root";

/** The synthetic demo datasets in seeds/data, labelled synthetic in every file and headline. */
export const DEMO_DATA_DIR = path.join(PROJECT_ROOT, "seeds", "data");

/**
 * On a fresh install, stores measures, headlines and ladders from the synthetic demo datasets and
 * the synthetic statutory returns (seeds/make-returns.ts, made in memory), so the digest and the tab
 * have something to show before anyone loads real files. Does nothing once any run is stored; every
 * headline it stores says it is synthetic.
 */
export async function storeDemoHeadlinesIfEmpty(measures: MeasureStore, logger: Logger, ladders?: LadderStore): Promise<boolean> {
  if ((await measures.latestHeadlines(1)).length > 0) return false;
  const { inputs, open } = inMemoryReturns(syntheticReturnFiles());
  const { result, returns } = await analyseWithReturns(await parseFiles([DEMO_DATA_DIR]), inputs, open);
  const stored = [...result.measures, ...storedReturnMeasures(returns)];
  const runId = await measures.saveRun(stored, result.headlines, result.sources);
  await ladders?.saveRun(runId, returns.ladders, returns.pipeline);
  logger.info(
    { runId, measures: stored.length, headlines: result.headlines.length, ladders: returns.ladders.length },
    "stored SYNTHETIC demo headlines from seeds/data and synthetic returns (load real files with npm run analyse -- --store <files>)",
  );
  return true;
}
