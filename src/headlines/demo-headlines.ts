import path from "node:path";
import { analyseFiles } from "../analysis/run-analysis";
import type { Logger } from "../logging/logger";
import type { MeasureStore } from "./measure-store";
import { PROJECT_ROOT } from "../project-root";

/** The synthetic demo datasets in seeds/data, labelled synthetic in every file and headline. */
export const DEMO_DATA_DIR = path.join(PROJECT_ROOT, "seeds", "data");

/**
 * On a fresh install, stores measures and headlines from the synthetic demo datasets, so the digest
 * and the tab have something to show before anyone loads real files. Does nothing once any run is
 * stored; every headline it stores says it is synthetic.
 */
export async function storeDemoHeadlinesIfEmpty(measures: MeasureStore, logger: Logger): Promise<boolean> {
  if ((await measures.latestHeadlines(1)).length > 0) return false;
  const result = await analyseFiles([DEMO_DATA_DIR]);
  const runId = await measures.saveRun(result.measures, result.headlines, result.sources);
  logger.info(
    { runId, measures: result.measures.length, headlines: result.headlines.length },
    "stored SYNTHETIC demo headlines from seeds/data (load real files with npm run analyse -- --store <files>)",
  );
  return true;
}
