import type { DigestDeps } from "./digest-deps";
import { BROAD_GROUPS } from "../analysis/ethnicity";
import { disparityEntryStrips, type DisparityEntryStrip, type LadderStepId } from "../analysis/returns/ladder-types";
import { isBoroughCode } from "../domain/boroughs";
import type { StoredMeasure } from "../headlines/measure-store";

/**
 * "Where disparity enters" for one borough: for each chain of steps (the borough's social care
 * returns; pupils to suspension to permanent exclusion), each major group's step ratio to the
 * reference group given the step before (a chained relative rate index), with the sentence the
 * analysis wrote. Only published, suppressed aggregates: a hidden count is null and named as such.
 */
export interface StripStep {
  label: string;
  ratio: number | null;
  low: number | null;
  high: number | null;
  suppressed: boolean;
}

export interface StripRow {
  group: string;
  steps: StripStep[];
  /** The analysis's sentence for this group ("" where it wrote none). */
  sentence: string;
}

export interface StripChain {
  title: string;
  period: string;
  reference: string;
  source: string;
  rows: StripRow[];
}

export interface DigestStrip {
  areaCode: string;
  areaName: string;
  synthetic: boolean;
  chains: StripChain[];
}

/** A step is marked where the group's step ratio is above 1 beyond chance: its whole 95% interval lies above 1. */
export function aboveOne(step: StripStep): boolean {
  return !step.suppressed && step.ratio !== null && step.low !== null && step.low > 1;
}

const STEP_LABELS: Partial<Record<LadderStepId, string>> = {
  referral: "Referral",
  assessment: "Assessment",
  s47: "Section 47",
  icpc: "Conference",
  "cpp-start": "Plan",
  "cla-31march": "In need to looked after",
};

/** The newest year of each borough's returns ladder as a chain. */
export function socialCareChains(strips: readonly DisparityEntryStrip[]): Map<string, { areaName: string; synthetic: boolean; chain: StripChain }> {
  const out = new Map<string, { areaName: string; synthetic: boolean; chain: StripChain }>();
  for (const s of [...strips].sort((a, b) => (a.period < b.period ? -1 : 1))) {
    out.set(s.areaCode, {
      areaName: s.areaName,
      synthetic: s.synthetic,
      chain: {
        title: "Children's social care: referral, assessment, section 47, conference, plan; in need to looked after",
        period: s.period,
        reference: "White British children",
        source: `the borough's CIN census and SSDA903 returns; base: ${s.baseSource}`,
        rows: s.rows
          .filter((r) => r.groupLevel === "major")
          .map((r) => ({
            group: r.group,
            sentence: r.sentence,
            steps: r.steps.map((st) => ({ label: STEP_LABELS[st.step] ?? st.step, ratio: st.ratio, low: st.low, high: st.high, suppressed: st.suppressed })),
          })),
      },
    });
  }
  return out;
}

const EXCLUSION_STEPS: { words: RegExp; label: string }[] = [
  { words: /^suspended/i, label: "Suspension" },
  { words: /^permanently excluded/i, label: "Permanent exclusion" },
];

/** Pupils to suspension to permanent exclusion (the catalogue's exclusion ladder), newest year per borough, major groups. */
export function exclusionChains(rows: readonly StoredMeasure[]): Map<string, { areaName: string; synthetic: boolean; chain: StripChain }> {
  const out = new Map<string, { areaName: string; synthetic: boolean; chain: StripChain }>();
  const boroughRows = rows.filter((r) => isBoroughCode(r.areaCode));
  for (const code of new Set(boroughRows.map((r) => r.areaCode))) {
    const here = boroughRows.filter((r) => r.areaCode === code);
    const period = here
      .map((r) => r.period)
      .sort()
      .at(-1)!;
    const latest = here.filter((r) => r.period === period);
    const reference = latest.find((r) => r.referenceGroup)?.referenceGroup ?? "White British";
    const groups = stripGroups(latest, reference);
    out.set(code, {
      areaName: latest[0]!.areaName,
      synthetic: latest.some((r) => r.synthetic),
      chain: {
        title: `Schools: pupils, suspension, permanent exclusion${groups.some((g) => !(BROAD_GROUPS as readonly string[]).includes(g)) ? " (groups with a step above 1 beyond chance)" : ""}`,
        period,
        reference: `${reference} pupils`,
        source: [...new Set(latest.map((r) => r.source))].join("; "),
        rows: groups.map((group) => ({
          group,
          sentence: "",
          steps: EXCLUSION_STEPS.map((s) => {
            const r = latest.find((x) => x.group === group && s.words.test(x.level ?? ""));
            return { label: s.label, ratio: r?.ratio ?? null, low: r?.ratioLow ?? null, high: r?.ratioHigh ?? null, suppressed: r?.suppressed ?? false };
          }),
        })),
      },
    });
  }
  return out;
}

/** Groups a strip shows at most when the source has no major-group totals. */
const MAX_DETAILED = 6;

/**
 * The major groups, when the source gives them (besides "Other", which is also a detailed group);
 * otherwise the detailed groups with a step above 1 beyond chance, surest first, at most six.
 */
function stripGroups(latest: readonly StoredMeasure[], reference: string): string[] {
  const majors = BROAD_GROUPS.filter((g) => latest.some((r) => r.group === g));
  if (majors.some((g) => g !== "Other")) return majors;
  const lowest = new Map<string, number>();
  for (const r of latest)
    if (r.group !== reference && !r.suppressed && r.ratioLow !== null && r.ratioLow > 1) lowest.set(r.group, Math.max(lowest.get(r.group) ?? 0, r.ratioLow));
  return [...lowest.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_DETAILED)
    .map(([g]) => g);
}

/** Every borough's strip, in the order of the boroughs' codes. */
export function mergeStrips(...parts: Map<string, { areaName: string; synthetic: boolean; chain: StripChain }>[]): DigestStrip[] {
  const out = new Map<string, DigestStrip>();
  for (const part of parts)
    for (const [code, p] of part) {
      const strip = out.get(code) ?? { areaCode: code, areaName: p.areaName, synthetic: false, chains: [] };
      strip.synthetic ||= p.synthetic;
      if (p.chain.rows.length) strip.chains.push(p.chain);
      out.set(code, strip);
    }
  return [...out.values()].filter((s) => s.chains.length).sort((a, b) => (a.areaCode < b.areaCode ? -1 : 1));
}

/**
 * The strips the digest carries: only from the analysis run a second coordinator approved (the same
 * two-person rule as the headlines); none when the stored ladders or measures are of another run.
 * Without storage the digest still goes out, without strips.
 */
export async function digestStrips(ctx: DigestDeps): Promise<DigestStrip[]> {
  try {
    const approved = await ctx.approvals.approvedRunId();
    if (!approved) return [];
    const [ladderRun, measureRun] = await Promise.all([ctx.ladders.latestRunId(), ctx.measures.latestRunId()]);
    const care = ladderRun === approved ? socialCareChains(disparityEntryStrips(await ctx.ladders.latestLadders())) : new Map();
    const schools = measureRun === approved ? exclusionChains(await ctx.measures.listMeasures({ measure: "exclusion-ladder" })) : new Map();
    return mergeStrips(care, schools);
  } catch (error) {
    ctx.logger.warn({ err: error }, "the strips of where disparity enters could not be read for the digest");
    return [];
  }
}
