import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform, Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { CSV_OPTIONS, MAX_ROW_CHARS } from "../csv-table";
import { LeadingComments } from "./leading-comments";

export interface CsvHead {
  /** Header names, trimmed. */
  header: string[];
  /** Lines before the header that start with '#', e.g. "# SYNTHETIC demo data". */
  comments: string[];
}

/** What a reader does with a streamed file: picks its columns from the header, then takes rows one by one. */
export interface RowSink {
  /** Called once, with the header: the indexes of the columns to keep, in the order rows will give them. */
  begin(head: CsvHead): readonly number[];
  /** One data row holding only the kept columns (a short row's missing cells are ""). */
  row(values: string[]): void;
}

export interface StreamedCsv {
  /** sha256 of the file's bytes, to record with stored results. */
  checksum: string;
  /** Data rows read (after the header and any comment lines). */
  rows: number;
}

/**
 * Streams CSV bytes through csv-parse (the same options as parseCsvTable) into a sink, one row at a
 * time: memory holds one chunk and one row, whatever the file's size, and the columns the sink does
 * not keep are dropped as each row is parsed.
 */
export async function streamCsv(input: Readable, sink: RowSink): Promise<StreamedCsv> {
  const hash = createHash("sha256");
  let comments: string[] = [];
  let keep: readonly number[] | null = null;
  let rows = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const take = (record: string[]): void => {
    if (!keep) {
      keep = sink.begin({ header: record.map((h) => h.trim()), comments });
      return;
    }
    rows++;
    const values = new Array<string>(keep.length);
    for (let i = 0; i < keep.length; i++) values[i] = record[keep[i]!] ?? "";
    sink.row(values);
  };
  const rowsOut = new Writable({
    objectMode: true,
    highWaterMark: 64,
    write(record: string[], _encoding, done) {
      take(record);
      done();
    },
    writev(chunks: { chunk: string[] }[], done) {
      for (const c of chunks) take(c.chunk);
      done();
    },
  });
  await pipeline(input, hashing, new LeadingComments((c) => (comments = c), MAX_ROW_CHARS), parse(CSV_OPTIONS), rowsOut);
  if (!keep) sink.begin({ header: [], comments });
  return { checksum: hash.digest("hex"), rows };
}

/** Streams one CSV file from disk (see streamCsv). */
export function streamCsvFile(filePath: string, sink: RowSink): Promise<StreamedCsv> {
  return streamCsv(createReadStream(filePath, { highWaterMark: 256 * 1024 }), sink);
}
