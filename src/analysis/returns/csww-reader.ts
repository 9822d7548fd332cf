import { ethnicityCode, isoDay, ORG_ROLES } from "./dfe-codes";
import { addCount, emptyCounts, RefusedFile, type ReturnCounts, type ReturnProblem } from "./return-counts";
import { emptyHeader, headerPlace, readHeaderElement, type ReturnContext } from "./return-header";
import { streamXml } from "./xml-stream";

interface WorkerRecord {
  swe: string | null;
  agency: string | null;
  ethnicity: string | null;
  role: string | null;
  start: number | null;
  end: number | null;
  stepUp: boolean;
  frontline: boolean;
  bad: { field: string; message: string } | null;
}

const SENIORITY = ["1", "2", "3", "4", "5", "6"]; // OrgRole: 1 senior manager ... 6 qualified without cases

/**
 * Counts of staff for one children's social work workforce (CSWW) census file (liia-tools' 2022 XSD;
 * reference/statutory-returns.md section 3). The year runs to the 30 September reference date.
 * In post: RoleStartDate empty or on or before the reference date and RoleEndDate empty or after it.
 * Employed (AgencyWorker 0) staff in post are counted once each, at their most senior role, as DfE
 * de-duplicates headcount on the SWE number; agency staff are counted as records (DfE does not
 * de-duplicate them). Starters and leavers: employed staff whose role started or ended in the year.
 * Step Up and Frontline graduates: employed staff in post with the flag set. A worker without an
 * ethnicity is counted as "information not yet obtained" (CSWW's Ethnicity is optional).
 */
export async function readCsww(
  chunks: AsyncIterable<string>,
  file: { name: string; synthetic: boolean },
  context: ReturnContext,
  accept: (laCode: string) => string | null,
): Promise<{ counts: ReturnCounts; problems: ReturnProblem[] }> {
  const problems: ReturnProblem[] = [];
  const header = emptyHeader();
  const vacancies: Record<string, number> = {};
  let counts: ReturnCounts | null = null;
  let ref = 0;
  let record = 0;
  let worker: WorkerRecord | null = null;
  /** Employed staff in post: SWE number -> most senior role and ethnicity, resolved at the end. */
  const employed = new Map<string, { role: string; code: string; stepUp: boolean; frontline: boolean }>();

  const start = () => {
    const { lea, referenceDate: refText } = headerPlace(header, context, "CSWW");
    if (!refText || isoDay(refText) === null) throw new RefusedFile("the reference date is not known or not a date in the form YYYY-MM-DD", "ReferenceDate");
    const refused = accept(lea);
    if (refused) throw new RefusedFile(refused, "LEA");
    counts = emptyCounts("csww", lea, refText, file.name, file.synthetic);
    ref = isoDay(refText)!;
  };

  const finish = (w: WorkerRecord) => {
    const skip = (field: string, message: string) => problems.push({ file: file.name, record, field, message, outcome: "record skipped" });
    if (w.bad) return skip(w.bad.field, w.bad.message);
    if (!w.swe) return skip("SWENo", "no SWE number");
    if (w.agency !== "0" && w.agency !== "1") return skip("AgencyWorker", "AgencyWorker is neither 0 nor 1");
    const code = w.ethnicity === null || w.ethnicity === "" ? "NOBT" : ethnicityCode(w.ethnicity);
    if (!code) return skip("Ethnicity", "not one of the DfE ethnicity codes");
    if (w.role !== null && w.role !== "" && !ORG_ROLES[w.role]) return skip("OrgRole", "OrgRole is not 1 to 6");
    const role = w.role && ORG_ROLES[w.role] ? w.role : null;
    const inPost = (w.start === null || w.start <= ref) && (w.end === null || w.end > ref);
    const inYear = (d: number | null) => d !== null && d > ref - 365 && d <= ref;
    if (w.agency === "1") {
      if (inPost) addCount(counts!, "agency", code);
      return;
    }
    if (inYear(w.start)) addCount(counts!, "starters", code);
    if (inYear(w.end)) addCount(counts!, "leavers", code);
    if (!inPost) return;
    const before = employed.get(w.swe);
    const rank = (r: string | null) => (r === null ? 99 : SENIORITY.indexOf(r));
    if (!before || rank(role) < rank(before.role)) employed.set(w.swe, { role: role ?? "", code, stepUp: w.stepUp, frontline: w.frontline });
  };

  const date = (field: string, text: string): number | null => {
    if (text === "") return null;
    const d = isoDay(text);
    if (d === null && worker && !worker.bad) worker.bad = { field, message: "not a date in the form YYYY-MM-DD" };
    return d;
  };

  await streamXml(chunks, {
    open(name) {
      if (name === "CSWWWorker") {
        if (!counts) start();
        record++;
        worker = { swe: null, agency: null, ethnicity: null, role: null, start: null, end: null, stepUp: false, frontline: false, bad: null };
      }
    },
    close(name, parent, text) {
      if (!worker) {
        if (readHeaderElement(header, name, parent, text)) return;
        if (parent === "LALevelVacancies") {
          const n = Number(text);
          if (text !== "" && Number.isFinite(n)) vacancies[name] = n;
        }
        return;
      }
      if (name === "CSWWWorker") {
        finish(worker);
        worker = null;
      } else if (name === "SWENo") worker.swe = text;
      else if (name === "AgencyWorker") worker.agency = text;
      else if (name === "Ethnicity") worker.ethnicity = text;
      else if (name === "OrgRole") worker.role = text;
      else if (name === "RoleStartDate") worker.start = date(name, text);
      else if (name === "RoleEndDate") worker.end = date(name, text);
      else if (name === "StepUpGrad") worker.stepUp = text === "1";
      else if (name === "FrontlineGrad") worker.frontline = text === "1";
    },
  });
  if (!counts) throw new RefusedFile("no CSWWWorker elements: not a workforce census with staff in it");
  const c: ReturnCounts = counts;
  for (const e of employed.values()) {
    addCount(c, "in-post", e.code);
    if (e.role) addCount(c, `in-post:${ORG_ROLES[e.role]}`, e.code);
    if (e.stepUp) addCount(c, "step-up", e.code);
    if (e.frontline) addCount(c, "frontline", e.code);
  }
  employed.clear();
  c.figures = vacancies;
  return { counts: c, problems };
}
