import type { Topic, Unit } from "./catalogue";
import type { Geography } from "./observation";

/** One computed figure, with everything needed to show, check, store or headline it. */
export interface MeasureRow {
  measure: string;
  topic: Topic;
  title: string;
  areaCode: string;
  areaName: string;
  geography: Geography;
  period: string;
  year: number;
  /** Ethnic group name ("All" for everyone); groupKey is its atom-set key. */
  group: string;
  groupKey: string;
  level: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  unit: Unit;
  ciLow: number | null;
  ciHigh: number | null;
  referenceGroup: string | null;
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  /** Standard error of ln(ratio), for tests of significance; null without a ratio. */
  ratioSe: number | null;
  /** The reference group's own figures, so a headline can quote both. */
  reference: { numerator: number; denominator: number; value: number } | null;
  suppressed: boolean;
  /** Why a figure is hidden or what to bear in mind; null when nothing to say. */
  note: string | null;
  /** Which stage gave the denominator, e.g. "population-0-17" or "pupils". */
  denominatorStage: string | null;
  method: string;
  source: string;
  synthetic: boolean;
  /** Outcome wording for headlines, e.g. "to be looked after". */
  outcome: string | null;
  /** Share of the table whose ethnicity is unknown or refused, in per cent; null when not known. */
  unknownShare: number | null;
}

/** What identifies a row: where, when, which group and measure; every figure is then filled in. */
export type MeasureRowIdentity = Pick<
  MeasureRow,
  | "measure"
  | "topic"
  | "title"
  | "areaCode"
  | "areaName"
  | "geography"
  | "period"
  | "year"
  | "group"
  | "groupKey"
  | "level"
  | "unit"
  | "denominatorStage"
  | "method"
  | "source"
  | "synthetic"
  | "outcome"
  | "unknownShare"
>;

/** A row with no figures yet: numbers, intervals and ratio empty, not suppressed, no note. */
export function emptyMeasureRow(identity: MeasureRowIdentity): MeasureRow {
  return {
    ...identity,
    numerator: null,
    denominator: null,
    value: null,
    ciLow: null,
    ciHigh: null,
    referenceGroup: null,
    ratio: null,
    ratioLow: null,
    ratioHigh: null,
    ratioSe: null,
    reference: null,
    suppressed: false,
    note: null,
  };
}
