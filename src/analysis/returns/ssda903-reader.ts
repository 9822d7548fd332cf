import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { ethnicityCode, ukDay } from "./dfe-codes";
import { yearEnding } from "./cin-census-reader";
import { addCount, emptyCounts, RefusedFile, type ReturnCounts, type ReturnProblem } from "./return-counts";

/** SSDA903 tables this reader uses, told apart by their columns (as liia-tools does). */
export const SSDA903_TABLES = {
  header: ["CHILD", "SEX", "DOB", "ETHNIC"],
  episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE"],
  uasc: ["CHILD", "SEX", "DOB", "DUC"],
} as const;
export type Ssda903Table = keyof typeof SSDA903_TABLES;

/** Other SSDA903 tables: recognised, so they are not reported as unknown files, but not needed here. */
const OTHER_TABLES: readonly (readonly string[])[] = [
  ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
  ["CHILD", "DOB", "MISSING", "MIS_START"],
  ["CHILD", "DOB", "SDQ_SCORE"],
  ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
  ["CHILD", "DOB", "DATE_INT", "DATE_MATCH"],
  ["CHILD", "DOB", "DATE_PLACED"],
  ["CHILD", "DOB", "PREV_PERM"],
  ["CHILD", "DOB", "SW_ID"],
];

/**
 * Which SSDA903 table a header row belongs to: "other" for a table this analysis does not use,
 * { missing } when the header looks like one of ours but lacks columns, null when it is no SSDA903 file.
 */
export function classifySsda903(header: readonly string[]): Ssda903Table | "other" | { table: Ssda903Table; missing: string[] } | null {
  const have = new Set(header.map((h) => h.trim().toUpperCase()));
  if (!have.has("CHILD")) return null;
  const order: Ssda903Table[] = ["episodes", "uasc", "header"];
  for (const t of order) if (SSDA903_TABLES[t].every((c) => have.has(c))) return t;
  if (OTHER_TABLES.some((cols) => cols.every((c) => have.has(c)))) return "other";
  const near = order.map((t) => ({ table: t, missing: SSDA903_TABLES[t].filter((c) => !have.has(c)) })).sort((a, b) => a.missing.length - b.missing.length)[0]!;
  if (near.missing.length <= 2 && SSDA903_TABLES[near.table].length - near.missing.length >= 2) return near;
  return null;
}

/** Rows of a CSV stream as records keyed by upper-case header names (csv-parse's stream API). */
async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<{ row: number; get: (c: string) => string }> {
  const parser = Readable.from(chunks).pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }));
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells.map((h) => h.trim().toUpperCase());
        continue;
      }
      row++;
      const index = new Map(header.map((h, i) => [h, i]));
      yield { row, get: (c: string) => (cells[index.get(c) ?? -1] ?? "").trim() };
    }
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    // csv-parse messages can quote a field's text: say where only.
    throw new RefusedFile(`not readable as CSV after data row ${row}`);
  }
  if (!header) throw new RefusedFile("the file is empty");
}

/** The header table: each child's ethnicity code, held in memory only while the folder is read. */
export async function readSsda903Header(chunks: AsyncIterable<string>, file: string): Promise<{ ethnicity: Map<string, string>; problems: ReturnProblem[] }> {
  const ethnicity = new Map<string, string>();
  const problems: ReturnProblem[] = [];
  for await (const r of csvRecords(chunks)) {
    const skip = (field: string, message: string) => problems.push({ file, record: r.row, field, message, outcome: "record skipped" });
    const child = r.get("CHILD");
    if (!child) {
      skip("CHILD", "no child identifier");
      continue;
    }
    const code = ethnicityCode(r.get("ETHNIC"));
    if (!code) skip("ETHNIC", "not one of the 20 DfE ethnicity codes");
    else if (ethnicity.has(child)) skip("CHILD", "the same child is listed twice in this file");
    else ethnicity.set(child, code);
  }
  return { ethnicity, problems };
}

