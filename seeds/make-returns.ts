/**
 * Writes SYNTHETIC statutory returns for the eight East London boroughs, in DfE's formats, so the
 * returns analysis can be tried and measured without a real child or worker in sight:
 *   npm run seed:returns -- --out DIR [--year 2026] [--scale 1]
 * For each borough a folder DIR/<slug>-<LA code>-<year>/ holds
 *   SYNTHETIC_cin_census_<year>.xml     CIN census (2025-26 form: Sex, not GenderCurrent), ~2,000 children
 *   SYNTHETIC_ssda903_header.csv        SSDA903 header, episodes and UASC tables (dd/mm/yyyy dates),
 *   SYNTHETIC_ssda903_episodes.csv      ~400 children looked after on 31 March
 *   SYNTHETIC_ssda903_uasc.csv
 *   SYNTHETIC_csww_<year>.xml           CSWW census (30 September), ~250 workers
 * (City of London is small: about a tenth of that.) Every file says SYNTHETIC in its name, and the
 * XML files in a comment too; identifiers, UPNs, SWE numbers, birth dates and postcodes are made up
 * (seeded PRNG, so the same files come out every run) and look real on purpose, so tests can prove
 * none of them leaks into any output.
 *
 * Built-in disparity (multipliers on White British): Black Caribbean and White and Black Caribbean
 * children are referred more often (x1.8), Black African children more (x1.4) and go on to section 47
 * enquiries more once assessed (x1.5); Asian children are referred less (x0.6); Black children are
 * looked after more once in need (x1.4); unaccompanied asylum seekers (mostly Any other ethnic group,
 * Black African, Any other Asian background) add to those groups' looked-after counts. In the
 * workforce, Black staff are about a third of case holders and a tenth of senior managers.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BOROUGHS, type Borough } from "../src/domain/boroughs";
import { mulberry32 } from "./make-demo-datasets";

/**
 * Rough shares of children by DfE code in each borough (invented round numbers in the spirit of each
 * borough's make-up, not taken from any file), so synthetic returns read sensibly against either the
 * synthetic or the real school census as base.
 */
