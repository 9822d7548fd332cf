import type { AnalysisResult } from "./run-analysis";
import type { MeasureRow } from "./measure-row";
import { formatRatio, formatValue } from "./headlines";

const TOPIC_TITLES: Record<string, string> = {
  "social-care": "Children's social care",
  education: "Education: suspensions and exclusions",
  send: "Special educational needs",
  health: "Health",
  "youth-justice": "Youth justice",
  workforce: "Children's social work workforce",
};

function cell(m: MeasureRow): string {
  if (m.suppressed) return "c";
  if (m.value === null) return "-";
  return `${formatValue(m.value, m.unit)} (${formatValue(m.ciLow!, m.unit)}-${formatValue(m.ciHigh!, m.unit)})`;
}

function ratioCell(m: MeasureRow): string {
  if (m.suppressed || m.ratio === null) return "";
  return `${formatRatio(m.ratio)} (${formatRatio(m.ratioLow!)}-${formatRatio(m.ratioHigh!)}) vs ${m.referenceGroup}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The latest period of each measure in each area, as text tables per topic, then headlines and notes. */
export function renderReport(result: AnalysisResult): string {
  const out: string[] = ["RACIAL DISPARITY REPORT", ""];
  if (result.sources.some((s) => s.synthetic)) out.push("Includes SYNTHETIC demo data: figures marked [synthetic] are not real.", "");
  out.push("HEADLINES");
  if (result.headlines.length === 0) out.push("  (none passed the rules: significant after Holm correction, ratio >= 1.25 or <= 0.8, 10+ events each side)");
  result.headlines.forEach((h, i) => out.push(`${String(i + 1).padStart(3)}. ${h.text}`));
  out.push("");
  const latest = new Map<string, number>();
  for (const m of result.measures) latest.set(`${m.measure}|${m.areaCode}`, Math.max(latest.get(`${m.measure}|${m.areaCode}`) ?? 0, m.year));
  const notes = new Map<string, number>();
  for (const topic of Object.keys(TOPIC_TITLES)) {
    const rows = result.measures.filter((m) => m.topic === topic && m.year === latest.get(`${m.measure}|${m.areaCode}`) && !m.measure.endsWith("-vs-others"));
    if (rows.length === 0) continue;
    out.push(`== ${TOPIC_TITLES[topic]} ==`);
    for (const measure of [...new Set(rows.map((r) => r.measure))]) {
      const mrows = rows.filter((r) => r.measure === measure);
      out.push("", `${mrows[0]!.title} [${measure}] (${mrows[0]!.unit})`);
      const body = mrows.map((m) => {
        let mark = "";
        if (m.note) {
          if (!notes.has(m.note)) notes.set(m.note, notes.size + 1);
          mark = ` [${notes.get(m.note)}]`;
        }
        return [m.areaName, m.period, m.level ?? "", m.group + (m.synthetic ? " [synthetic]" : ""), m.suppressed || m.numerator === null ? "c" : m.numerator.toLocaleString("en-GB"), m.suppressed || m.denominator === null ? "" : m.denominator.toLocaleString("en-GB"), cell(m) + mark, ratioCell(m)];
      });
      out.push(table(["Area", "Period", "Level", "Group", "Count", "Base", "Value (95% CI)", "Ratio (95% CI)"], body));
    }
    out.push("");
  }
  const changes = result.changes.filter((c) => c.direction !== "no clear change" && !c.measure.startsWith("workforce"));
  out.push(`== Change over the years held (clear changes only: ${changes.length} of ${result.changes.length}) ==`);
  for (const c of changes.slice(0, 40)) out.push(`  ${c.areaName}, ${c.measure}, ${c.group}${c.level ? `, ${c.level}` : ""}: ${c.text}`);
  out.push("", "NOTES");
  for (const [text, n] of notes) out.push(`  [${n}] ${text}`);
  out.push("  c = not shown: suppressed by the source or by our disclosure control (see the note on each cell).");
  out.push("", "SOURCES");
  for (const s of result.sources) out.push(`  ${s.name}: ${s.dataset ?? "not recognised"}, ${s.rows} rows${s.synthetic ? ", SYNTHETIC" : ""}${s.problem ? ` - ${s.problem}` : ""}`);
  return out.join("\n") + "\n";
}
