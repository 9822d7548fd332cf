import { el } from "./dom";

/** One row of a figure: an ethnic group's figure with its interval, or a suppressed cell. */
export interface FigureRow {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
  /** A count with nothing to divide it by: not a suppression. */
  noBase?: boolean;
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "not available";
  const n = value.toLocaleString("en-GB", { maximumFractionDigits: value < 10 ? 2 : 1 });
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** The figures as a table: rates with their intervals and each group's ratio, beside the chart. */
export function figureTable(caption: string, unit: string, bars: (FigureRow & { ratio: string })[]): HTMLElement {
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
