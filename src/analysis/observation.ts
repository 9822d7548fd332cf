import type { Cell } from "./cell";
import type { EthnicGroup } from "./ethnicity";

export type Geography = "local authority" | "region" | "national";

/** Where and when a count belongs. */
export interface Place {
  areaCode: string;
  areaName: string;
  geography: Geography;
}

/** One count read from a source file, in the common long shape every reader produces. */
export interface Observation extends Place {
  datasetId: string;
  /** What is counted: a step such as "cla", "pupils", "population-0-17", "workforce". */
  stage: string;
  /** Source file name (no folders) and whether it holds synthetic demo data. */
  source: string;
  synthetic: boolean;
  /** Period as the source labels it, e.g. "2025", "2016/17". */
  period: string;
  /** The calendar year the figure refers to once aligned (e.g. mid-2024 population -> 2025). */
  year: number;
  group: EthnicGroup;
  /** A further breakdown such as a workforce role; null when none. */
  level: string | null;
  count: Cell;
  /** Children's data: City of London is never shown on its own. */
  childrenData: boolean;
  /**
   * The source itself published this count (an official release). Unpublished counts (a borough's
   * own files, synthetic demo files, statutory returns) from 1 to 9 are suppressed before storing.
   */
  publishedBySource: boolean;
  /** A sum we made of the source's cells (kept only when hidden, for disclosure control); never a group of its own in a table. */
  derived?: boolean;
  /** The source rounded this count to the nearest N (DfE national and regional figures); null when exact. */
  countRounding: number | null;
}
