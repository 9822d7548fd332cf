/**
 * What a comparison holds and how it is said: plain types and words, with no analysis code, so the
 * tab's bundle can word a stored comparison. Built by comparators.ts.
 */
import type { TrendMarker } from "./recent-trend";

/** One area's figure in a comparison: the ratio or the rate, with its 95% interval. */
export interface ComparatorFigure {
  areaCode: string;
  areaName: string;
  value: number;
  low: number;
  high: number;
}

/** The recent trend of the area's own series, and exactly what was trended. */
export interface ComparisonTrend {
  marker: TrendMarker;
  reason: string;
  /** What the test was run on, in words, e.g. "the ratio of Black to White children's rates (log scale, inverse-variance weights)". */
  of: string;
  /** Comparable annual years held up to this period (on one base series, without a gap). */
  years: number;
  from: string | null;
  to: string | null;
  chiSquare: number | null;
}

/** An area's figure beside East London, London and England, with its recent trend. */
export interface Comparison {
  /** "ratio": the group's rate ratio to the reference group; "value": the rate or percentage itself. */
  figure: "ratio" | "value";
  unit: string;
  area: ComparatorFigure;
  eastLondon: ComparatorFigure | null;
  /** Why East London is missing or what it leaves out; null when nothing to say. */
  eastLondonNote: string | null;
  london: ComparatorFigure | null;
  england: ComparatorFigure | null;
  trend: ComparisonTrend;
  /** The line a DCS reads: "Hackney 2.2 (1.6 to 3.0) · East London 1.8 · London 1.7 · England 1.5 · no clear trend in the ratio". */
  text: string;
}

/** The trend in a few words: "ratio rising 2013 to 2017", or "no clear trend in the ratio". */
export function trendWords(c: Pick<Comparison, "figure" | "unit" | "trend">): string {
  const what = c.figure === "ratio" ? "ratio" : c.unit === "%" ? "percentage" : "rate";
  if (c.trend.marker === "increasing" || c.trend.marker === "decreasing")
    return `${what} ${c.trend.marker === "increasing" ? "rising" : "falling"} ${c.trend.from} to ${c.trend.to}`;
  return `no clear trend in the ${what}`;
}

/** The trend and East London in a sentence for the technical part: what was tested, over which years, with what result. */
export function trendSentence(c: Pick<Comparison, "trend" | "eastLondonNote">): string {
  const t = c.trend;
  const span = t.from && t.to ? ` over ${t.from} to ${t.to}` : "";
  const chi = t.chiSquare !== null ? `, chi-squared ${t.chiSquare.toFixed(1)}` : "";
  const el = c.eastLondonNote ? ` ${c.eastLondonNote.charAt(0).toUpperCase()}${c.eastLondonNote.slice(1)}.` : "";
  return `Recent trend (Fingertips method) of ${t.of}${span}: ${t.marker} (${t.reason}${chi}).${el}`;
}
