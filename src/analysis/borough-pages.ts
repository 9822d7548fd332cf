import { BOROUGHS } from "../domain/boroughs";
import { compareRow, ComparatorIndex, trendWords } from "./comparators";
import type { Headline, MeasureRow } from "./contract";
import { CITY_OF_LONDON, HACKNEY, HACKNEY_AND_CITY, HACKNEY_AND_CITY_NAME } from "./geography";
import { formatCount, formatRatio, formatValue } from "./headlines";
import { STAGE_DESCRIPTIONS } from "./measures/rates";
import type { AnalysisResult } from "./run-analysis";

const SENIOR_LEVELS = ["Senior manager", "Middle manager", "First line manager"];
/** The totals every page opens with: the measure, and how to say what it counts. */
const TOTALS: [measure: string, what: string][] = [
  ["cla-rate", "children looked after on 31 March"],
  ["cpp-rate", "children on a child protection plan on 31 March"],
  ["cin-rate", "children in need on 31 March"],
];

function unitText(m: MeasureRow): string {
  if (m.unit === "%") return "";
  const per = m.unit === "per 100" ? "100" : "10,000";
  const stage = m.base?.stage ?? m.denominatorStage ?? "";
  return ` per ${per} ${STAGE_DESCRIPTIONS[stage] ?? m.base?.description ?? ""}`.trimEnd();
}

/** The latest year of a measure in an area that has any figure, and its rows. */
function latest(rows: readonly MeasureRow[], measure: string, area: string): MeasureRow[] {
  const mine = rows.filter((r) => r.measure === measure && r.areaCode === area && (r.value !== null || r.suppressed || r.noBase));
  const year = Math.max(...mine.map((r) => r.year));
  return mine.filter((r) => r.year === year);
}

function totalLine(rows: readonly MeasureRow[], comparators: ComparatorIndex, area: string, measure: string, what: string): string | null {
  const all = latest(rows, measure, area).find((r) => r.group === "All");
  if (!all) return null;
  if (all.suppressed) return `- ${what}: not shown (${all.note ?? "suppressed"}).`;
  if (all.value === null) return null;
  const c = compareRow(all, comparators);
  const beside = c ? [c.eastLondon, c.london, c.england].filter((f) => f !== null).map((f) => `${f.areaName} ${formatValue(f.value, all.unit)}`) : [];
  const words = c ? [...(beside.length ? [beside.join(", ")] : []), trendWords(c)].join("; ") : "";
  return `- ${what}, ${all.period}: ${formatCount(all.numerator!, all.countRounding)}, ${formatValue(all.value, all.unit)}${unitText(all)}${words ? ` (${words})` : ""}.`;
}

/** A group's figure in words: "Black 148 (1.4 times the White rate, 95% CI 1.1 to 1.8)". */
function groupFigure(r: MeasureRow): string {
  if (r.suppressed) return `${r.group} not shown`;
  if (r.value === null) return `${r.group} ${r.noBase ? "no base" : "-"}`;
  const ratio =
    r.ratio !== null && r.ratioLow !== null && r.ratioHigh !== null
      ? ` (${formatRatio(r.ratio)} times the ${r.referenceGroup} rate, 95% CI ${formatRatio(r.ratioLow)} to ${formatRatio(r.ratioHigh)})`
      : "";
  return `${r.group} ${formatValue(r.value, r.unit)}${ratio}`;
}

/** Measures with figures by ethnic group for the area (not the reference comparisons, not unknown shares). */
function byGroupLines(rows: readonly MeasureRow[], area: string): string[] {
  const measures = [
    ...new Set(
      rows
        .filter(
          (r) =>
            r.areaCode === area &&
            r.group !== "All" &&
            r.outcome !== null &&
            r.unit !== "per 100" &&
            !/-vs-others$|-unknown-ethnicity$|-ladder$/.test(r.measure),
        )
        .map((r) => r.measure),
    ),
  ];
  const lines: string[] = [];
  for (const measure of measures) {
    const shown = latest(rows, measure, area).filter((r) => r.group !== "All");
    const first = shown[0];
    if (!first || shown.every((r) => r.value === null)) continue;
    lines.push(`- ${first.title}, ${first.period}:`, `    ${shown.map(groupFigure).join("; ")}.`);
  }
  return lines;
}

