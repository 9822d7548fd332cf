/**
 * What reading a return keeps: counts of people by step and ethnicity code, for one local authority
 * and one collection year. No identifier, date of birth or other detail of a person survives here.
 */
export type ReturnKind = "cin-census" | "ssda903" | "csww";

export interface ReturnCounts {
  kind: ReturnKind;
  /** DfE's old three-digit LA code, e.g. "204". */
  laCode: string;
  /** The collection's reference date (31 March; CSWW 30 September), YYYY-MM-DD. */
  referenceDate: string;
  /** Year the figures are labelled with: the reference date's year. */
  period: string;
  /** Step (e.g. "referral", "in-post:case-holder") -> DfE ethnicity code -> people. */
  counts: Map<string, Map<string, number>>;
  /** LA-level figures that are not about people (CSWW vacancies). */
  figures: Record<string, number>;
  sources: string[];
  synthetic: boolean;
}

export function emptyCounts(kind: ReturnKind, laCode: string, referenceDate: string, source: string, synthetic: boolean): ReturnCounts {
  return { kind, laCode, referenceDate, period: referenceDate.slice(0, 4), counts: new Map(), figures: {}, sources: [source], synthetic };
}

export function addCount(counts: ReturnCounts, step: string, code: string, n = 1): void {
  let byCode = counts.counts.get(step);
  if (!byCode) counts.counts.set(step, (byCode = new Map()));
  byCode.set(code, (byCode.get(code) ?? 0) + n);
}

/** Adds one return's counts into another of the same LA, year and kind (e.g. two SSDA903 files). */
export function mergeCounts(into: ReturnCounts, from: ReturnCounts): void {
  for (const [step, byCode] of from.counts) for (const [code, n] of byCode) addCount(into, step, code, n);
  Object.assign(into.figures, from.figures);
  into.sources.push(...from.sources.filter((s) => !into.sources.includes(s)));
  into.synthetic ||= from.synthetic;
}

/** A problem found while reading, named by file, record number and field, never by the person. */
export interface ReturnProblem {
  file: string;
  /** 1-based: the n-th child or worker element, or the CSV data row; null for the file as a whole. */
  record: number | null;
  field: string | null;
  message: string;
  /** What became of it: the record was left out and the rest used, or nothing of the file was used. */
  outcome: "record skipped" | "file refused";
}

export function problemText(p: ReturnProblem): string {
  const where = [p.record !== null ? `record ${p.record}` : null, p.field ? `field ${p.field}` : null].filter(Boolean).join(", ");
  const tail = p.outcome === "file refused" ? "file refused, nothing from it used" : "record skipped, the rest of the file used";
  return `${p.file}${where ? ` (${where})` : ""}: ${p.message}; ${tail}`;
}

/** Raised inside a reader when the whole file must be refused. */
export class RefusedFile extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
    readonly record: number | null = null,
  ) {
    super(message);
  }
}
