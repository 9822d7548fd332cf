import type { MeasureChoice, MeasureFigures, MeasuresOverview } from "../server/measures-api";
import type { StoredMeasure } from "../headlines/measure-store";
import { getJson } from "./api-client";
import { chartFamilies, type ChartFamily } from "../headlines/chart-families";
import type { ChartAnswer } from "../server/chart-api";
import { trendSentence } from "../analysis/comparison";
import { figureTable, formatValue } from "./figure-table";
import { EAST_LONDON } from "../analysis/geography";
import { clear, el, labelledSelect } from "./dom";
import type { Host } from "./teams-host";

const KIND_NAMES: Record<MeasureChoice["kind"], string> = {
  rate: "Rates by ethnic group",
  share: "Shares by ethnic group",
  ladder: "Levels of intervention",
  workforce: "Workforce",
};

/** Whether these are the headlines the digest carries (a second coordinator approved their run). */
function headlineStatus(overview: MeasuresOverview): HTMLElement {
  if (overview.headlines.length === 0) return el("p", { class: "headlines-status", hidden: "" }, "");
  return overview.headlinesApproved
    ? el("p", { class: "headlines-status" }, "A second coordinator approved these headlines: the digest carries them.")
    : el("p", { class: "headlines-status" }, "These headlines await a second coordinator's approval: the digest does not carry them yet.");
}

function headlineList(host: Host, overview: MeasuresOverview): HTMLElement {
  if (overview.headlines.length === 0) return el("p", {}, "No headlines yet: data has not been loaded.");
  const list = el(
    "ol",
    { class: "headlines" },
    ...overview.headlines.map((h) =>
      el(
        "li",
        {},
        el("p", {}, h.text),
        h.comparison ? el("p", { class: "comparison" }, h.comparison.text) : null,
        h.comparison ? el("p", { class: "meta" }, trendSentence(h.comparison)) : null,
        h.caveats.length ? el("p", { class: "meta" }, `Caveats: ${h.caveats.join("; ")}.`) : null,
        el("p", { class: "source" }, `Source: ${h.source}. Period: ${h.period}. Area: ${h.areaName}.`),
        h.practice.length
          ? el(
              "div",
              { class: "practice" },
              el("p", {}, "Practice boroughs have shared on this:"),
              el("ul", {}, ...h.practice.map((p) => el("li", {}, `${p.title} (${p.boroughName})`))),
            )
          : null,
        h.gap ? el("p", { class: "gap" }, h.gap) : null,
        h.synthetic ? el("p", { class: "flag" }, "Synthetic demonstration data") : null,
      ),
    ),
  );
  return el("div", {}, el("figure", { class: "figure headline-plot" }, chartImage(host, "")), list);
}

const STEP_LABELS: Record<string, string> = {
  referral: "Referral",
  assessment: "Assessment",
  s47: "Section 47",
  icpc: "Conference",
  "cpp-start": "Plan",
  "cla-31march": "Looked after",
};

/** Where disparity enters, per borough: each group's step ratios to White British, given the step before. */
function entryStrips(overview: MeasuresOverview): HTMLElement {
  if (overview.ladders.length === 0) return el("p", {}, "No statutory returns loaded yet (npm run analyse -- --store <returns folder>).");
  return el(
    "div",
    { class: "strips" },
    ...overview.ladders.map((strip) => {
      const steps = strip.rows[0]?.steps.map((s) => s.step) ?? [];
      const caption = `${strip.areaName}, ${strip.period}: step ratio to White British children at each step, given the step before`;
      return el(
        "details",
        { class: "strip" },
        el("summary", {}, `${strip.areaName}, ${strip.period}${strip.synthetic ? " (synthetic demonstration data)" : ""}`),
        el(
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
                ...steps.map((s) => el("th", { scope: "col" }, STEP_LABELS[s] ?? s)),
                el("th", { scope: "col" }, "Enters at"),
              ),
            ),
            el(
              "tbody",
              {},
              ...strip.rows
                .filter((r) => r.groupLevel === "major")
                .map((r) =>
                  el(
                    "tr",
                    {},
                    el("th", { scope: "row" }, r.group),
                    ...r.steps.map((s) =>
                      el(
                        "td",
                        {},
                        s.suppressed
                          ? "suppressed"
                          : s.ratio === null
                            ? "–"
                            : `${s.ratio.toFixed(2)}${s.low !== null && s.high !== null ? ` (${s.low.toFixed(2)} to ${s.high.toFixed(2)})` : ""}`,
                      ),
                    ),
                    el("td", {}, r.entersAt ? (STEP_LABELS[r.entersAt] ?? r.entersAt) : "no difference beyond chance"),
                  ),
                ),
            ),
          ),
        ),
        el("ul", {}, ...strip.rows.filter((r) => r.groupLevel === "major").map((r) => el("li", {}, r.sentence))),
        el("p", { class: "source" }, `Base: ${strip.baseSource}. Source: the borough's CIN census and SSDA903 returns.`),
      );
    }),
  );
}

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function ratioText(row: StoredMeasure): string {
  if (row.ratio === null) return row.referenceGroup === row.group ? "reference group" : "";
  const interval = row.ratioLow !== null && row.ratioHigh !== null ? ` (${row.ratioLow.toFixed(2)} to ${row.ratioHigh.toFixed(2)})` : "";
  return `${row.ratio.toFixed(2)}${interval} vs ${row.referenceGroup ?? "reference"}`;
}