/** Ladder steps where a group's ratio is clear (significant and outside the four-fifths band). */
function ladderLines(rows: readonly MeasureRow[], area: string): string[] {
  const ladders = [...new Set(rows.filter((r) => r.areaCode === area && r.measure.endsWith("-ladder") && r.group !== "All").map((r) => r.measure))];
  const lines: string[] = [];
  for (const measure of ladders) {
    const steps = latest(rows, measure, area).filter((r) => r.group !== "All" && r.ratio !== null && r.significant && (r.ratio >= 1.25 || r.ratio <= 0.8));
    for (const level of [...new Set(steps.map((r) => r.level))]) {
      const at = steps.filter((r) => r.level === level);
      lines.push(`- ${level}, ${at[0]!.period}: ${at.map((r) => `${r.group} ${formatRatio(r.ratio!)} times the ${r.referenceGroup} rate`).join("; ")}.`);
    }
  }
  return lines.length
    ? lines
    : ["- No step shows a clear difference by ethnic group in the figures loaded (or none are loaded by ethnic group for this borough)."];
}

function workforceLines(rows: readonly MeasureRow[], area: string): string[] {
  const shares = latest(rows, "workforce-share", area);
  const lines: string[] = [];
  for (const level of SENIOR_LEVELS) {
    const at = shares.filter((r) => r.level === level && r.value !== null);
    if (at.length === 0) continue;
    const text = at.map((r) =>
      r.numerator === 0
        ? `${r.group} none`
        : `${r.group} ${formatValue(r.value!, "%")}${r.ratio !== null ? ` (${formatRatio(r.ratio)} times their share of the whole workforce${r.significant ? ", a clear difference" : ""})` : ""}`,
    );
    lines.push(`- ${level}s, ${at[0]!.period} (${at[0]!.denominator} staff of known ethnicity): ${text.join("; ")}.`);
  }
  return lines.length ? lines : ["- No workforce figures by ethnic group are loaded for this borough."];
}

/** What cannot be said: hidden figures and small numbers among those the page shows. */
function tooSmallLines(rows: readonly MeasureRow[], headlines: readonly Headline[], area: string): string[] {
  const lines: string[] = [];
  const measures = new Set(
    rows
      .filter((r) => r.areaCode === area && r.group !== "All" && r.outcome !== null && !/-vs-others$|-unknown-ethnicity$|-ladder$/.test(r.measure))
      .map((r) => r.measure),
  );
  for (const measure of measures) {
    const shown = latest(rows, measure, area).filter((r) => r.group !== "All");
    const hidden = shown.filter((r) => r.suppressed).map((r) => r.group);
    const small = shown.filter((r) => !r.suppressed && r.numerator !== null && r.numerator > 0 && r.numerator < 20).map((r) => `${r.group} (${r.numerator})`);
    const where = `${shown[0]?.title}, ${shown[0]?.period}`;
    if (hidden.length) lines.push(`- ${where}: ${hidden.join(", ")} not shown (a count from 1 to 9, or one that would reveal it).`);
    if (small.length) lines.push(`- ${where}: ${small.join(", ")} rest on fewer than 20 children; read them as pointers, not findings.`);
  }
  const senior = latest(rows, "workforce-share", area).filter((r) => r.level !== null && SENIOR_LEVELS.includes(r.level) && r.group === "White");
  const few = senior.filter((r) => r.denominator !== null && r.denominator < 10).map((r) => `${r.level}s (${r.denominator})`);
  if (few.length) lines.push(`- Workforce: too few staff of known ethnicity to compare groups at ${few.join(", ")}.`);
  for (const h of headlines.filter((x) => x.areaCode === area && x.caveats.some((c) => c.startsWith("small numbers"))))
    lines.push(`- The headline on ${h.group} ${h.measure} rests on fewer than 20 children.`);
  return lines.length ? lines : ["- Nothing hidden or small among the figures shown here."];
}

/**
 * One page per borough in plain words, for a DCS: the latest totals with London and England beside
 * them, the latest figures by ethnic group (with which base and year), where disparity enters the
 * levels of intervention, the workforce at senior levels, and what is too small to say.
 */