/** The UASC table: children who were unaccompanied asylum seekers, and when that status ceased (DUC). */
export async function readSsda903Uasc(chunks: AsyncIterable<string>, file: string): Promise<{ uasc: Map<string, number | null>; problems: ReturnProblem[] }> {
  const uasc = new Map<string, number | null>();
  const problems: ReturnProblem[] = [];
  for await (const r of csvRecords(chunks)) {
    const child = r.get("CHILD");
    const duc = r.get("DUC");
    const day = duc === "" ? null : ukDay(duc);
    if (!child) problems.push({ file, record: r.row, field: "CHILD", message: "no child identifier", outcome: "record skipped" });
    else if (duc !== "" && day === null)
      problems.push({ file, record: r.row, field: "DUC", message: "not a date in the form dd/mm/yyyy", outcome: "record skipped" });
    else uasc.set(child, day);
  }
  return { uasc, problems };
}

/**
 * The episodes table, counted per child (reference/statutory-returns.md section 2.4): looked after on
 * the reference date (an episode begun by then, not ended by then, legal status not V3/V4 short
 * breaks); started to be looked after in the year (an episode with RNE = S begun in the year, not
 * a short break). UASC
 * children (in the UASC file, status not ceased by the date) are counted apart as well as within.
 */
export async function readSsda903Episodes(
  chunks: AsyncIterable<string>,
  file: { name: string; synthetic: boolean },
  laCode: string,
  referenceDate: string,
  referenceDay: number,
  ethnicity: ReadonlyMap<string, string>,
  uasc: ReadonlyMap<string, number | null>,
): Promise<{ counts: ReturnCounts; problems: ReturnProblem[] }> {
  const problems: ReturnProblem[] = [];
  const year = yearEnding(referenceDay);
  const flags = new Map<string, { code: string; cla: boolean; start: boolean; claUasc: boolean; startUasc: boolean }>();
  const isUasc = (child: string, day: number) => uasc.has(child) && (uasc.get(child) === null || uasc.get(child)! > day);
  for await (const r of csvRecords(chunks)) {
    const skip = (field: string, message: string) => problems.push({ file: file.name, record: r.row, field, message, outcome: "record skipped" });
    const child = r.get("CHILD");
    if (!child) {
      skip("CHILD", "no child identifier");
      continue;
    }
    const decom = ukDay(r.get("DECOM"));
    if (decom === null) {
      skip("DECOM", "not a date in the form dd/mm/yyyy");
      continue;
    }
    const decText = r.get("DEC");
    const dec = decText === "" ? null : ukDay(decText);
    if (decText !== "" && dec === null) {
      skip("DEC", "not a date in the form dd/mm/yyyy");
      continue;
    }
    const code = ethnicity.get(child);
    if (!code) {
      skip("CHILD", "the child is not in the header file, so its ethnicity is not known");
      continue;
    }
    let f = flags.get(child);
    if (!f) flags.set(child, (f = { code, cla: false, start: false, claUasc: false, startUasc: false }));
    // Short breaks (V3, V4) are left out of both counts, as DfE's figures leave out agreed series of short-term placements.
    if (["V3", "V4"].includes(r.get("LS").toUpperCase())) continue;
    if (decom <= referenceDay && (dec === null || dec > referenceDay)) {
      f.cla = true;
      f.claUasc ||= isUasc(child, referenceDay);
    }
    if (r.get("RNE").toUpperCase() === "S" && decom >= year.from && decom <= year.to) {
      f.start = true;
      f.startUasc ||= isUasc(child, decom);
    }
  }
  const counts = emptyCounts("ssda903", laCode, referenceDate, file.name, file.synthetic);
  for (const f of flags.values()) {
    addCount(counts, "cla-children", f.code);
    if (f.cla) addCount(counts, "cla-31march", f.code);
    if (f.start) addCount(counts, "cla-start", f.code);
    if (f.claUasc) addCount(counts, "uasc-cla-31march", f.code);
    if (f.startUasc) addCount(counts, "uasc-cla-start", f.code);
  }
  return { counts, problems };
}
