import { el, svg, uniqueId } from "./dom";

/** One bar: an ethnic group's figure with its interval, or a suppressed cell. */
export interface Bar {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  /** A count with nothing to divide it by: not a suppression. */
  noBase?: boolean;
}

const WIDTH = 640;
const LABEL_W = 200;
const VALUE_W = 110;
const ROW_H = 30;
const TOP = 8;

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "not available";
  const n = value.toLocaleString("en-GB", { maximumFractionDigits: value < 10 ? 2 : 1 });
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

function describe(bars: Bar[], unit: string): string {
  const shown = bars.filter((b) => !b.suppressed && b.value !== null).sort((a, b) => b.value! - a.value!);
  const hidden = bars.filter((b) => b.suppressed).length;
  const parts = shown.map((b) => `${b.label} ${formatValue(b.value, unit)}`);
  const top = parts.length ? `From highest to lowest: ${parts.join("; ")}.` : "No figures can be shown.";
  return hidden ? `${top} ${hidden} ${hidden === 1 ? "group is" : "groups are"} suppressed because the numbers are small.` : top;
}

/**
 * A horizontal bar chart as SVG, one bar per group with its confidence interval as a line; a
 * suppressed cell shows the word "suppressed" instead of a bar. The chart has a title and a
 * description for screen readers; the figure beside it also has the numbers as a table.
 */
export function barChart(title: string, unit: string, bars: Bar[]): SVGSVGElement {
  const height = TOP * 2 + bars.length * ROW_H;
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const max = Math.max(1e-9, ...bars.map((b) => Math.max(b.high ?? 0, b.value ?? 0)));
  const titleId = uniqueId("chart-title");
  const descId = uniqueId("chart-desc");
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    class: "chart",
    preserveAspectRatio: "xMinYMin meet",
  });
  chart.append(svg("title", { id: titleId }, title), svg("desc", { id: descId }, describe(bars, unit)));
  bars.forEach((bar, i) => {
    const y = TOP + i * ROW_H;
    const row = svg("g", { class: bar.suppressed ? "bar suppressed" : "bar", "data-group": bar.label });
    row.append(svg("text", { x: LABEL_W - 8, y: y + ROW_H / 2, "text-anchor": "end", "dominant-baseline": "middle", class: "label" }, bar.label));
    if (bar.suppressed || bar.value === null) {
      row.append(
        svg(
          "text",
          { x: LABEL_W + 4, y: y + ROW_H / 2, "dominant-baseline": "middle", class: "note" },
          bar.suppressed ? "suppressed (small numbers)" : bar.noBase ? "no base for this year" : "not available",
        ),
      );
    } else {
      const w = (bar.value / max) * plotW;
      row.append(svg("rect", { x: LABEL_W, y: y + 6, width: Math.max(1, w), height: ROW_H - 12, class: "fill" }));
      if (bar.low !== null && bar.high !== null) {
        const x1 = LABEL_W + (bar.low / max) * plotW;
        const x2 = LABEL_W + (bar.high / max) * plotW;
        const cy = y + ROW_H / 2;
        row.append(
          svg("line", { x1, x2, y1: cy, y2: cy, class: "ci" }),
          svg("line", { x1, x2: x1, y1: cy - 5, y2: cy + 5, class: "ci" }),
          svg("line", { x1: x2, x2, y1: cy - 5, y2: cy + 5, class: "ci" }),
        );
      }
      row.append(svg("text", { x: WIDTH - VALUE_W + 8, y: y + ROW_H / 2, "dominant-baseline": "middle", class: "value" }, formatValue(bar.value, unit)));
    }
    chart.append(row);
  });
  return chart;
}

/** The same numbers as a table: the chart's text alternative for anyone who prefers it. */
export function figureTable(caption: string, unit: string, bars: (Bar & { ratio: string })[]): HTMLElement {
  const body = el("tbody");
  for (const b of bars) {
    body.appendChild(
      el(
        "tr",
        { class: b.suppressed ? "suppressed" : "" },
        el("th", { scope: "row" }, b.label),
        el("td", {}, b.suppressed ? "suppressed" : b.noBase ? "no base for this year" : formatValue(b.value, unit)),
        el("td", {}, b.suppressed || b.low === null || b.high === null ? "" : `${formatValue(b.low, unit)} to ${formatValue(b.high, unit)}`),
        el("td", {}, b.suppressed ? "" : b.ratio),
      ),
    );
  }
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      {},
      el("caption", {}, caption),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "Group"),
          el("th", { scope: "col" }, "Figure"),
          el("th", { scope: "col" }, "95% interval"),
          el("th", { scope: "col" }, "Ratio to reference"),
        ),
      ),
      body,
    ),
  );
}