export function boroughPages(result: AnalysisResult): string[] {
  const out: string[] = [];
  const combined = result.measures.some((m) => m.areaCode === HACKNEY_AND_CITY);
  const comparators = new ComparatorIndex(result.measures);
  for (const borough of BOROUGHS) {
    // With --combine-city-with-hackney, Hackney's page is the combined area's (Hackney alone is hidden there).
    const b = combined && borough.code === HACKNEY ? { code: HACKNEY_AND_CITY, name: HACKNEY_AND_CITY_NAME } : borough;
    out.push(`== ${b.name} ==`);
    if (b.code === CITY_OF_LONDON) {
      out.push(
        "City of London has too few children for figures about them to be published on their own; they are not shown (use --combine-city-with-hackney for Hackney and City of London together).",
      );
    }
    const totals = TOTALS.map(([m, what]) => totalLine(result.measures, comparators, b.code, m, what)).filter((l): l is string => Boolean(l));
    if (b.code !== CITY_OF_LONDON) out.push("Latest totals:", ...(totals.length ? totals : ["- None loaded."]));
    if (b.code !== CITY_OF_LONDON)
      out.push("By ethnic group (the latest year with borough figures by ethnic group):", ...byGroupLines(result.measures, b.code));
    if (b.code !== CITY_OF_LONDON) out.push("Where disparity enters (levels of intervention):", ...ladderLines(result.measures, b.code));
    out.push("Social work workforce at senior levels:", ...workforceLines(result.measures, borough.code));
    if (b.code !== CITY_OF_LONDON) out.push("Too small to say:", ...tooSmallLines(result.measures, result.headlines, b.code));
    const mine = result.headlines.filter((h) => h.areaCode === b.code);
    if (mine.length) out.push("Headlines:", ...mine.flatMap((h) => [`- ${h.text}`, ...(h.comparison ? [`  Compared: ${h.comparison.text}.`] : [])]));
    out.push("");
  }
  return out;
}

/** Which base, which year, which interval: the notes every figure above rests on. */
export function methodNotes(result: AnalysisResult): string[] {
  const bases = new Map<string, { periods: Set<string>; titles: Set<string> }>();
  const breaks = new Map<string, { series: Set<string>; notes: Set<string> }>();
  for (const m of result.measures) {
    if (!m.base || m.value === null || m.measure.endsWith("-vs-others")) continue;
    const k = `${m.base.description}${m.base.proxy ? " (standing in for resident children)" : ""}`;
    const entry = bases.get(k) ?? bases.set(k, { periods: new Set(), titles: new Set() }).get(k)!;
    entry.periods.add(m.period);
    entry.titles.add(m.title);
    const b =
      breaks.get(`${m.base.dataset}|${m.base.stage}`) ??
      breaks.set(`${m.base.dataset}|${m.base.stage}`, { series: new Set(), notes: new Set() }).get(`${m.base.dataset}|${m.base.stage}`)!;
    b.series.add(m.base.series);
    if (m.base.seriesNote) b.notes.add(m.base.seriesNote);
  }
  const lines = ["METHOD NOTES"];
  for (const [base, { periods, titles }] of bases) {
    const sorted = [...periods].sort();
    const span = sorted.length > 1 ? `${sorted[0]} to ${sorted[sorted.length - 1]}` : sorted[0];
    const used = [...titles].slice(0, 3).join("; ");
    lines.push(`  Base: ${base}; ${span}; for ${used}${titles.size > 3 ? "; and more" : ""}.`);
  }
  // A break is worth a note only where years on both sides of it are held.
  for (const b of breaks.values()) if (b.series.size > 1) for (const note of b.notes) lines.push(`  Series break: ${note}.`);
  lines.push(
    "  Pupils on school rolls (school census) stand in for resident children by ethnic group: Census 2021 counts children by ethnic group, but those figures for ages 0-17 are not among the files loaded. Pupils are about ages 4-16 in schools in the borough.",
    "  Intervals: rates by Byar's method (exact Poisson below 10 events); percentages by Wilson's score interval; ratios by the Katz log interval; all 95%.",
    "  Tests: headlines are significant after Holm's correction across every comparison and material (ratio at least 1.25 or at most 0.8); exact tests (Fisher's, or the exact conditional test with mid-p) below 10 events; nothing is called significant on fewer than 5.",
    "  Change over time is stated only between years on the same base (same source and coverage); a change of base is named as a break.",
    "  Where the source publishes a rate or share, that figure is shown; DfE national and regional counts are rounded to the nearest 5 or 10 and quoted as 'about'.",
  );
  return lines;
}
