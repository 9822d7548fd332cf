import { isAreaCode } from "../analysis/geography";
import type { ServerDeps } from "./server-deps";
import { forestPlotImage } from "../charts/chart-images";
import { forestPlotAlt, type ForestPlot } from "../charts/forest-plot";
import { DIGEST_HEADLINES, toDigestHeadlines } from "../digest/compose-digest";
import { headlinePlot } from "../digest/headline-plot";
import { HubError } from "../domain/errors";
import type { StoredMeasure } from "../headlines/measure-store";
import { guardStorage } from "../storage/guard-storage";
import { measureChoices } from "./measures-api";
import { chartFamilies } from "../headlines/chart-families";

/** A chart for the tab: the same PNG the cards show, its words, and its title. */
export interface ChartAnswer {
  title: string;
  alt: string;
  /** The PNG, base64: the tab shows it as a data: image (its page policy allows no other origin). */
  png: string;
}

async function answerFor(plot: ForestPlot): Promise<ChartAnswer> {
  return { title: plot.title, alt: forestPlotAlt(plot), png: (await forestPlotImage(plot, "png")).toString("base64") };
}

/** Each group's ratio to the reference group, from stored (suppressed) figures of one area, period and level. */
export function measurePlot(title: string, rows: readonly StoredMeasure[]): ForestPlot {
  const first = rows[0]!;
  return {
    title,
    source: [...new Set(rows.map((r) => r.source))].join("; "),
    period: first.period,
    rows: rows.map((r) => ({
      label: r.group === r.referenceGroup ? `${r.group} (reference)` : r.group,
      ratio: r.ratio,
      low: r.ratioLow,
      high: r.ratioHigh,
      suppressed: r.suppressed,
      note: r.group === r.referenceGroup ? "reference group" : undefined,
    })),
  };
}

/** GET /api/charts?measure=&area=&period=&level= : one figure's forest plot; without a measure, the headlines'. */
export async function chartForTab(app: ServerDeps, query: Record<string, unknown>): Promise<ChartAnswer> {
  if (query.measure === undefined) {
    // The headlines the Data page lists: the latest stored, approved or not (analysts check them before they go out).
    const headlines = toDigestHeadlines(await guardStorage(() => app.measures.latestHeadlines(DIGEST_HEADLINES)));
    if (headlines.length === 0) throw new HubError("not-found", "No headlines have been stored yet.");
    return answerFor(headlinePlot(headlines));
  }
  const measure = measureChoices().find((m) => m.id === query.measure);
  if (!measure) throw new HubError("invalid-input", "Choose one of the listed measures.");
  if (typeof query.area !== "string" || !isAreaCode(query.area))
    throw new HubError("invalid-input", "The area should be a GSS code such as E09000012 (or east-london).");
  if (typeof query.period !== "string" || query.period.length > 20) throw new HubError("invalid-input", "Give the period as listed, e.g. 2024.");
  const level = typeof query.level === "string" && query.level !== "" ? query.level : null;
  const area = query.area;
  const period = query.period;
  const all = (await guardStorage(() => app.measures.listMeasures({ measure: measure.id, areaCode: area }))).filter(
    (r) => r.period === period && r.level === level,
  );
  // The same families the Data page draws: synthetic never beside real rows, one base per chart.
  const rows = chartFamilies(all)[Number(query.family ?? 0)]?.rows ?? [];
  if (rows.length === 0) throw new HubError("not-found", "No figures for this area, period and level.");
  const title = `${measure.title}${level ? `: ${level}` : ""}, ${rows[0]!.areaName}, ${period}`;
  return answerFor(measurePlot(`${title}: ratio to ${rows[0]!.referenceGroup ?? "the reference group"}`, rows));
}
