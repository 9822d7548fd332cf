import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { boroughByCode } from "../domain/boroughs";
import { isHubError } from "../domain/errors";
import type { PracticeLink } from "../library/practice-match";
import { aboveOne, type DigestStrip, type StripStep } from "./entry-strip";
import type { DigestChart, DigestData, DigestHeadline, DigestLine } from "./digest-data";
import { headlineTitle } from "./headline-plot";

interface LineView {
  borough: string;
  text: string;
  subject: string;
}

/** Data bound to cards/digest.json; every title a person typed has been through inert(). */
export interface DigestCardData {
  weekLabel: string;
  week: string;
  note: string;
  sections: { title: string; summary: string; lines: LineView[]; more: string }[];
  headlines: HeadlineView[];
  headlineNote: string;
  /** The forest plot's address, or "" when there is none. */
  chartUrl: string;
  chartAlt: string;
  /** The numbers table is open (after "Show the numbers", which the server records). */
  numbersShown: boolean;
  /** "Where disparity enters in Hackney" and the chains of the channel's own borough; none elsewhere. */
  stripHeading: string;
  stripLegend: string;
  stripChains: StripChainView[];
}

export interface StripChainView {
  title: string;
  rows: { group: string; steps: { text: string; marked: boolean }[]; sentence: string }[];
  /** Period, reference group and source. */
  note: string;
}

/** "Referral 1.42 ▲": a step's ratio to two places, marked where the whole interval lies above 1. */
function stepText(s: StripStep, first: boolean): string {
  const figure = s.suppressed ? ": suppressed" : s.ratio === null ? ": no figure" : ` ${s.ratio.toFixed(2)}${aboveOne(s) ? " ▲" : ""}`;
  return `${first ? "" : " · "}${s.label}${figure}`;
}

/** The strip of the channel's own borough, sentences left out when the card must be lighter. */
export function stripView(
  strips: readonly DigestStrip[] | undefined,
  borough: string | undefined,
  withSentences = true,
): Pick<DigestCardData, "stripHeading" | "stripLegend" | "stripChains"> {
  const strip = borough ? strips?.find((s) => s.areaCode === borough) : undefined;
  if (!strip) return { stripHeading: "", stripLegend: "", stripChains: [] };
  return {
    stripHeading: `Where disparity enters in ${strip.areaName}${strip.synthetic ? " (SYNTHETIC demonstration data)" : ""}`,
    stripLegend:
      "Each step's ratio to the reference group, given the step before (a chained relative rate index). ▲ marks a step where the whole 95% interval lies above 1: there the group is more likely to go on to the step, beyond chance.",
    stripChains: strip.chains.map((c) => ({
      title: c.title,
      rows: c.rows.map((r) => ({
        group: r.group,
        steps: r.steps.map((s, i) => ({ text: stepText(s, i === 0), marked: aboveOne(s) })),
        sentence: withSentences ? inert(r.sentence) : "",
      })),
      note: inert(`${c.period}; against ${c.reference}; source: ${c.source}.`),
    })),
  };
}

export interface HeadlineView {
  rank: number;
  text: string;
  /** Group, area and measure, for the numbers table. */
  label: string;
  ratio: string;
  interval: string;
  period: string;
  /** "Revised on 1 December 2026, was 2.10 (1.52 to 2.90)." or "". */
  revised: string;
  /** The finding's key, for convening a conversation on it (the server looks the headline up again). */
  key: string;
  /** Buttons that open the matching published entries (proforma.view); titles made inert. */
  practice: { title: string; submissionId: string; entryBorough: string }[];
  /** " (2 of 7 shown; the rest are in the library)" or "". */
  practiceMore: string;
  /** "No borough has shared practice on ... yet." or "". */
  gap: string;
  /** "Hackney 2.2 (1.6 to 3.0) · East London 1.9 · London 1.7 · England 1.7 · no clear trend in the ratio", or "". */
  comparison: string;
}

/** Practice buttons a headline shows on a card (the stored digest keeps a few more). */
export const PRACTICE_SHOWN = 2;

/** A button's title: the entry's title, cut to fit a button, and its borough. */
function practiceTitle(p: PracticeLink): string {
  const title = p.title.length > 60 ? `${p.title.slice(0, 57).trimEnd()}...` : p.title;
  return inert(`${title} (${p.boroughName})`);
}

