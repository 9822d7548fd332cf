import { BOROUGHS } from "../../domain/boroughs";
import { readCinCensus, type ReturnContext } from "./cin-census-reader";
import { readCsww } from "./csww-reader";
import { isoDay } from "./dfe-codes";
import { mergeCounts, problemText, RefusedFile, type ReturnCounts, type ReturnKind, type ReturnProblem } from "./return-counts";
import { classifySsda903, readSsda903Episodes, readSsda903Header, readSsda903Uasc, type Ssda903Table } from "./ssda903-reader";

export interface ReturnInputFile {
  path: string;
  name: string;
  folder: string;
  head: string;
}

export type OpenFile = (path: string) => { chunks: AsyncIterable<string>; checksum: () => string };

export interface ReturnsOptions {
  /** --la: the LA (old code, name or GSS code) for returns that do not say. */
  la?: string;
  /** --as-at: the reference date (YYYY-MM-DD) for returns that do not say. */
  asAt?: string;
  onProgress?: (message: string) => void;
}

export interface ReturnFileSummary {
  name: string;
  kind: ReturnKind | "ssda903-other";
  checksum: string;
  synthetic: boolean;
  /** False when the file was refused whole. */
  used: boolean;
}

export interface ReturnsReadResult {
  returns: ReturnCounts[];
  problems: ReturnProblem[];
  files: ReturnFileSummary[];
}

type Detected = { kind: "cin-census" | "csww" } | { kind: "ssda903"; table: Ssda903Table | "other" } | { kind: "refuse"; why: string; field?: string };

function firstCsvLine(head: string): string {
  const body = head.replace(/^\uFEFF/, "");
  return (
    body
      .split(/\r?\n/)
      .find((l) => l.trim() !== "" && !l.startsWith("#"))
      ?.trim() ?? ""
  );
}

/**
 * What a file is, from its content (never its name): an XML CIN census or CSWW census, an SSDA903
 * table (by its columns), or null for anything else (a tidy statistics CSV, read elsewhere).
 */
export function detectReturn(file: { name: string; head: string }): Detected | null {
  const head = file.head.replace(/^\uFEFF/, "").trimStart();
  if (head === "" && /\.(csv|xml)$/i.test(file.name)) return { kind: "refuse", why: "the file is empty" };
  if (head.startsWith("<")) {
    if (/<(\w+:)?CSWWWorker[\s>]/.test(head) || /<(\w+:)?Collection>\s*CSWW/i.test(head) || /<(\w+:)?LALevelVacancies[\s>]/.test(head)) return { kind: "csww" };
    if (/<(\w+:)?CINdetails[\s>]/.test(head) || /<(\w+:)?Collection>\s*CIN/i.test(head) || /<(\w+:)?Children[\s>]/.test(head)) return { kind: "cin-census" };
    return { kind: "refuse", why: "an XML file that is neither a CIN census nor a CSWW census" };
  }
  if (/\.xml$/i.test(file.name)) return { kind: "refuse", why: head === "" ? "the file is empty" : "not XML" };
  const header = firstCsvLine(file.head)
    .split(",")
    .map((h) => h.replace(/^"|"$/g, "").trim());
  const table = classifySsda903(header);
  if (table === null) return null;
  if (typeof table === "object")
    return {
      kind: "refuse",
      why: `an SSDA903 ${table.table} file without the column${table.missing.length > 1 ? "s" : ""} ${table.missing.join(", ")}`,
      field: table.missing[0],
    };
  return { kind: "ssda903", table };
}

/** Returns and everything else, each file once. */
export function splitReturns<T extends { name: string; head: string }>(files: readonly T[]): { returns: T[]; others: T[] } {
  const returns: T[] = [];
  const others: T[] = [];
  for (const f of files) (detectReturn(f) ? returns : others).push(f);
  return { returns, others };
}

const FOLDER = /(?:^|[\\/])([a-z-]+)-(\d{3})-(\d{4})$/i;

/** `<borough>-<LA code>-<year>`, e.g. hackney-204-2026: the LA and the year ending 31 March. */
export function contextFromFolder(folder: string): { laCode: string; year: string } | null {
  const m = FOLDER.exec(folder);
  return m ? { laCode: m[2]!, year: m[3]! } : null;
}