const MIX: Record<string, Record<string, number>> = {
  "barking-and-dagenham": {
    WBRI: 22,
    WIRI: 0.5,
    WIRT: 0.3,
    WROM: 1.5,
    WOTH: 12,
    MWBC: 2.5,
    MWBA: 2,
    MWAS: 1,
    MOTH: 2,
    AIND: 4,
    APKN: 8,
    ABAN: 8,
    CHNE: 0.5,
    AOTH: 5,
    BCRB: 3,
    BAFR: 21,
    BOTH: 3,
    OOTH: 4,
    REFU: 0.3,
    NOBT: 0.4,
  },
  "city-of-london": {
    WBRI: 25,
    WIRI: 1,
    WIRT: 0.1,
    WROM: 0.1,
    WOTH: 18,
    MWBC: 2,
    MWBA: 2,
    MWAS: 3,
    MOTH: 3,
    AIND: 4,
    APKN: 1,
    ABAN: 15,
    CHNE: 3,
    AOTH: 3,
    BCRB: 2,
    BAFR: 5,
    BOTH: 1,
    OOTH: 7,
    REFU: 0.5,
    NOBT: 0.5,
  },
  hackney: {
    WBRI: 18,
    WIRI: 1,
    WIRT: 0.3,
    WROM: 0.8,
    WOTH: 15,
    MWBC: 4,
    MWBA: 2.5,
    MWAS: 2.5,
    MOTH: 5,
    AIND: 3,
    APKN: 2,
    ABAN: 3,
    CHNE: 1,
    AOTH: 2,
    BCRB: 7,
    BAFR: 13,
    BOTH: 5,
    OOTH: 9,
    REFU: 0.5,
    NOBT: 1,
  },
  havering: {
    WBRI: 55,
    WIRI: 0.8,
    WIRT: 0.3,
    WROM: 0.7,
    WOTH: 8,
    MWBC: 3,
    MWBA: 2,
    MWAS: 1.5,
    MOTH: 1.5,
    AIND: 4,
    APKN: 2,
    ABAN: 2,
    CHNE: 0.5,
    AOTH: 2.5,
    BCRB: 2,
    BAFR: 9,
    BOTH: 1.5,
    OOTH: 3,
    REFU: 0.2,
    NOBT: 0.3,
  },
  newham: {
    WBRI: 6,
    WIRI: 0.3,
    WIRT: 0.2,
    WROM: 2,
    WOTH: 11,
    MWBC: 2,
    MWBA: 1.5,
    MWAS: 1.5,
    MOTH: 2,
    AIND: 10,
    APKN: 10,
    ABAN: 15,
    CHNE: 0.5,
    AOTH: 9,
    BCRB: 3,
    BAFR: 14,
    BOTH: 3,
    OOTH: 8,
    REFU: 0.3,
    NOBT: 0.7,
  },
  redbridge: {
    WBRI: 12,
    WIRI: 0.4,
    WIRT: 0.2,
    WROM: 1.2,
    WOTH: 9,
    MWBC: 1.5,
    MWBA: 1,
    MWAS: 2.5,
    MOTH: 3,
    AIND: 14,
    APKN: 15,
    ABAN: 9,
    CHNE: 0.5,
    AOTH: 10,
    BCRB: 2,
    BAFR: 7,
    BOTH: 1.5,
    OOTH: 8,
    REFU: 0.3,
    NOBT: 0.5,
  },
  "tower-hamlets": {
    WBRI: 9,
    WIRI: 0.3,
    WIRT: 0.1,
    WROM: 0.4,
    WOTH: 8,
    MWBC: 1.5,
    MWBA: 1,
    MWAS: 2,
    MOTH: 2.5,
    AIND: 1.5,
    APKN: 1,
    ABAN: 52,
    CHNE: 0.7,
    AOTH: 2.5,
    BCRB: 1,
    BAFR: 6,
    BOTH: 2,
    OOTH: 5,
    REFU: 0.3,
    NOBT: 0.5,
  },
  "waltham-forest": {
    WBRI: 15,
    WIRI: 0.6,
    WIRT: 0.3,
    WROM: 2,
    WOTH: 18,
    MWBC: 3,
    MWBA: 1.5,
    MWAS: 2.5,
    MOTH: 3,
    AIND: 3,
    APKN: 14,
    ABAN: 3,
    CHNE: 0.5,
    AOTH: 4.5,
    BCRB: 5,
    BAFR: 8,
    BOTH: 3,
    OOTH: 8,
    REFU: 0.3,
    NOBT: 0.5,
  },
};
const REFERRAL_RISK: Record<string, number> = { BCRB: 1.8, MWBC: 1.8, BAFR: 1.4, BOTH: 1.4, AIND: 0.6, APKN: 0.6, ABAN: 0.6, CHNE: 0.6, AOTH: 0.6 };
const S47_RISK: Record<string, number> = { BAFR: 1.5, BCRB: 1.2, MWBC: 1.2 };
const CLA_RISK: Record<string, number> = { BCRB: 1.4, BAFR: 1.4, BOTH: 1.4, MWBC: 1.2 };
const UASC_MIX: Record<string, number> = { OOTH: 5, BAFR: 3, AOTH: 3, BOTH: 1 };
/** Workforce: share of each major group by role, case holder up to senior manager (invented). */
const ROLE_SHARE: [string, number][] = [
  ["5", 48],
  ["6", 5],
  ["4", 16],
  ["3", 16],
  ["2", 10],
  ["1", 5],
];
const STAFF_BY_ROLE: Record<string, Record<string, number>> = {
  "5": { WBRI: 30, WOTH: 8, BAFR: 22, BCRB: 10, BOTH: 3, ABAN: 6, AIND: 5, APKN: 3, AOTH: 3, MWBC: 3, MOTH: 2, OOTH: 3, WIRI: 1, NOBT: 1 },
  "6": { WBRI: 35, WOTH: 8, BAFR: 18, BCRB: 8, BOTH: 3, ABAN: 6, AIND: 6, APKN: 3, AOTH: 3, MWBC: 3, MOTH: 2, OOTH: 3, WIRI: 1, NOBT: 1 },
  "4": { WBRI: 38, WOTH: 9, BAFR: 17, BCRB: 8, BOTH: 2, ABAN: 6, AIND: 5, APKN: 3, AOTH: 3, MWBC: 3, MOTH: 2, OOTH: 2, WIRI: 1, NOBT: 1 },
  "3": { WBRI: 45, WOTH: 9, BAFR: 13, BCRB: 7, BOTH: 2, ABAN: 5, AIND: 5, APKN: 2, AOTH: 3, MWBC: 3, MOTH: 2, OOTH: 2, WIRI: 1, NOBT: 1 },
  "2": { WBRI: 55, WOTH: 9, BAFR: 9, BCRB: 5, BOTH: 1, ABAN: 4, AIND: 5, APKN: 2, AOTH: 2, MWBC: 2, MOTH: 2, OOTH: 2, WIRI: 1, NOBT: 1 },
  "1": { WBRI: 65, WOTH: 8, BAFR: 6, BCRB: 4, BOTH: 1, ABAN: 3, AIND: 4, APKN: 1, AOTH: 2, MWBC: 2, MOTH: 1, OOTH: 1, WIRI: 1, NOBT: 1 },
};

