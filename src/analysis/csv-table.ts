import { parse } from "csv-parse/sync";
import { splitLeadingComments } from "./io/leading-comments";

/** A CSV file as text rows addressed by header name. */
export interface CsvTable extends CsvColumns {
  header: string[];
  rows: string[][];
  /** Lines before the header that start with '#', e.g. "# SYNTHETIC demo data". */
  comments: string[];
}

/** Column lookup by header name; never rely on column positions. */
export interface CsvColumns {
  /** Column index by header name (any case), or -1. */
  column(name: string): number;
}

/**
 * csv-parse options for every CSV we read, whole or streamed (RFC 4180: quoted fields may hold
 * commas, doubled quotes and line breaks; CRLF or LF endings; blank lines skipped; rows may be short
 * or long). Header names are trimmed by the callers. A row longer than MAX_ROW_CHARS (a stray quote
 * that never closes, or a file that is not CSV) stops the read with csv-parse's message instead of
 * growing one field until memory runs out.
 */
export const MAX_ROW_CHARS = 1 << 20;

export const CSV_OPTIONS = {
  bom: true,
  max_record_size: MAX_ROW_CHARS,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
} as const;

/** Looks columns up in a header, ignoring case. */
export function columnsOf(header: readonly string[]): CsvColumns {
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  return { column: (name) => index.get(name.toLowerCase()) ?? -1 };
}

/**
 * Parses CSV text held in memory (a test's or a caller's string); files are streamed instead (see
 * io/stream-csv.ts). A UTF-8 BOM is dropped, leading '#' lines are kept in `comments`.
 */
export function parseCsvTable(text: string): CsvTable {
  const { comments, body } = splitLeadingComments(text);
  const records = parse(body, CSV_OPTIONS) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim());
  return { header, rows: records.slice(1), comments, ...columnsOf(header) };
}
