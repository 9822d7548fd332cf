import type { Headline } from "../analysis/headlines";
import type { MeasureRow } from "../analysis/measure-row";

export interface SourceRecord {
  name: string;
  checksum: string;
}

export interface StoredMeasure {
  measure: string;
  topic: string;
  areaCode: string;
  areaName: string;
  period: string;
  group: string;
  level: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: string;
  ciLow: number | null;
  ciHigh: number | null;
  referenceGroup: string | null;
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  suppressed: boolean;
  note: string | null;
  method: string;
  source: string;
  checksum: string;
  synthetic: boolean;
  runId: string;
}

export interface StoredHeadline {
  runId: string;
  rank: number;
  text: string;
  measure: string;
  areaCode: string;
  areaName: string;
  period: string;
  group: string;
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
  significant: boolean;
  source: string;
  checksum: string;
  synthetic: boolean;
  createdAt: string;
}

/** Where computed measures and headlines are kept for the digest and the tab. */
export interface MeasureStore {
  /** Saves one analysis run; returns its id. Suppressed measures are stored without numbers. */
  saveRun(measures: readonly MeasureRow[], headlines: readonly Headline[], sources: readonly SourceRecord[]): Promise<string>;
  /** Headlines of the most recent run, best first. */
  latestHeadlines(limit: number): Promise<StoredHeadline[]>;
  /** Measures of one measure id, optionally for one area. */
  listMeasures(filter: { measure: string; areaCode?: string }): Promise<StoredMeasure[]>;
}
