import { CHART_FONT_FAMILY, textWidth } from "./chart-font";

/** One row of a forest plot: a group's ratio with its 95% interval, or a cell that cannot be shown. */
export interface ForestRow {
  label: string;
  ratio: number | null;
  low: number | null;
  high: number | null;
  /** A small count the source or our disclosure control hid: named, never drawn as zero. */
  suppressed: boolean;
  /** What stands in the row when it has no interval and is not suppressed, e.g. "reference group". */
  note?: string;
}

export interface ForestPlot {
  title: string;
  rows: ForestRow[];
  source: string;
  period: string;
}

/** Colours the picture is drawn in; the image tests find intervals and the reference line by them. */
export const FOREST_COLOURS = { interval: "#1f5fbf", point: "#111111", reference: "#c0392b", text: "#222222", note: "#555555" } as const;

const WIDTH = 760;
const ROW_HEIGHT = 30;
const FONT_SIZE = 12;
const VALUE_COLUMN = 130;
const MAX_LABEL = 300;
const TICKS = [0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10, 20, 50];

export function drawn(row: ForestRow): row is ForestRow & { ratio: number; low: number; high: number } {
  return !row.suppressed && row.ratio !== null && row.low !== null && row.high !== null && row.low > 0 && row.high >= row.low;
}

function ratioText(x: number): string {
  return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(2);
}

/** "2.10 (1.52 to 2.90)", or what stands in for a figure that is not shown. */
export function rowFigure(row: ForestRow): string {
  if (row.suppressed) return "suppressed (small numbers)";
  if (!drawn(row)) return row.note ?? "not available";
  return `${ratioText(row.ratio)} (${ratioText(row.low)} to ${ratioText(row.high)})`;
}

