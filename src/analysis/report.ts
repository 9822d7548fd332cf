import type { AnalysisResult } from "./run-analysis";
import type { MeasureRow } from "./measure-row";
import { formatCount, formatRatio, formatValue } from "./headlines";
import { BOROUGHS } from "../domain/boroughs";
import { HACKNEY_AND_CITY } from "./geography";
import { boroughPages, methodNotes } from "./borough-pages";
import { trendSentence } from "./comparators";

export interface ReportOptions {
  /** Every area and every period held; by default only the eight boroughs, London and England, latest period. */
  all?: boolean;
}

const LONDON = "E12000007";
const ENGLAND = "E92000001";
/** Default report areas in display order: the eight boroughs (and the combined Hackney and City), then comparators. */
const DEFAULT_AREAS = [...BOROUGHS.map((b) => b.code), HACKNEY_AND_CITY, LONDON, ENGLAND];
const AREA_ORDER = new Map(DEFAULT_AREAS.map((code, i) => [code, i]));

const TOPIC_TITLES: Record<string, string> = {
  population: "Population by ethnic group (context)",
  "social-care": "Children's social care",
  education: "Education: suspensions and exclusions",
  send: "Special educational needs",
  health: "Health",
  "youth-justice": "Youth justice",
  workforce: "Children's social work workforce",
};

/** 'c' is kept for suppression only; a published count with nothing to divide it by says "no base". */
export const NO_BASE = "no base";

function cell(m: MeasureRow): string {
  if (m.suppressed) return "c";
  if (m.noBase) return NO_BASE;
  if (m.value === null) return "-";
  return `${formatValue(m.value, m.unit)} (${formatValue(m.ciLow!, m.unit)}-${formatValue(m.ciHigh!, m.unit)})`;
}