/** The comparator areas, in the order they follow the boroughs (areas lists and the comparators line). */
const COMPARATOR_ORDER = new Map([EAST_LONDON, "E13000001", "E13000002", "E12000007", "E92000001"].map((code, i) => [code, i + 1]));
const BESIDE = [EAST_LONDON, "E12000007", "E92000001"];

function shownFigure(r: StoredMeasure, ratio: boolean): string {
  return ratio ? r.ratio!.toFixed(2) : formatValue(r.value, r.unit);
}

/**
 * Each group's figure beside East London, London and England for the same period, level, base and
 * reference group (the comparators the headlines carry): the ratio where the group has one, else the rate.
 */
function besideList(all: readonly StoredMeasure[], family: readonly StoredMeasure[]): HTMLElement | null {
  const lines: string[] = [];
  for (const r of family) {
    const ratio = r.ratio !== null;
    if (r.suppressed || (!ratio && r.value === null)) continue;
    const others = BESIDE.filter((code) => code !== r.areaCode)
      .map((code) =>
        all.find(
          (x) =>
            x.areaCode === code &&
            x.period === r.period &&
            x.group === r.group &&
            x.level === r.level &&
            x.referenceGroup === r.referenceGroup &&
            (x.base?.series ?? null) === (r.base?.series ?? null),
        ),
      )
      .filter((x): x is StoredMeasure => Boolean(x && !x.suppressed && (ratio ? x.ratio !== null : x.value !== null)))
      .map((x) => `${x.areaName} ${shownFigure(x, ratio)}`);
    if (others.length) lines.push([`${r.group} ${shownFigure(r, ratio)}`, ...others].join(" · "));
  }
  if (lines.length === 0) return null;
  return el(
    "details",
    { class: "beside" },
    el("summary", {}, "Beside East London, London and England"),
    el("ul", {}, ...lines.map((l) => el("li", {}, l))),
    el(
      "p",
      { class: "meta" },
      "Ratios to the same reference group (the rate where a group has none), for the same year and base. East London is the boroughs' counts summed, never an average of their rates.",
    ),
  );
}

/**
 * A chart drawn by the service: the same forest plot (Vega-Lite, rasterised on the server) the digest
 * card shows, as an image with its words as the text alternative.
 */
function chartImage(host: Host, query: string): HTMLElement {
  const holder = el("div", { class: "chart" }, el("p", { class: "meta" }, "Drawing the chart…"));
  getJson<ChartAnswer>(host, `/api/charts${query}`).then(
    (chart) => {
      clear(holder);
      holder.append(el("img", { src: `data:image/png;base64,${chart.png}`, alt: chart.alt, class: "chart-image" }));
    },
    (error: unknown) => {
      clear(holder);
      holder.append(el("p", { class: "meta" }, error instanceof Error ? `No chart: ${error.message}` : "The chart could not be drawn."));
    },
  );
  return holder;
}

/** One figure: chart, numbers table, and the source, period and base beneath. */
function figure(host: Host, measure: MeasureChoice, family: ChartFamily, level: string | null, index: number, all: readonly StoredMeasure[]): HTMLElement {
  const rows = family.rows;
  const first = rows[0]!;
  const title = `${measure.title}${level ? `: ${level}` : ""}, ${first.areaName}, ${first.period}${family.synthetic ? " (synthetic)" : ""}`;
  const unit = first.unit || measure.unit;
  const bars = rows.map((r) => ({
    label: r.group,
    value: r.value,
    low: r.ciLow,
    high: r.ciHigh,
    suppressed: r.suppressed,
    noBase: r.noBase,
    ratio: ratioText(r),
  }));
  const sources = distinct(rows.map((r) => r.source)).join("; ");
  const notes = distinct(rows.map((r) => r.note).filter((n): n is string => Boolean(n)));
  return el(
    "figure",
    { class: "figure" },
    el("figcaption", {}, title),
    chartImage(
      host,
      `?${new URLSearchParams({ measure: measure.id, area: first.areaCode, period: first.period, level: level ?? "", family: String(index) }).toString()}`,
    ),
    el("p", { class: "source" }, `Source: ${sources}. Period: ${first.period}.${family.base ? ` Base: ${family.base}.` : ""} Method: ${first.method}.`),
    family.allLeftOut ? el("p", { class: "meta" }, family.allLeftOut) : null,
    rows.some((r) => r.synthetic) ? el("p", { class: "flag" }, "Synthetic demonstration data") : null,
    notes.length ? el("p", { class: "meta" }, `Notes: ${notes.join("; ")}`) : null,
    el("details", {}, el("summary", {}, "Show the numbers"), figureTable(title, unit, bars)),
    besideList(all, rows),
  );
}

