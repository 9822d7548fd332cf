import { parse } from "csv-parse/sync";

/** A CSV file as text rows addressed by header name. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Lines before the header that start with '#', e.g. "# SYNTHETIC demo data". */
  comments: string[];
  /** Column index by header name; never rely on column positions. */
  column(name: string): number;
}

/** The '#' lines at the very start of a file (the seeds' "# SYNTHETIC ..." label), before the header. */
const LEADING_COMMENTS = /^(?:#[^\n]*(?:\n|$))+/;

/**
 * Parses CSV text with csv-parse (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF or LF endings; blank lines skipped; rows may be short or long). A UTF-8 BOM is
 * dropped, leading '#' comment lines are kept in `comments` (csv-parse's own `comment` option would
 * discard their text, and would also treat a '#' later in the file as a comment), header names are trimmed.
 */
export function parseCsvTable(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lead = LEADING_COMMENTS.exec(body)?.[0] ?? "";
  const comments = lead
    .split("\n")
    .filter((line) => line.startsWith("#"))
    .map((line) => line.replace(/^#\s?/, "").trim());
  const records = parse(body.slice(lead.length), {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim());
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  return {
    header,
    rows: records.slice(1),
    comments,
    column: (name) => index.get(name.toLowerCase()) ?? -1,
  };
}