type Random = () => number;

function pick(random: Random, weights: Record<string, number>): string {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((r -= w) <= 0) return k;
  return entries[entries.length - 1]![0];
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const uk = (t: number) => {
  const d = iso(t);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};
const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const between = (random: Random, from: number, to: number) => from + Math.floor(random() * ((to - from) / DAY + 1)) * DAY;

interface SyntheticChild {
  id: string;
  upn: string;
  dob: number;
  sex: "M" | "F";
  code: string;
  openAt31March: boolean;
  uasc: boolean;
}

const SYNTHETIC_NOTE = "SYNTHETIC data made by seeds/make-returns.ts (seeded PRNG): not real children or staff, do not quote";

function cinCensus(b: Borough, year: number, children: SyntheticChild[], random: Random, years: { from: number; to: number }): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!-- ${SYNTHETIC_NOTE} -->`,
    `<Message>`,
    `<Header><CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${iso(years.to)}</ReferenceDate></CollectionDetails>`,
    `<Source><SourceLevel>L</SourceLevel><LEA>${b.oldCode}</LEA><SoftwareCode>SYNTHETIC</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>${year}-04-20T09:00:00</DateTime></Source></Header>`,
    `<Children>`,
  ];
  for (const c of children) {
    // Open on 31 March: referred in the year or before, not closed. Otherwise referred and closed in the year.
    const earlier = c.openAt31March && random() < 0.35;
    const referral = earlier ? between(random, years.from - 700 * DAY, years.from - DAY) : between(random, years.from, years.to - 20 * DAY);
    const closure = c.openAt31March ? null : Math.min(years.to - DAY, referral + Math.floor(20 + random() * 200) * DAY);
    const assessed = random() < 0.8;
    const assessmentStart = referral + 2 * DAY;
    const authorised = assessed ? Math.min(years.to, assessmentStart + Math.floor(10 + random() * 35) * DAY) : null;
    const s47 = assessed && random() < 0.22 * (S47_RISK[c.code] ?? 1);
    const s47Start = s47 ? assessmentStart + 5 * DAY : null;
    const icpc = s47 && random() < 0.55 ? s47Start! + 12 * DAY : null;
    const cpp = icpc !== null && random() < 0.8 ? icpc : null;
    const cppEnd = cpp !== null && !c.openAt31March ? closure : null;
    const inside = (t: number | null) => t !== null && t <= years.to;
    const lines = [
      `<Child>`,
      `<ChildIdentifiers><LAchildID>${c.id}</LAchildID><UPN>${c.upn}</UPN><PersonBirthDate>${iso(c.dob)}</PersonBirthDate><Sex>${c.sex}</Sex></ChildIdentifiers>`,
      `<ChildCharacteristics><Ethnicity>${c.code}</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>`,
      `<CINdetails><CINreferralDate>${iso(referral)}</CINreferralDate><ReferralSource>${pick(random, { "1A": 1, "2A": 3, "3A": 2, "5D": 1, "6": 4, "8": 1 })}</ReferralSource><PrimaryNeedCode>${pick(random, { N1: 5, N2: 1, N4: 2, N5: 2, N8: 1 })}</PrimaryNeedCode>`,
      closure !== null ? `<CINclosureDate>${iso(closure)}</CINclosureDate><ReasonForClosure>${assessed ? "RC7" : "RC8"}</ReasonForClosure>` : "",
      icpc !== null && inside(icpc) ? `<DateOfInitialCPC>${iso(icpc)}</DateOfInitialCPC>` : "",
      `<Assessments><AssessmentActualStartDate>${iso(assessmentStart)}</AssessmentActualStartDate>${authorised !== null ? `<AssessmentAuthorisationDate>${iso(authorised)}</AssessmentAuthorisationDate>` : ""}<FactorsIdentifiedAtAssessment><AssessmentFactors>${c.uasc ? "9A" : pick(random, { "3A": 3, "4B": 2, "16A": 2, "21": 1 })}</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>`,
      s47Start !== null && inside(s47Start)
        ? `<Section47><S47ActualStartDate>${iso(s47Start)}</S47ActualStartDate><InitialCPCtarget>${iso(s47Start + 15 * DAY)}</InitialCPCtarget>${icpc !== null && inside(icpc) ? `<DateOfInitialCPC>${iso(icpc)}</DateOfInitialCPC>` : ""}<ICPCnotRequired>${icpc === null ? "true" : "false"}</ICPCnotRequired></Section47>`
        : "",
      `<ReferralNFA>false</ReferralNFA>`,
      cpp !== null && inside(cpp)
        ? `<ChildProtectionPlans><CPPstartDate>${iso(cpp)}</CPPstartDate>${cppEnd !== null && cppEnd > cpp ? `<CPPendDate>${iso(cppEnd)}</CPPendDate>` : ""}<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>`
        : "",
      `</CINdetails>`,
      `</Child>`,
    ];
    out.push(lines.filter(Boolean).join(""));
  }
  out.push(`</Children>`, `</Message>`, ``);
  return out.join("\n");
}

function postcode(random: Random): string {
  return `E${1 + Math.floor(random() * 18)} ${Math.floor(random() * 10)}${"ABDEFGHJLNPQRSTUWXYZ"[Math.floor(random() * 20)]}${"ABDEFGHJLNPQRSTUWXYZ"[Math.floor(random() * 20)]}`;
}

function ssda903(looked: SyntheticChild[], random: Random, years: { from: number; to: number }): { header: string; episodes: string; uasc: string } {
  const header = ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"];
  const episodes = ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"];
  const uasc = ["CHILD,SEX,DOB,DUC"];
  for (const c of looked) {
    header.push(`${c.id},${c.sex === "M" ? 1 : 2},${uk(c.dob)},${c.code},${c.upn},,`);
    if (c.uasc) uasc.push(`${c.id},${c.sex === "M" ? 1 : 2},${uk(c.dob)},`);
    const started = random() < 0.4 ? between(random, years.from, years.to - 30 * DAY) : between(random, years.from - 1500 * DAY, years.from - DAY);
    const ls = c.uasc ? "V2" : pick(random, { C2: 5, C1: 2, V2: 3, E1: 1 });
    const home = postcode(random);
    const place = pick(random, { U4: 5, U1: 2, K2: 2, H5: 1, R1: 1 });
    const ended = c.openAt31March ? null : between(random, Math.max(started + DAY, years.from), years.to - DAY);
    if (random() < 0.3) {
      // A placement change part way: the first episode ends with X1 and the next begins that day.
      const change = started + Math.floor(((ended ?? years.to) - started) / 2 / DAY) * DAY;
      episodes.push(`${c.id},${uk(started)},S,${ls},N1,${place},PR1,${uk(change)},X1,CARPL,${home},${postcode(random)},SC${digits(random, 6)}`);
      episodes.push(
        `${c.id},${uk(change)},P,${ls},N1,U5,PR4,${ended === null ? "" : uk(ended)},${ended === null ? "" : "E4A"},,${home},${postcode(random)},SC${digits(random, 6)}`,
      );
    } else {
      episodes.push(
        `${c.id},${uk(started)},S,${ls},N1,${place},PR1,${ended === null ? "" : uk(ended)},${ended === null ? "" : "E4A"},,${home},${postcode(random)},SC${digits(random, 6)}`,
      );
    }
  }
  return { header: header.join("\n") + "\n", episodes: episodes.join("\n") + "\n", uasc: uasc.join("\n") + "\n" };
}

function csww(b: Borough, year: number, workers: number, random: Random): string {
  const ref = Date.UTC(year, 8, 30);
  const out: string[] = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!-- ${SYNTHETIC_NOTE} -->`,
    `<Message>`,
    `<Header><CollectionDetails><Collection>CSWW</Collection><Year>${year}</Year><ReferenceDate>${iso(ref)}</ReferenceDate></CollectionDetails>`,
    `<Source><SourceLevel>L</SourceLevel><LEA>${b.oldCode}</LEA><SoftwareCode>SYNTHETIC</SoftwareCode><DateTime>${year}-10-15T09:00:00</DateTime></Source></Header>`,
    `<LALevelVacancies><NumberOfVacancies>${(workers * 0.12).toFixed(2)}</NumberOfVacancies><NoAgencyFTE>${(workers * 0.14).toFixed(2)}</NoAgencyFTE><NoAgencyHeadcount>${Math.round(workers * 0.15)}</NoAgencyHeadcount></LALevelVacancies>`,
  ];
  for (let i = 0; i < workers; i++) {
    const role = pick(random, Object.fromEntries(ROLE_SHARE));
    const code = pick(random, STAFF_BY_ROLE[role]!);
    const agency = random() < 0.15 ? 1 : 0;
    const leaver = random() < 0.14;
    const starter = random() < 0.18;
    const start = starter ? between(random, ref - 364 * DAY, ref - 30 * DAY) : between(random, ref - 4000 * DAY, ref - 366 * DAY);
    const end = leaver ? between(random, Math.max(start + DAY, ref - 364 * DAY), ref - DAY) : null;
    const newlyQualified = role === "5" && random() < 0.3;
    out.push(
      [
        `<CSWWWorker>`,
        `<AgencyWorker>${agency}</AgencyWorker><SWENo>SW${digits(random, 10)}</SWENo><FTE>${leaver ? "0" : pick(random, { "1": 8, "0.8": 1, "0.6": 1 })}</FTE>`,
        `<PersonBirthDate>${iso(between(random, Date.UTC(1962, 0, 1), Date.UTC(2001, 0, 1)))}</PersonBirthDate><GenderCurrent>${pick(random, { "1": 2, "2": 8 })}</GenderCurrent><Ethnicity>${code}</Ethnicity>`,
        `<QualInst>Synthetic University</QualInst><QualLevel>${pick(random, { "1": 1, "2": 1 })}</QualLevel>`,
        `<StepUpGrad>${newlyQualified && random() < 0.3 ? 1 : 0}</StepUpGrad><FrontlineGrad>${newlyQualified && random() < 0.4 ? 1 : 0}</FrontlineGrad>`,
        `<OrgRole>${role}</OrgRole><RoleStartDate>${iso(start)}</RoleStartDate>${end !== null ? `<RoleEndDate>${iso(end)}</RoleEndDate>` : ""}`,
        `<StartOrigin>${newlyQualified ? 1 : pick(random, { "2": 5, "4": 2, "7": 1 })}</StartOrigin>`,
        end !== null
          ? `<LeaverDestination>${pick(random, { "1": 3, "2": 1, "8": 1 })}</LeaverDestination><ReasonLeave>${pick(random, { "1": 6, "5": 1, "8": 1 })}</ReasonLeave>`
          : "",
        `<FTE30>${end !== null ? "0" : "1"}</FTE30><Cases30>${role === "5" && end === null ? Math.floor(10 + random() * 15) : 0}</Cases30><WorkingDaysLost>${(random() * 12).toFixed(2)}</WorkingDaysLost>`,
        `</CSWWWorker>`,
      ].join(""),
    );
  }
  out.push(`</Message>`, ``);
  return out.join("\n");
}

