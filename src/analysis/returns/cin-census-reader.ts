import { ethnicityCode, isoDay, dayOf } from "./dfe-codes";
import { addCount, emptyCounts, RefusedFile, type ReturnCounts, type ReturnProblem } from "./return-counts";
import { emptyHeader, headerPlace, readHeaderElement, type ReturnContext } from "./return-header";
import { streamXml } from "./xml-stream";

export type { ReturnContext } from "./return-header";

interface Episode {
  referral: number | null;
  closure: number | null;
  icpc: number[];
  assessments: { start: number | null; authorised: number | null }[];
  s47: { start: number | null; icpc: number | null }[];
  plans: { start: number | null; end: number | null }[];
}

interface ChildRecord {
  id: string | null;
  ethnicity: string | null;
  episodes: Episode[];
  bad: { field: string; message: string } | null;
}

const DATE_FIELDS = new Set([
  "CINreferralDate",
  "CINclosureDate",
  "DateOfInitialCPC",
  "AssessmentActualStartDate",
  "AssessmentAuthorisationDate",
  "S47ActualStartDate",
  "CPPstartDate",
  "CPPendDate",
]);

/** The collection year [1 April before, reference date], as day numbers. */
export function yearEnding(referenceDay: number): { from: number; to: number } {
  const d = new Date(referenceDay * 86_400_000);
  const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return { from: dayOf(y, 4, 1), to: referenceDay };
}

/**
 * Counts of children for one CIN census file (schema years 2017 to 2025; liia-tools' copies of the
 * DfE XSDs, reference/statutory-returns.md section 1). Per child, distinct children with each event
 * in the year (DfE's "children subject to ..." variants): referred, assessment authorised (completed),
 * section 47 started, initial conference held (at episode or section 47 level), plan started; and on
 * the reference date: in need (an episode referred by then and not closed by then) and on a plan.
 * A child is held only until its element closes, then added to the counts and dropped.
 */
export async function readCinCensus(
  chunks: AsyncIterable<string>,
  file: { name: string; synthetic: boolean },
  context: ReturnContext,
  accept: (laCode: string) => string | null,
): Promise<{ counts: ReturnCounts; problems: ReturnProblem[] }> {
  const problems: ReturnProblem[] = [];
  const header = emptyHeader();
  let counts: ReturnCounts | null = null;
  let year = { from: 0, to: 0 };
  const seen = new Set<string>();
  let record = 0;
  let child: ChildRecord | null = null;
  let episode: Episode | null = null;

  const start = () => {
    const { lea, referenceDate: ref } = headerPlace(header, context, "CIN");
    if (!ref) throw new RefusedFile("the reference date is not known (no ReferenceDate in the header, folder name or --as-at)", "ReferenceDate");
    const refDay = isoDay(ref);
    if (refDay === null) throw new RefusedFile("the reference date is not a date in the form YYYY-MM-DD", "ReferenceDate");
    const refused = accept(lea);
    if (refused) throw new RefusedFile(refused, "LEA");
    counts = emptyCounts("cin-census", lea, ref, file.name, file.synthetic);
    year = yearEnding(refDay);
  };

  const date = (field: string, text: string): number | null => {
    if (text === "") return null;
    const d = isoDay(text);
    if (d === null && child && !child.bad) child.bad = { field, message: "not a date in the form YYYY-MM-DD" };
    return d;
  };

  const finishChild = (c: ChildRecord) => {
    const skip = (field: string, message: string) => problems.push({ file: file.name, record, field, message, outcome: "record skipped" });
    if (c.bad) return skip(c.bad.field, c.bad.message);
    if (!c.id) return skip("LAchildID", "no child identifier");
    if (c.ethnicity === null) return skip("Ethnicity", "no ethnicity");
    const code = ethnicityCode(c.ethnicity);
    if (!code) return skip("Ethnicity", "not one of the 20 DfE ethnicity codes");
    if (c.episodes.length === 0) return skip("CINdetails", "no episode of need (CINdetails)");
    if (c.episodes.some((e) => e.referral === null)) return skip("CINreferralDate", "an episode has no referral date");
    if (seen.has(c.id)) return skip("LAchildID", "the same child is listed twice in this file");
    seen.add(c.id);
    const inYear = (d: number | null) => d !== null && d >= year.from && d <= year.to;
    const ref = year.to;
    const steps = new Set<string>();
    for (const e of c.episodes) {
      if (inYear(e.referral)) steps.add("referral");
      if (e.assessments.some((a) => inYear(a.authorised))) steps.add("assessment");
      if (e.s47.some((s) => inYear(s.start))) steps.add("s47");
      if (e.icpc.some(inYear) || e.s47.some((s) => inYear(s.icpc))) steps.add("icpc");
      if (e.plans.some((p) => inYear(p.start))) steps.add("cpp-start");
      if (e.referral! <= ref && (e.closure === null || e.closure > ref)) steps.add("cin-31march");
      if (e.plans.some((p) => p.start !== null && p.start <= ref && (p.end === null || p.end > ref))) steps.add("cpp-31march");
    }
    addCount(counts!, "children", code);
    for (const s of steps) addCount(counts!, s, code);
  };

  await streamXml(chunks, {
    open(name, parent) {
      if (name === "Child" && parent === "Children") {
        if (!counts) start();
        record++;
        child = { id: null, ethnicity: null, episodes: [], bad: null };
      } else if (!child) return;
      else if (name === "CINdetails") child.episodes.push((episode = { referral: null, closure: null, icpc: [], assessments: [], s47: [], plans: [] }));
      else if (episode && name === "Assessments") episode.assessments.push({ start: null, authorised: null });
      else if (episode && name === "Section47") episode.s47.push({ start: null, icpc: null });
      else if (episode && name === "ChildProtectionPlans") episode.plans.push({ start: null, end: null });
    },
    close(name, parent, text) {
      if (!child) {
        readHeaderElement(header, name, parent, text);
        return;
      }
      if (name === "Child") {
        finishChild(child);
        child = null;
        episode = null;
        return;
      }
      if (name === "LAchildID" && parent === "ChildIdentifiers") child.id = text;
      else if (name === "Ethnicity" && parent === "ChildCharacteristics") child.ethnicity = text;
      else if (name === "CINdetails") episode = null;
      else if (episode && DATE_FIELDS.has(name)) {
        const d = date(name, text);
        if (parent === "CINdetails") {
          if (name === "CINreferralDate") episode.referral = d;
          else if (name === "CINclosureDate") episode.closure = d;
          else if (name === "DateOfInitialCPC" && d !== null) episode.icpc.push(d);
        } else if (parent === "Assessments") {
          const a = episode.assessments[episode.assessments.length - 1]!;
          if (name === "AssessmentActualStartDate") a.start = d;
          else if (name === "AssessmentAuthorisationDate") a.authorised = d;
        } else if (parent === "Section47") {
          const s = episode.s47[episode.s47.length - 1]!;
          if (name === "S47ActualStartDate") s.start = d;
          else if (name === "DateOfInitialCPC") s.icpc = d;
        } else if (parent === "ChildProtectionPlans") {
          const p = episode.plans[episode.plans.length - 1]!;
          if (name === "CPPstartDate") p.start = d;
          else if (name === "CPPendDate") p.end = d;
        }
      }
    },
  });
  if (!counts) throw new RefusedFile("no Child elements: not a CIN census with children in it");
  return { counts, problems };
}
