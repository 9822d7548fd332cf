import path from "node:path";
import { DEFAULT_SCOPE, type AreaScope } from "./area-scope";
import { CATALOGUE, matchDataset, type Catalogue, type DatasetSpec } from "./catalogue";
import { columnsOf, parseCsvTable } from "./csv-table";
import { streamCsvFile, type CsvHead, type RowSink } from "./io/stream-csv";
import { AREA_CODE_COLUMNS, AREA_NAME_COLUMNS, areaCodeReader, tidyReader, type ReadResult, type TidyReader } from "./readers/tidy-reader";

export interface LoadedFile extends ReadResult {
  source: string;
  checksum: string;
  synthetic: boolean;
  dataset: DatasetSpec | null;
  /** Why a file gave nothing, in words; null when it loaded. */
  problem: string | null;
  /** Data rows for the areas in scope; the other rows were dropped as they were read. */
  kept: number;
  /** The columns read (those the catalogue entry uses); every other column was dropped while parsing. */
  columns: string[];
}

/** Synthetic demo files say so in a leading comment, a data_status column, or their name. */
const SYNTHETIC = /synthetic/i;
const STATUS_COLUMN = "data_status";

/** A borough can mark a file in a published shape as its own: a leading "# unpublished" comment line. */
function markedUnpublished(comments: readonly string[]): boolean {
  return comments.some((c) => /^#?\s*unpublished\b/i.test(c.trim()));
}

/**
 * Every header name a dataset's catalogue entry mentions outside `match` (as a value, such as a
 * count or period column, or as a filter's key), lower-cased, with the area columns and data_status.
 * Derived from the entry, so a column added to the catalogue is read without a change here.
 */
export function columnsUsed(spec: DatasetSpec): Set<string> {
  const names = new Set([...AREA_CODE_COLUMNS, ...AREA_NAME_COLUMNS, STATUS_COLUMN]);
  const walk = (value: unknown): void => {
    if (typeof value === "string") names.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object")
      for (const [key, inner] of Object.entries(value)) {
        names.add(key.toLowerCase());
        walk(inner);
      }
  };
  const { match: _match, id: _id, title: _title, ...used } = spec;
  walk(used);
  return names;
}

interface DatasetSink extends RowSink {
  finish(rows: number, checksum: string): LoadedFile;
}

/**
 * Reads one file's rows as they arrive: matches the header to a catalogue dataset, keeps only the
 * columns that dataset uses, drops rows for areas outside the scope, and builds observations from
 * the rest. Nothing else of the file stays in memory.
 */
function datasetSink(name: string, catalogue: Catalogue, scope: AreaScope): DatasetSink {
  let synthetic = SYNTHETIC.test(name);
  let dataset: DatasetSpec | null = null;
  let problem: string | null = null;
  let reader: TidyReader | null = null;
  let columns: string[] = [];
  let statusAt = -1;
  let codeOf: (row: readonly string[]) => string = () => "";
  let kept = 0;

  const begin = (head: CsvHead): readonly number[] => {
    if (head.comments.some((c) => SYNTHETIC.test(c))) synthetic = true;
    const unpublished = markedUnpublished(head.comments);
    dataset = matchDataset(catalogue, head.header, name) ?? null;
    const wanted = dataset ? columnsUsed(dataset) : new Set([STATUS_COLUMN]);
    const keep = head.header.flatMap((h, i) => (wanted.has(h.toLowerCase()) ? [i] : []));
    columns = keep.map((i) => head.header[i]!);
    const table = columnsOf(columns);
    statusAt = table.column(STATUS_COLUMN);
    codeOf = areaCodeReader(table);
    if (!dataset) problem = "no catalogue dataset matches its column headers";
    else {
      try {
        reader = tidyReader(table, dataset, name, synthetic, dataset.publishedBySource && !synthetic && !unpublished);
      } catch (error) {
        problem = `does not fit dataset ${dataset.id}: ${(error as Error).message}`;
      }
    }
    return keep;
  };

  const row = (values: string[]): void => {
    if (!synthetic && statusAt >= 0 && SYNTHETIC.test(values[statusAt]!)) synthetic = true;
    if (!reader || !scope.has(codeOf(values))) return;
    kept++;
    try {
      reader.read(values);
    } catch (error) {
      problem = `does not fit dataset ${dataset!.id}: ${(error as Error).message}`;
      reader = null;
    }
  };

  const finish = (rows: number, checksum: string): LoadedFile => {
    const read = reader && !problem ? reader.result(rows) : { observations: [], published: [], rows, unknownLabels: [] };
    // A data_status cell can say "synthetic" after the first observations were made.
    // Synthetic demo data is never a publication: its small counts are suppressed like a borough's own.
    if (synthetic)
      for (const o of read.observations) {
        o.synthetic = true;
        o.publishedBySource = false;
      }
    return { ...read, source: name, checksum, synthetic, dataset, problem, kept: problem ? 0 : kept, columns };
  };

  return { begin, row, finish };
}

/** Reads one file's text (already in memory) with the catalogue dataset its headers match. */
export function loadDataset(
  file: { name: string; text: string; checksum: string },
  catalogue: Catalogue = CATALOGUE,
  scope: AreaScope = DEFAULT_SCOPE,
): LoadedFile {
  const table = parseCsvTable(file.text);
  const sink = datasetSink(file.name, catalogue, scope);
  const keep = sink.begin({ header: table.header, comments: table.comments });
  for (const r of table.rows) sink.row(keep.map((i) => r[i] ?? ""));
  return sink.finish(table.rows.length, file.checksum);
}

/** Streams one file from disk (any size) with the catalogue dataset its headers match. */
export async function loadDatasetFile(filePath: string, catalogue: Catalogue = CATALOGUE, scope: AreaScope = DEFAULT_SCOPE): Promise<LoadedFile> {
  const name = path.basename(filePath);
  const sink = datasetSink(name, catalogue, scope);
  try {
    const { rows, checksum } = await streamCsvFile(filePath, sink);
    return sink.finish(rows, checksum);
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
  }
}