/** One synthetic file: its folder (<slug>-<code>-<year>), name and text. */
export interface SyntheticReturnFile {
  folder: string;
  name: string;
  text: string;
}

/** One borough's returns, in memory (the demo reads them without touching the disk). */
export function boroughReturnFiles(b: Borough, year: number, scale = 1): SyntheticReturnFile[] {
  const random = mulberry32(Number(b.oldCode) * 7919 + year);
  const small = b.code === "E09000001" ? 0.08 : 1;
  const nChildren = Math.round(2000 * scale * small * (0.85 + 0.3 * random()));
  const nWorkers = Math.round(250 * small * scale * (0.85 + 0.3 * random()));
  const years = { from: Date.UTC(year - 1, 3, 1), to: Date.UTC(year, 2, 31) };
  const weights = Object.fromEntries(Object.entries(MIX[b.slug]!).map(([c, w]) => [c, w * (REFERRAL_RISK[c] ?? 1)]));
  const children: SyntheticChild[] = [];
  const used = new Set<string>();
  for (let i = 0; i < nChildren; i++) {
    let id: string;
    do id = `${b.oldCode}${digits(random, 6)}`;
    while (used.has(id));
    used.add(id);
    const uasc = random() < 0.025;
    children.push({
      id,
      upn: `${"ABCDEFGHJKLMNPQRTUVWXYZ"[Math.floor(random() * 23)]}${digits(random, 12)}`,
      dob: uasc ? between(random, years.to - 17.9 * 365 * DAY, years.to - 15 * 365 * DAY) : between(random, years.to - 17.5 * 365 * DAY, years.to - 30 * DAY),
      sex: random() < 0.52 ? "M" : "F",
      code: uasc ? pick(random, UASC_MIX) : pick(random, weights),
      openAt31March: uasc || random() < 0.55,
      uasc,
    });
  }
  // Looked after: about 400 children (a fifth of the open cases, weighted), plus every UASC child.
  const open = children.filter((c) => c.openAt31March && !c.uasc);
  const target = Math.max(0, Math.round(400 * scale * small) - children.filter((c) => c.uasc).length);
  const chance = target / open.reduce((s, c) => s + (CLA_RISK[c.code] ?? 1), 0);
  const looked = children.filter((c) => c.uasc || (c.openAt31March && random() < chance * (CLA_RISK[c.code] ?? 1)));
  // Some children ceased to be looked after during the year: they were in need too, and closed.
  for (const c of children.filter((x) => !x.openAt31March).slice(0, Math.round(looked.length * 0.25))) looked.push(c);
  const folder = `${b.slug}-${b.oldCode}-${year}`;
  const cin = cinCensus(b, year, children, random, years);
  const t = ssda903(looked, random, years);
  return [
    { folder, name: `SYNTHETIC_cin_census_${year}.xml`, text: cin },
    { folder, name: "SYNTHETIC_ssda903_header.csv", text: t.header },
    { folder, name: "SYNTHETIC_ssda903_episodes.csv", text: t.episodes },
    { folder, name: "SYNTHETIC_ssda903_uasc.csv", text: t.uasc },
    { folder, name: `SYNTHETIC_csww_${year}.xml`, text: csww(b, year, nWorkers, random) },
    {
      folder,
      name: "README.txt",
      text: `${SYNTHETIC_NOTE}.\nBorough: ${b.name} (LA ${b.oldCode}), collection year ending 31 March ${year}; CSWW at 30 September ${year}.\n`,
    },
  ];
}

