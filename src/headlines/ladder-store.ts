import type { Ladder, PipelineRow } from "../analysis/returns/ladder-types";

/** Where the returns' ladders and workforce pipeline are kept for the digest and the tab (suppressed aggregates only). */
export interface LadderStore {
  /** Saves one analysis run's ladders and pipeline under the run's id; the newest run is what is read. */
  saveRun(runId: string, ladders: readonly Ladder[], pipeline: readonly PipelineRow[]): Promise<void>;
  /** The newest run's id (the analysis run it was stored with), or null when none is stored. */
  latestRunId(): Promise<string | null>;
  /** Ladders of the newest run, optionally for one area. */
  latestLadders(areaCode?: string): Promise<Ladder[]>;
  /** Workforce pipeline rows of the newest run, optionally for one area. */
  latestPipeline(areaCode?: string): Promise<PipelineRow[]>;
}
