import type { MeasureRow } from "./contract";
import type { EthnicGroup } from "./ethnicity";
import type { Observation } from "./observation";

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

/**
 * A row with no figures yet: numbers, intervals, ratio and test empty, not suppressed, no note. Every
 * field is written out rather than spread from `identity`: the rows then share one shape, which keeps
 * making tens of thousands of them fast (spreading callers' differently shaped objects took most of
 * the analysis time after reading).
 */
export function emptyMeasureRow(identity: MeasureRowIdentity): MeasureRow {
  return {
    base: identity.base ?? null,
    countRounding: identity.countRounding ?? null,
    measure: identity.measure,
    topic: identity.topic,
    title: identity.title,
    areaCode: identity.areaCode,
    areaName: identity.areaName,
    geography: identity.geography,
    period: identity.period,
    year: identity.year,
    group: identity.group,
    groupKey: identity.groupKey,
    level: identity.level,
    unit: identity.unit,
    denominatorStage: identity.denominatorStage,
    method: identity.method,
    source: identity.source,
    synthetic: identity.synthetic,
    outcome: identity.outcome,
    unknownShare: identity.unknownShare,
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

/** Where and when a table is, and which of its groups: the part of a row's identity every measure takes from its table. */
export function tableCellIdentity(
  t0: Pick<Observation, "areaCode" | "areaName" | "geography" | "period" | "year">,
  group: Pick<EthnicGroup, "name" | "key">,
): Pick<MeasureRowIdentity, "areaCode" | "areaName" | "geography" | "period" | "year" | "group" | "groupKey"> {
  return { areaCode: t0.areaCode, areaName: t0.areaName, geography: t0.geography, period: t0.period, year: t0.year, group: group.name, groupKey: group.key };
}