function renderFigures(host: Host, target: HTMLElement, measure: MeasureChoice, rows: StoredMeasure[], area: string, period: string): void {
  clear(target);
  const chosen = rows.filter((r) => r.areaCode === area && r.period === period);
  if (chosen.length === 0) {
    target.append(el("p", {}, "No figures for this area and period."));
    return;
  }
  const levels = distinct(chosen.map((r) => r.level));
  for (const level of levels)
    chartFamilies(chosen.filter((r) => r.level === level)).forEach((family, i) => target.append(figure(host, measure, family, level, i, rows)));
}

/** Data: headlines, and each measure charted by ethnic group and level of intervention. */
export async function renderData(root: HTMLElement, host: Host): Promise<void> {
  const overview = await getJson<MeasuresOverview>(host, "/api/measures");
  const groups = (Object.keys(KIND_NAMES) as MeasureChoice["kind"][]).map((kind) => {
    const group = el("optgroup", { label: KIND_NAMES[kind] });
    for (const m of overview.measures.filter((x) => x.kind === kind)) group.appendChild(el("option", { value: m.id }, m.title));
    return group;
  });
  const measure = labelledSelect("Measure", [["", "Choose a measure"]]);
  measure.select.append(...groups);
  const area = labelledSelect("Area", []);
  const period = labelledSelect("Period", []);
  area.wrapper.hidden = true;
  period.wrapper.hidden = true;
  const status = el("p", { role: "status", "aria-live": "polite", class: "count" });
  const figures = el("div", { class: "figures" });
  let loaded: MeasureFigures | undefined;

  const fill = (select: HTMLSelectElement, options: [string, string][], keep: string) => {
    clear(select);
    for (const [value, text] of options) select.appendChild(el("option", { value }, text));
    select.value = options.some(([v]) => v === keep) ? keep : (options[0]?.[0] ?? "");
  };
  const draw = () => loaded && renderFigures(host, figures, loaded.measure, loaded.rows, area.select.value, period.select.value);
  const periodsFor = () => {
    if (!loaded) return;
    const periods = distinct(loaded.rows.filter((r) => r.areaCode === area.select.value).map((r) => r.period))
      .sort()
      .reverse();
    fill(
      period.select,
      periods.map((p): [string, string] => [p, p]),
      period.select.value,
    );
    draw();
  };

  measure.select.addEventListener("change", async () => {
    clear(figures);
    loaded = undefined;
    if (!measure.select.value) return;
    status.textContent = "Loading figures…";
    try {
      loaded = await getJson<MeasureFigures>(host, `/api/measures?measure=${encodeURIComponent(measure.select.value)}`);
    } catch (error) {
      status.textContent = "";
      figures.append(el("p", { role: "alert", class: "error" }, error instanceof Error ? error.message : "The figures could not be loaded."));
      return;
    }
    const areas = distinct(loaded.rows.map((r) => `${r.areaCode}\u0000${r.areaName}`))
      .map((a) => a.split("\u0000") as [string, string])
      // The boroughs first, then East London, London and England to compare them with.
      .sort((a, b) => (COMPARATOR_ORDER.get(a[0]) ?? 0) - (COMPARATOR_ORDER.get(b[0]) ?? 0) || a[1].localeCompare(b[1]));
    fill(area.select, areas, area.select.value);
    area.wrapper.hidden = areas.length === 0;
    period.wrapper.hidden = areas.length === 0;
    status.textContent = areas.length
      ? `${loaded.rows.length} figures loaded for ${loaded.measure.title}.`
      : "No figures have been loaded for this measure yet.";
    periodsFor();
  });
  area.select.addEventListener("change", periodsFor);
  period.select.addEventListener("change", draw);

  clear(root);
  root.append(
    el("h2", {}, "Data"),
    el("h3", {}, "Headlines"),
    headlineStatus(overview),
    headlineList(host, overview),
    el("h3", {}, "Where disparity enters (the boroughs' statutory returns)"),
    entryStrips(overview),
    el("h3", {}, "Measures"),
    el("p", {}, "Rates by ethnic group with 95% intervals. Counts from 1 to 9, and cells that would reveal them, are suppressed."),
    el("form", { class: "filters", "aria-label": "Choose figures" }, measure.wrapper, area.wrapper, period.wrapper),
    status,
    figures,
  );
}
