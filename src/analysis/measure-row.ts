import type { MeasureRow } from "./contract";

export type { MeasureBase, MeasureRow } from "./contract";

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
> &
  Partial<Pick<MeasureRow, "base" | "countRounding">>;

/** A row with no figures yet: numbers, intervals, ratio and test empty, not suppressed, no note. */
export function emptyMeasureRow(identity: MeasureRowIdentity): MeasureRow {
  return {
    base: null,
    countRounding: null,
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
    noBase: false,
    note: null,
    valueSource: null,
    pValue: null,
    test: null,
    significant: null,
  };
}
