import type { Headline, MeasureRow } from "../analysis/contract";

export interface SourceRecord {
  name: string;
  checksum: string;
}

/** Measure fields kept in storage (the rest are working values of the analysis). */
export const STORED_MEASURE_FIELDS = [
  "measure",
  "topic",
  "areaCode",
  "areaName",
  "geography",
  "period",
  "year",
  "group",
  "level",
  "numerator",
  "denominator",
  "value",
  "unit",
  "ciLow",
  "ciHigh",
  "referenceGroup",
  "ratio",
  "ratioLow",
  "ratioHigh",
  "suppressed",
  "noBase",
  "note",
  "base",
  "valueSource",
  "countRounding",
  "significant",
  "method",
  "source",
  "synthetic",
] as const satisfies readonly (keyof MeasureRow)[];

/** A stored measure: the contract's fields above, with the run and the source files' checksums. */
export type StoredMeasure = Pick<MeasureRow, (typeof STORED_MEASURE_FIELDS)[number]> & { checksum: string; runId: string };

/** Headline fields kept in storage. */
export const STORED_HEADLINE_FIELDS = [
  "text",
  "detail",
  "caveats",
  "direction",
  "strength",
  "measure",
  "areaCode",
  "areaName",
  "period",
  "group",
  "level",
  "referenceGroup",
  "ratio",
  "ratioLow",
  "ratioHigh",
  "significant",
  "base",
  "source",
  "synthetic",
  "comparison",
] as const satisfies readonly (keyof Headline)[];

/** A stored headline: the contract's fields above, with its run, rank, checksums and time. */
export type StoredHeadline = Pick<Headline, (typeof STORED_HEADLINE_FIELDS)[number]> & {
  runId: string;
  rank: number;
  checksum: string;
  createdAt: string;
};

/** Where computed measures and headlines are kept for the digest and the tab. */
export interface MeasureStore {
  /**
   * Saves one analysis run, which replaces the one before it entirely (measures and headlines): only
   * one run, so one view of the data (e.g. Hackney with or without City of London), is ever held.
   * Suppressed measures are stored without numbers. Returns the run id.
   */
  saveRun(measures: readonly MeasureRow[], headlines: readonly Headline[], sources: readonly SourceRecord[]): Promise<string>;
  /** Headlines of the most recent run, best first. */
  latestHeadlines(limit: number): Promise<StoredHeadline[]>;
  /** The most recent run's id, if any run is stored. */
  latestRunId(): Promise<string | undefined>;
  /** Headlines of one run, best first; none once a later run has replaced it. */
  headlinesOfRun(runId: string, limit: number): Promise<StoredHeadline[]>;
  /** Measures of one measure id in the most recent run, optionally for one area. */
  listMeasures(filter: { measure: string; areaCode?: string }): Promise<StoredMeasure[]>;
}
