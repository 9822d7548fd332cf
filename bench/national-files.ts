import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { boroughByCode } from "../src/domain/boroughs";
import { columnsOf, parseCsvTable } from "../src/analysis/csv-table";
import { geographyOf } from "../src/analysis/geography";
import { AREA_CODE_COLUMNS, AREA_NAME_COLUMNS, areaCodeReader } from "../src/analysis/readers/tidy-reader";

/** Columns that hold DfE's old three-digit LA code. */
const OLD_CODE_COLUMNS = ["old_la_code", "geog_c"];
/** Invented local authorities take these GSS prefixes (unitary, metropolitan, London borough). */
const PREFIXES = ["E06", "E08", "E09"];

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: readonly string[], eol: string) => cells.map(quote).join(",") + eol;

/**
 * An invented local authority: code E06/E08/E09 9nnnnn (no real authority has such a number, and
 * none of the eight boroughs), a name and an old LA code, the n-th of them.
 */
export function inventedAuthority(n: number): { code: string; name: string; oldCode: string } {
  return { code: `${PREFIXES[n % 3]}${String(900_000 + n).padStart(6, "0")}`, name: `Invented Authority ${n}`, oldCode: String(100 + (n % 900)) };
}

/**
 * Writes each CSV in `from` to `to`, grown towards `factor` times its size the way a national file
 * is bigger than an extract: its local-authority rows are repeated for invented authorities (other
 * codes, names and old codes), while its region and England rows stay once. Files with no
 * local-authority rows (national tables) are copied as they are, and the others grow a little more,
 * so that the folder as a whole is about `factor` times the size. Returns the bytes written.
 */
export function writeNationalFiles(from: string, to: string, factor: number): number {
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from)
    .filter((n) => n.toLowerCase().endsWith(".csv"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(from, name), "utf8") }));
  const parsed = files.map((f) => ({ ...f, table: parseCsvTable(f.text) }));
  const laRows = parsed.map(({ table }) => {
    const codeOf = areaCodeReader(table);
    return table.rows.filter((r) => geographyOf(codeOf(r)) === "local authority");
  });
  const total = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const fixed = parsed.reduce((s, f, i) => s + (laRows[i]!.length === 0 ? Buffer.byteLength(f.text) : 0), 0);
  const growth = (factor * total - fixed) / (total - fixed);
  let written = 0;
  let next = 0;
  parsed.forEach(({ name, text, table }, i) => {
    const out = path.join(to, name);
    writeFileSync(out, text);
    const rows = laRows[i]!;
    if (rows.length === 0) return void (written += Buffer.byteLength(text));
    const cols = columnsOf(table.header);
    const at = (names: readonly string[]) => names.map((n) => cols.column(n)).filter((c) => c >= 0);
    const codeAt = at(AREA_CODE_COLUMNS);
    const nameAt = at(AREA_NAME_COLUMNS);
    const oldAt = at(OLD_CODE_COLUMNS);
    const codeOf = areaCodeReader(table);
    // The file's own line ending: csv-parse takes the first line's as the record delimiter.
    const eol = /\r\n/.test(text) ? "\r\n" : "\n";
    const replica = (): string => {
      const invented = new Map<string, ReturnType<typeof inventedAuthority>>();
      let chunk = "";
      for (const r of rows) {
        const code = codeOf(r);
        let la = invented.get(code);
        if (!la) invented.set(code, (la = inventedAuthority(next++)));
        const copy = [...r];
        const borough = boroughByCode(code);
        for (const c of codeAt) if (copy[c]?.trim() === code) copy[c] = la.code;
        for (const c of nameAt) if (copy[c] && copy[c].trim().toLowerCase() === borough?.name.toLowerCase()) copy[c] = la.name;
        for (const c of oldAt) if (copy[c]?.trim() === borough?.oldCode) copy[c] = la.oldCode;
        chunk += line(copy, eol);
      }
      return chunk;
    };
    const first = replica();
    const replicas = Math.round(((growth - 1) * Buffer.byteLength(text)) / Buffer.byteLength(first));
    for (let k = 0; k < replicas; k++) appendFileSync(out, k === 0 ? first : replica());
    written += statSync(out).size;
  });
  return written;
}
