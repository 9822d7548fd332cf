import { CATALOGUE } from "../analysis/catalogue";
import type { ForestPlot } from "../charts/forest-plot";
import { forestPlotAlt } from "../charts/forest-plot";
import type { DigestDeps } from "./digest-deps";
import type { DigestChart, DigestHeadline } from "./digest-data";

/** What a measure id is about, in a few words ("Children looked after on 31 March"). */
export function measureTitle(measure: string): string {
  return (
    CATALOGUE.measures.find((m) => m.id === measure)?.title ?? CATALOGUE.ladders.find((l) => l.id === measure)?.title ?? RETURNS_TITLES[measure] ?? measure
  );
}

/** Measures made from the boroughs' statutory returns, which the catalogue does not list. */
const RETURNS_TITLES: Record<string, string> = { "returns-steps": "Children's social care (the borough's returns)" };

/** A headline's measure in words, with a ladder's step: "Children's social care (the borough's returns): referral (of base population)". */
export function headlineTitle(h: Pick<DigestHeadline, "measure" | "level">): string {
  if (!h.measure) return "headline";
  return h.level ? `${measureTitle(h.measure)}: ${h.level.replace(/^\d+\s+/, "")}` : measureTitle(h.measure);
}

/** The week's headlines as one forest plot: the picture the digest, the headlines card and the tab draw. */
export function headlinePlot(headlines: readonly DigestHeadline[]): ForestPlot {
  const sources = [...new Set(headlines.map((h) => h.source))].join("; ");
  const periods = [...new Set(headlines.map((h) => h.period))].join(", ");
  return {
    title: `Data headlines: times as likely as the reference group${headlines.some((h) => h.synthetic) ? " (SYNTHETIC demonstration data)" : ""}`,
    source: sources,
    period: periods,
    rows: headlines.map((h) => ({
      label: `${h.label}: ${headlineTitle(h)}`,
      ratio: h.ratio,
      low: h.ratioLow,
      high: h.ratioHigh,
      suppressed: false,
    })),
  };
}

/**
 * Keeps the plot at an unguessable address for the card's image. Without storage the card still has
 * the headlines and their numbers, so a failure is logged and the picture left out.
 */
export async function headlineChart(ctx: DigestDeps, headlines: readonly DigestHeadline[]): Promise<DigestChart | undefined> {
  if (headlines.length === 0) return undefined;
  const plot = headlinePlot(headlines);
  try {
    const id = await ctx.charts.save(plot);
    return { url: `${ctx.publicUrl}/charts/${id}.png`, alt: forestPlotAlt(plot) };
  } catch (error) {
    ctx.logger.warn({ err: error }, "the headlines' chart could not be kept");
    return undefined;
  }
}