function ratioCell(m: MeasureRow): string {
  if (m.suppressed || m.ratio === null) return "";
  return `${formatRatio(m.ratio)} (${formatRatio(m.ratioLow!)}-${formatRatio(m.ratioHigh!)}) vs ${m.referenceGroup}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/**
 * One line per area and level with a column per group, "share (ratio)", for the workforce tables, whose
 * roles would otherwise multiply the rows; intervals are in --all and --json. '*' marks a ratio whose
 * 95% interval excludes 1.
 */
function pivot(rows: readonly MeasureRow[], mark: (m: MeasureRow) => string): string[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  const lines = new Map<string, MeasureRow[]>();
  for (const r of rows) {
    const k = `${r.areaName}|${r.level ?? ""}`;
    const line = lines.get(k);
    if (line) line.push(r);
    else lines.set(k, [r]);
  }
  const body = [...lines.values()].map((line) => [
    line[0]!.areaName + (line[0]!.synthetic ? " [synthetic]" : ""),
    line[0]!.level ?? "",
    ...groups.map((g) => {
      const m = line.find((r) => r.group === g);
      if (!m) return "";
      if (m.suppressed || m.value === null) return (m.noBase && !m.suppressed ? NO_BASE : "c") + mark(m);
      const clear = m.significant ? "*" : "";
      return `${formatValue(m.value, m.unit)}${m.ratio === null ? "" : ` (${formatRatio(m.ratio)}${clear})`}`;
    }),
  ]);
  const ref = rows.find((r) => r.referenceGroup)?.referenceGroup;
  const shownNotes = [
    ...new Set(
      rows
        .filter((r) => !r.suppressed && r.value !== null)
        .map(mark)
        .filter(Boolean),
    ),
  ];
  const legend = [
    ref ? `value (ratio to ${ref}; * = significant at 5%, exact test below 10 staff, never on fewer than 5)` : "",
    shownNotes.length ? `notes:${shownNotes.join("")}` : "",
  ].filter(Boolean);
  return [...(legend.length ? [`  ${legend.join("; ")}`] : []), table(["Area", "Level", ...groups], body)];
}

/** Rows for the tables: everything (--all), or the default areas at each measure's latest period among them. */
function tableRows(result: AnalysisResult, all: boolean): MeasureRow[] {
  const rows = result.measures.filter((m) => !m.measure.endsWith("-vs-others"));
  if (all) return rows;
  const shown = rows.filter((m) => AREA_ORDER.has(m.areaCode));
  // Latest per measure, area and group: a total may run to 2025 while the split by ethnicity stops in 2017.
  const key = (m: MeasureRow) => `${m.measure}|${m.areaCode}|${m.groupKey}`;
  const latest = new Map<string, number>();
  for (const m of shown) latest.set(key(m), Math.max(latest.get(key(m)) ?? -Infinity, m.year));
  return shown
    .filter((m) => m.year === latest.get(key(m)))
    .map((m, i) => ({ m, i }))
    .sort((a, b) => AREA_ORDER.get(a.m.areaCode)! - AREA_ORDER.get(b.m.areaCode)! || a.i - b.i)
    .map(({ m }) => m);
}

/**
 * A report a Director of Children's Services can read: one page per borough in plain words, the
 * method notes (which base, which year, which interval), then the technical part: headlines with the
 * figures and caveats behind them, one table per measure and topic for the eight boroughs with London
 * and England as comparators at the latest period, clear changes, notes and sources. `all` lists
 * every area and period held in the tables.
 */
export function renderReport(result: AnalysisResult, options: ReportOptions = {}): string {
  const all = options.all ?? false;
  const out: string[] = ["RACIAL DISPARITY REPORT", ""];
  if (result.sources.some((s) => s.synthetic)) out.push("Includes SYNTHETIC demo data: figures marked [synthetic] are not real.", "");
  out.push(
    all
      ? "Every area and every period held."
      : "The eight East London boroughs, with London and England for comparison, at the latest period of each measure (--all lists every area and period).",
    "",
  );
  out.push("ONE PAGE PER BOROUGH", "", ...boroughPages(result), ...methodNotes(result), "", "TECHNICAL TABLES", "");
  out.push("HEADLINES");
  if (result.headlines.length === 0) out.push("  (none passed the rules: significant after Holm correction, ratio >= 1.25 or <= 0.8, 10+ events each side)");
  result.headlines.forEach((h, i) => {
    out.push(`${String(i + 1).padStart(3)}. ${h.text}`, `       ${h.detail}`);
    if (h.caveats.length) out.push(`       Caveats: ${h.caveats.join("; ")}.`);
    if (h.comparison) out.push(`       Compared: ${h.comparison.text}.`, `       ${trendSentence(h.comparison)}`);
  });
  out.push("");
  const rowsShown = tableRows(result, all);
  const notes = new Map<string, number>();
  for (const topic of Object.keys(TOPIC_TITLES)) {
    const rows = rowsShown.filter((m) => m.topic === topic);
    if (rows.length === 0) continue;
    out.push(`== ${TOPIC_TITLES[topic]} ==`);
    for (const measure of [...new Set(rows.map((r) => r.measure))]) {
      const mrows = rows.filter((r) => r.measure === measure);
      const periods = [...new Set(mrows.map((r) => r.period))];
      out.push("", `${mrows[0]!.title} [${measure}] (${mrows[0]!.unit})${all ? "" : `, ${periods.join(" and ")}`}`);
      const mark = (m: MeasureRow) => {
        if (!m.note) return "";
        if (!notes.has(m.note)) notes.set(m.note, notes.size + 1);
        return ` [${notes.get(m.note)}]`;
      };
      if (!all && (topic === "workforce" || topic === "population")) {
        out.push(...pivot(mrows, mark));
        continue;
      }
      const body = mrows.map((m) => [
        m.areaName,
        m.period,
        m.level ?? "",
        m.group + (m.synthetic ? " [synthetic]" : ""),
        m.suppressed ? "c" : m.numerator === null ? "-" : formatCount(m.numerator, m.countRounding),
        m.suppressed || m.denominator === null ? "" : m.denominator.toLocaleString("en-GB"),
        cell(m) + mark(m),
        ratioCell(m),
      ]);
      out.push(table(["Area", "Period", "Level", "Group", "Count", "Base", "Value (95% CI)", "Ratio (95% CI)"], body));
    }
    out.push("");
  }
  const areas = new Set(rowsShown.map((m) => m.areaCode));
  const changes = result.changes.filter(
    (c) => (c.direction === "higher" || c.direction === "lower") && !c.measure.startsWith("workforce") && (all || areas.has(c.areaCode)),
  );
  const limit = all ? changes.length : 40;
  out.push(
    `== Change over the years held (clear changes only: ${changes.length} of ${result.changes.length}${changes.length > limit ? `; first ${limit} shown` : ""}) ==`,
  );
  for (const c of changes.slice(0, limit)) out.push(`  ${c.areaName}, ${c.measure}, ${c.group}${c.level ? `, ${c.level}` : ""}: ${c.text}`);
  out.push("", "NOTES");
  for (const [text, n] of notes) out.push(`  [${n}] ${text}`);
  out.push("  c = not shown: suppressed by the source or by our disclosure control (see the note on each cell).");
  out.push(`  ${NO_BASE} = the count is published, but there is no base (population) to divide it by in that year: not a suppression.`);
  out.push("  about N = the source rounds this count (DfE national and regional figures to the nearest 5 or 10).");
  out.push("", "SOURCES");
  for (const s of result.sources)
    out.push(`  ${s.name}: ${s.dataset ?? "not recognised"}, ${s.rows} rows${s.synthetic ? ", SYNTHETIC" : ""}${s.problem ? ` - ${s.problem}` : ""}`);
  return out.join("\n") + "\n";
}
