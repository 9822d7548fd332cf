import { CATALOGUE, matchDataset, type Catalogue, type DatasetSpec } from "./catalogue";
import { parseCsvTable } from "./csv-table";
import { readTidy, type ReadResult } from "./readers/tidy-reader";

export interface LoadedFile extends ReadResult {
  source: string;
  checksum: string;
  synthetic: boolean;
  dataset: DatasetSpec | null;
  /** Why a file gave nothing, in words; null when it loaded. */
  problem: string | null;
}

/** Synthetic demo files say so in a leading comment, a data_status column, or their name. */
function isSynthetic(name: string, comments: readonly string[], header: readonly string[], rows: readonly string[][]): boolean {
  if (/synthetic/i.test(name) || comments.some((c) => /synthetic/i.test(c))) return true;
  const i = header.findIndex((h) => h.toLowerCase() === "data_status");
  return i >= 0 && rows.some((r) => /synthetic/i.test(r[i] ?? ""));
}

/** Parses one file's text and reads it with the catalogue dataset its headers match. */
export function loadDataset(file: { name: string; text: string; checksum: string }, catalogue: Catalogue = CATALOGUE): LoadedFile {
  const table = parseCsvTable(file.text);
  const synthetic = isSynthetic(file.name, table.comments, table.header, table.rows);
  const dataset = matchDataset(catalogue, table.header, file.name) ?? null;
  const empty = { observations: [], published: [], rows: table.rows.length, unknownLabels: [] };
  const base = { source: file.name, checksum: file.checksum, synthetic, dataset };
  if (!dataset) return { ...base, ...empty, problem: "no catalogue dataset matches its column headers" };
  try {
    return { ...base, ...readTidy(table, dataset, file.name, synthetic), problem: null };
  } catch (error) {
    return { ...base, ...empty, problem: `does not fit dataset ${dataset.id}: ${(error as Error).message}` };
  }
}