/** Breaks text into lines no wider than `width` pixels at the chart's font size. */
export function wrap(text: string, width: number, fontSize = FONT_SIZE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** The log-scale domain: every interval and 1 inside it, with a little room either side. */
export function domainOf(rows: readonly ForestRow[]): [number, number] {
  const shown = rows.filter(drawn);
  const low = Math.min(1, ...shown.map((r) => r.low));
  const high = Math.max(1, ...shown.map((r) => r.high));
  return [low / 1.25, high * 1.25];
}

function ticksIn([low, high]: [number, number]): number[] {
  const inside = TICKS.filter((t) => t >= low && t <= high);
  return inside.length <= 7 ? inside : inside.filter((t) => t === 1 || [0.1, 0.2, 0.5, 2, 5, 10, 20, 50].includes(t));
}

/**
 * A forest plot as a Vega-Lite spec: each group's ratio (a square) with its 95% interval (a line) on
 * a log scale, so that 0.5 and 2 sit the same distance from the reference line at 1; the figures in a
 * column at the right; a suppressed cell keeps its row and says so. Labels are measured in the font
 * the picture is drawn with and wrapped, never cut; the source and period sit under the axis.
 */
export function forestPlotSpec(plot: ForestPlot): Record<string, unknown> {
  const labelLines = plot.rows.map((r) => wrap(r.label, MAX_LABEL));
  const labelWidth = Math.ceil(Math.max(40, ...labelLines.flat().map((l) => textWidth(l, FONT_SIZE))));
  const plotWidth = Math.max(160, WIDTH - labelWidth - VALUE_COLUMN - 24);
  const lines = Math.max(1, ...labelLines.map((l) => l.length));
  const height = plot.rows.length * Math.max(ROW_HEIGHT, lines * (FONT_SIZE + 3) + 8);
  const domain = domainOf(plot.rows);
  const values = plot.rows.map((r, i) => ({
    key: String(i),
    label: labelLines[i]!.join("\n"),
    ratio: drawn(r) ? r.ratio : null,
    low: drawn(r) ? r.low : null,
    high: drawn(r) ? r.high : null,
    figure: rowFigure(r),
    missing: drawn(r) ? "" : rowFigure(r),
  }));
  const y = {
    field: "key",
    type: "nominal",
    sort: values.map((v) => v.key),
    title: null,
    axis: {
      labelExpr: "split(datum.value == null ? '' : labels[datum.value], '\\n')",
      labelLimit: labelWidth + 8,
      labelFontSize: FONT_SIZE,
      labelColor: FOREST_COLOURS.text,
      ticks: false,
      domain: false,
      labelPadding: 8,
    },
  };
  const x = {
    type: "quantitative",
    scale: { type: "log", domain, nice: false, clamp: true },
  };
  const footer = wrap(`Source: ${plot.source}. Period: ${plot.period}.`, WIDTH - 40, FONT_SIZE - 1);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: plotWidth,
    height,
    background: "white",
    padding: { left: 10, right: 10, top: 8, bottom: 8 },
    config: {
      font: CHART_FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFont: CHART_FONT_FAMILY, titleFont: CHART_FONT_FAMILY },
    },
    params: [{ name: "labels", value: Object.fromEntries(values.map((v) => [v.key, v.label])) }],
    title: { text: wrap(plot.title, WIDTH - 40, 14), anchor: "start", fontSize: 14, fontWeight: "bold", color: FOREST_COLOURS.text, offset: 10 },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: "rule", color: FOREST_COLOURS.reference, strokeWidth: 2 },
        encoding: {
          x: {
            datum: 1,
            ...x,
            axis: {
              values: ticksIn(domain),
              labelExpr: "format(datum.value, '~g')",
              grid: true,
              gridColor: "#e6e6e6",
              labelFontSize: FONT_SIZE - 1,
              labelColor: FOREST_COLOURS.text,
              title: ["Rate ratio, log scale: 1 means the same rate as the reference group", ...footer],
              titleFontSize: FONT_SIZE - 1,
              titleFontWeight: "normal",
              titleColor: FOREST_COLOURS.note,
              titlePadding: 8,
            },
          },
          y: null,
        },
      },
      {
        transform: [{ filter: "datum.ratio != null" }],
        mark: { type: "point", shape: "square", filled: true, size: 60, color: FOREST_COLOURS.point, opacity: 1 },
        encoding: { x: { field: "ratio", ...x } },
      },
      // The interval over its point, with caps at both ends, so a narrow one still shows.
      {
        transform: [{ filter: "datum.ratio != null" }],
        mark: { type: "rule", color: FOREST_COLOURS.interval, strokeWidth: 3 },
        encoding: { x: { field: "low", ...x }, x2: { field: "high" } },
      },
      ...["low", "high"].map((end) => ({
        transform: [{ filter: "datum.ratio != null" }],
        mark: { type: "tick", color: FOREST_COLOURS.interval, thickness: 2, size: 12, opacity: 1 },
        encoding: { x: { field: end, ...x } },
      })),
      {
        transform: [{ filter: "datum.ratio == null" }],
        mark: { type: "text", align: "left", dx: 8, fontSize: FONT_SIZE, fontStyle: "italic", color: FOREST_COLOURS.note },
        encoding: { x: { datum: 1, ...x }, text: { field: "missing" } },
      },
      {
        transform: [{ filter: "datum.ratio != null" }],
        mark: { type: "text", align: "left", fontSize: FONT_SIZE, color: FOREST_COLOURS.text },
        encoding: { x: { value: plotWidth + 12 }, text: { field: "figure" } },
      },
    ],
  };
}

/** The picture in words, for screen readers and clients that show no images. */
export function forestPlotAlt(plot: ForestPlot): string {
  const parts = plot.rows.map((r) => `${r.label}: ${drawn(r) ? `ratio ${rowFigure(r).replace(" (", ", 95% interval ").replace(")", "")}` : rowFigure(r)}`);
  return `${plot.title}. Forest plot on a log scale with a reference line at 1. ${parts.join("; ")}. Source: ${plot.source}. Period: ${plot.period}.`;
}