/** " (2 of 7 shown; the rest are in the library)" when a headline matched more entries than it shows. */
function moreText(h: DigestHeadline, shown: number): string {
  const total = Math.max(h.practiceTotal ?? 0, h.practice?.length ?? 0);
  return total > shown ? ` (${shown} of ${total} shown; the rest are in the library)` : "";
}

export function headlineViews(headlines: readonly DigestHeadline[], practiceShown = PRACTICE_SHOWN): HeadlineView[] {
  return headlines.map((h) => ({
    rank: h.rank,
    text: inert(h.text),
    label: inert(h.measure ? `${h.label}: ${headlineTitle(h)}` : h.label),
    ratio: h.ratio.toFixed(2),
    interval: `${h.ratioLow.toFixed(2)} to ${h.ratioHigh.toFixed(2)}`,
    period: inert(h.period),
    revised: h.revised ? `Revised on ${h.revised.on}, was ${h.revised.was}.` : "",
    key: h.key ?? "",
    practice: (h.practice ?? []).slice(0, practiceShown).map((p) => ({ title: practiceTitle(p), submissionId: p.id, entryBorough: p.borough })),
    practiceMore: moreText(h, practiceShown),
    gap: h.gap ?? "",
    comparison: inert(h.comparison ?? ""),
  }));
}

/** The chart's fields of a card: its address and its words, or nothing. */
export function chartView(chart: DigestChart | undefined): { chartUrl: string; chartAlt: string } {
  return { chartUrl: chart?.url ?? "", chartAlt: inert(chart?.alt ?? "") };
}

export function headlineNote(headlines: readonly DigestHeadline[]): string {
  if (headlines.length === 0) return "";
  const sources = [...new Set(headlines.map((h) => h.source))].join("; ");
  const synthetic = headlines.some((h) => h.synthetic) ? " Includes SYNTHETIC demonstration data, not real figures." : "";
  const periods = [...new Set(headlines.map((h) => h.period))].join(", ");
  return inert(`Rate ratios with 95% confidence intervals; a ratio of 1 means no difference. Source: ${sources}. Period: ${periods}.${synthetic}`);
}

export interface DigestCardOptions {
  leadBorough?: string;
  note?: string;
  numbersShown?: boolean;
}

/** Lines of the channel's own borough first, then the rest in their order. */
function ordered(lines: readonly DigestLine[], leadBorough: string | undefined): DigestLine[] {
  if (!leadBorough) return [...lines];
  return [...lines.filter((l) => l.borough === leadBorough), ...lines.filter((l) => l.borough !== leadBorough)];
}

function view(data: DigestData, options: DigestCardOptions, perSection: number, stripSentences = true): DigestCardData {
  return {
    week: data.week,
    weekLabel: data.weekLabel,
    note: options.note ?? (options.leadBorough ? `${boroughByCode(options.leadBorough)?.name ?? ""} items first.` : ""),
    sections: data.sections.map((s) => {
      const lines = ordered(s.lines, options.leadBorough);
      return {
        title: s.title,
        summary: s.summary,
        lines: lines.slice(0, perSection).map((l) => ({
          borough: (l.borough && boroughByCode(l.borough)?.name) || "All boroughs",
          text: l.text,
          subject: inert(l.subject ?? ""),
        })),
        more: lines.length + (s.omitted ?? 0) > perSection ? `and ${lines.length + (s.omitted ?? 0) - perSection} more` : "",
      };
    }),
    headlines: headlineViews(data.headlines),
    headlineNote: headlineNote(data.headlines),
    ...chartView(data.chart),
    numbersShown: options.numbersShown ?? false,
    ...stripView(data.strips, options.leadBorough, stripSentences),
  };
}

/**
 * The digest card for one channel. A DCS channel registered for a borough sees that borough's items
 * first. Lines per section shrink until the card weighs under Teams' 28 KB; what is left out is counted.
 */
export function digestCard(data: DigestData, options: DigestCardOptions = {}): AdaptiveCard {
  for (const perSection of [10, 6, 3, 1]) {
    try {
      return renderCard<DigestCardData>("digest", view(data, options, perSection));
    } catch (error) {
      if (!isHubError(error, "too-large")) throw error;
    }
  }
  return renderCard<DigestCardData>("digest", view({ ...data, headlines: data.headlines.slice(0, 3), chart: undefined }, options, 0, false));
}
