import type { PracticeLink } from "../library/practice-match";
import type { DigestStrip } from "./entry-strip";

/**
 * A week's digest as data: composed once per run and stored with it, so every channel, a resend after
 * a crash and the command line all show the same figures. Text a person typed (titles) is kept raw
 * here and made inert when the card is drawn.
 */
export interface DigestLine {
  /** GSS code, when the line is about one borough (a DCS channel's own borough leads its digest). */
  borough?: string;
  /** Our own words, e.g. "new · Social care, Youth justice". */
  text: string;
  /** A title someone typed, shown as plain text. */
  subject?: string;
}

export interface DigestSection {
  id: string;
  title: string;
  /** One sentence over the lines, e.g. "3 new and 1 published, from 2 boroughs". */
  summary: string;
  lines: DigestLine[];
  /** Lines left out of the stored digest (more than MAX_STORED_LINES); the card counts them. */
  omitted: number;
}

/** Lines kept per section in the stored digest; the card shows fewer. */
export const MAX_STORED_LINES = 40;

export interface DigestHeadline {
  rank: number;
  /** Measure, area, period, group and (for a ladder's step) level: the same finding in a later run has the same key. */
  key?: string;
  /** The group and the ladder step (older stored digests lack them). */
  group?: string;
  level?: string | null;
  /** Published practice entries that match the finding (outcome area, ethnic group, level of intervention). */
  practice?: PracticeLink[];
  /** How many entries matched in all (practice keeps the first few). */
  practiceTotal?: number;
  /** Where nothing matches: "No borough has shared practice on suspensions of Black Caribbean pupils yet." */
  gap?: string;
  /** The finding's outcome area (a proforma value), for convening a conversation on it. */
  outcomeArea?: string;
  /** Set when a correction after sending changed this headline's figures. */
  revised?: { on: string; was: string };
  text: string;
  /** Short label for the chart and table: group and area. */
  label: string;
  /** The measure id (older stored digests lack it). */
  measure?: string;
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
  /** The figure beside East London, London and England, and its trend, in one line (older stored digests lack it). */
  comparison?: string;
  period: string;
  source: string;
  synthetic: boolean;
}

/** The headlines' forest plot: an image address and the picture in words. */
export interface DigestChart {
  url: string;
  alt: string;
}

export interface DigestData {
  week: string;
  /** "Monday 23 to Sunday 29 November 2026". */
  weekLabel: string;
  composedAt: string;
  /** How many activity-feed rows the week held. */
  events: number;
  sections: DigestSection[];
  headlines: DigestHeadline[];
  /** The headlines' forest plot, when there are headlines and the plot could be kept. */
  chart?: DigestChart;
  /** Where disparity enters, per borough (from the approved run); each DCS channel's card shows its own. */
  strips?: DigestStrip[];
}
