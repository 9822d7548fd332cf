
/** A CSV file as text rows addressed by header name. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Lines before the header that start with '#', e.g. "# SYNTHETIC demo data". */
  comments: string[];
  /** Column index by header name; never rely on column positions. */
  column(name: string): number;
}

/** Parses CSV text: strips a UTF-8 BOM, keeps leading '#' comment lines, trims header names. */
export function parseCsvTable(text: string): CsvTable {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const comments: string[] = [];
  while (body.startsWith("#")) {
    const end = body.indexOf("\n");
    const line = end < 0 ? body : body.slice(0, end);
    comments.push(line.replace(/^#\s?/, "").trim());
    body = end < 0 ? "" : body.slice(end + 1);
  }
  const records = parseRecords(body);
  const header = (records[0] ?? []).map((h) => h.trim());
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  return {
    header,
    rows: records.slice(1),
    comments,
    column: (name) => index.get(name.toLowerCase()) ?? -1,
  };
}

/**
 * RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF endings;
 * blank lines skipped. Hand-written because it is several times faster than a general parser on
 * these files, and the analyse command must finish in well under two seconds.
 */
export function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let value = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error("unclosed quote in CSV");
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = value;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) row.push("");
    } else {
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      if (!(row.length === 1 && row[0] === "")) records.push(row);
      row = [];
    }
  }
  if (row.length > 0 && !(row.length === 1 && row[0] === "")) records.push(row);
  return records;
}