/** Writes one borough's returns into DIR/<slug>-<code>-<year>/; returns the folder. */
export function writeBoroughReturns(outDir: string, b: Borough, year: number, scale = 1): string {
  const files = boroughReturnFiles(b, year, scale);
  const folder = path.join(outDir, files[0]!.folder);
  mkdirSync(folder, { recursive: true });
  for (const f of files) writeFileSync(path.join(folder, f.name), f.text);
  return folder;
}

/** Every borough's returns, in memory. */
export function syntheticReturnFiles(year = 2026, scale = 1): SyntheticReturnFile[] {
  return BOROUGHS.flatMap((b) => boroughReturnFiles(b, year, scale));
}

export function writeSyntheticReturns(outDir: string, year = 2026, scale = 1): string[] {
  return BOROUGHS.map((b) => writeBoroughReturns(outDir, b, year, scale));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = value("--out");
  if (!out) {
    console.error("usage: npm run seed:returns -- --out DIR [--year 2026] [--scale 1]");
    process.exit(2);
  }
  const year = Number(value("--year") ?? 2026);
  const scale = Number(value("--scale") ?? 1);
  if (!Number.isInteger(year) || year < 2000 || !(scale > 0)) {
    console.error("--year needs a year such as 2026 and --scale a positive number");
    process.exit(2);
  }
  const folders = writeSyntheticReturns(path.resolve(out), year, scale);
  console.error(`wrote SYNTHETIC returns for ${folders.length} boroughs under ${path.resolve(out)}`);
}