function laFromOption(text: string | undefined): string | null {
  if (!text) return null;
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
  return (
    BOROUGHS.find(
      (b) => b.oldCode === key || b.code.toLowerCase() === key || b.slug.replace(/-/g, "") === key || b.name.toLowerCase().replace(/[^a-z0-9]+/g, "") === key,
    )?.oldCode ?? text.trim()
  );
}

/** Only the eight boroughs' returns are read. */
export function acceptLa(laCode: string): string | null {
  return BOROUGHS.some((b) => b.oldCode === laCode)
    ? null
    : `LA ${/^\d{3}$/.test(laCode) ? laCode : "(not a three-digit code)"} is not one of the eight East London boroughs`;
}

function isSynthetic(file: ReturnInputFile): boolean {
  return /synthetic/i.test(file.name) || /synthetic/i.test(file.head.slice(0, 2048));
}

/**
 * Reads every return, streamed, aggregating as it goes: CIN census and CSWW files first (their
 * headers name the LA and year), then each folder's SSDA903 tables (header, then UASC, then episodes),
 * whose LA and year come from a CIN or CSWW file in the same folder, else the folder's name, else the
 * --la and --as-at options. A file is used whole or refused whole; a bad record is left out and named.
 */
export async function readReturns(files: readonly ReturnInputFile[], open: OpenFile, options: ReturnsOptions = {}): Promise<ReturnsReadResult> {
  const problems: ReturnProblem[] = [];
  const summaries: ReturnFileSummary[] = [];
  const returns: ReturnCounts[] = [];
  const say = options.onProgress ?? (() => undefined);
  const optionLa = laFromOption(options.la);
  const optionDate = options.asAt ?? null;
  if (optionDate !== null && isoDay(optionDate) === null) throw new Error("--as-at needs a date in the form YYYY-MM-DD");
  const detected = files.map((f) => ({ file: f, what: detectReturn(f)! })).filter((d) => d.what);
  const fromHeaders = new Map<string, { laCode: string; referenceDate: string; from: string }>();

  const refuse = (file: ReturnInputFile, kind: ReturnFileSummary["kind"], error: unknown, checksum = "") => {
    if (!(error instanceof RefusedFile)) throw error;
    problems.push({ file: file.name, record: error.record, field: error.field, message: error.message, outcome: "file refused" });
    summaries.push({ name: file.name, kind, checksum, synthetic: isSynthetic(file), used: false });
    say(`refused ${file.name}: ${error.message}`);
  };
  const add = (counts: ReturnCounts) => {
    const twin = returns.find((r) => r.kind === counts.kind && r.laCode === counts.laCode && r.period === counts.period);
    if (twin && counts.kind !== "ssda903")
      throw new RefusedFile(
        `a second ${counts.kind === "csww" ? "CSWW" : "CIN"} census for LA ${counts.laCode}, ${counts.period} (already read from ${twin.sources.join(", ")})`,
      );
    if (twin) mergeCounts(twin, counts);
    else returns.push(counts);
  };

  for (const { file, what } of detected) {
    if (what.kind === "refuse") {
      refuse(file, "cin-census", new RefusedFile(what.why, what.field ?? null));
      continue;
    }
    if (what.kind !== "cin-census" && what.kind !== "csww") continue;
    const folderContext = contextFromFolder(file.folder);
    const context: ReturnContext = {
      laCode: folderContext?.laCode ?? optionLa,
      referenceDate: folderContext ? (what.kind === "csww" ? `${folderContext.year}-09-30` : `${folderContext.year}-03-31`) : optionDate,
    };
    const stream = open(file.path);
    try {
      const read = what.kind === "csww" ? readCsww : readCinCensus;
      const { counts, problems: found } = await read(stream.chunks, { name: file.name, synthetic: isSynthetic(file) }, context, acceptLa);
      add(counts);
      problems.push(...found);
      summaries.push({ name: file.name, kind: what.kind, checksum: stream.checksum(), synthetic: isSynthetic(file), used: true });
      if (what.kind === "cin-census" || !fromHeaders.has(file.folder))
        fromHeaders.set(file.folder, {
          laCode: counts.laCode,
          referenceDate: what.kind === "csww" ? `${counts.period}-03-31` : counts.referenceDate,
          from: file.name,
        });
      const people = [...(counts.counts.get(what.kind === "csww" ? "in-post" : "children")?.values() ?? [])].reduce((s, n) => s + n, 0);
      say(
        `read ${file.name}: ${what.kind === "csww" ? "CSWW census" : "CIN census"}, LA ${counts.laCode}, reference date ${counts.referenceDate}, ${people} ${what.kind === "csww" ? "employed staff in post" : "children"}${found.length ? `, ${found.length} record${found.length > 1 ? "s" : ""} skipped` : ""}`,
      );
    } catch (error) {
      refuse(file, what.kind, error, stream.checksum());
    }
  }

  const folders = new Map<string, { file: ReturnInputFile; table: Ssda903Table | "other" }[]>();
  for (const { file, what } of detected) {
    if (what.kind !== "ssda903") continue;
    const list = folders.get(file.folder);
    if (list) list.push({ file, table: what.table });
    else folders.set(file.folder, [{ file, table: what.table }]);
  }
  for (const [folder, list] of folders) await readSsda903Folder(folder, list);

  async function readSsda903Folder(folder: string, list: { file: ReturnInputFile; table: Ssda903Table | "other" }[]) {
    const fromFile = fromHeaders.get(folder);
    const fromFolder = contextFromFolder(folder);
    const context = fromFile
      ? { laCode: fromFile.laCode, referenceDate: fromFile.referenceDate, said: `LA and year from ${fromFile.from} in the same folder` }
      : fromFolder
        ? { laCode: fromFolder.laCode, referenceDate: `${fromFolder.year}-03-31`, said: "LA and year from the folder's name" }
        : optionLa && optionDate
          ? { laCode: optionLa, referenceDate: optionDate, said: "LA and year from --la and --as-at" }
          : null;
    const refusal = !context
      ? "an SSDA903 file carries neither its LA nor its year: put it beside a CIN census or CSWW file, in a folder named <borough>-<LA code>-<year>, or give --la and --as-at"
      : acceptLa(context.laCode);
    const ethnicity = new Map<string, string>();
    const uasc = new Map<string, number | null>();
    const order: (Ssda903Table | "other")[] = ["header", "uasc", "episodes", "other"];
    for (const { file, table } of [...list].sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table))) {
      if (table === "other") {
        summaries.push({ name: file.name, kind: "ssda903-other", checksum: "", synthetic: isSynthetic(file), used: false });
        say(`skipped ${file.name}: an SSDA903 table this analysis does not use`);
        continue;
      }
      if (refusal) {
        refuse(file, "ssda903", new RefusedFile(refusal, context ? "LA" : null));
        continue;
      }
      const stream = open(file.path);
      try {
        if (table === "header") {
          const read = await readSsda903Header(stream.chunks, file.name);
          for (const [k, v] of read.ethnicity) if (!ethnicity.has(k)) ethnicity.set(k, v);
          problems.push(...read.problems);
          say(`read ${file.name}: SSDA903 header, ${read.ethnicity.size} children (${context!.said})`);
        } else if (table === "uasc") {
          const read = await readSsda903Uasc(stream.chunks, file.name);
          for (const [k, v] of read.uasc) uasc.set(k, v);
          problems.push(...read.problems);
          say(`read ${file.name}: SSDA903 UASC, ${read.uasc.size} children (${context!.said})`);
        } else {
          if (ethnicity.size === 0) throw new RefusedFile("an SSDA903 episodes file needs the header file (CHILD, ETHNIC) in the same folder");
          const refDay = isoDay(context!.referenceDate)!;
          const read = await readSsda903Episodes(
            stream.chunks,
            { name: file.name, synthetic: isSynthetic(file) },
            context!.laCode,
            context!.referenceDate,
            refDay,
            ethnicity,
            uasc,
          );
          add(read.counts);
          problems.push(...read.problems);
          const cla = [...(read.counts.counts.get("cla-31march")?.values() ?? [])].reduce((s, n) => s + n, 0);
          say(
            `read ${file.name}: SSDA903 episodes, LA ${context!.laCode}, year ending ${context!.referenceDate}, ${cla} looked after on that date (${context!.said})${read.problems.length ? `, ${read.problems.length} records skipped` : ""}`,
          );
        }
        summaries.push({ name: file.name, kind: "ssda903", checksum: stream.checksum(), synthetic: isSynthetic(file), used: true });
      } catch (error) {
        refuse(file, "ssda903", error, stream.checksum());
      }
    }
    ethnicity.clear();
    uasc.clear();
  }

  return { returns, problems, files: summaries };
}

export { problemText };
