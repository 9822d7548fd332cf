import assert from "node:assert/strict";
import { readCinCensus } from "../../src/analysis/returns/cin-census-reader";
import { readCsww } from "../../src/analysis/returns/csww-reader";
import { acceptLa, contextFromFolder, detectReturn } from "../../src/analysis/returns/read-returns";
import type { ReturnCounts } from "../../src/analysis/returns/return-counts";
import { readSsda903Episodes, readSsda903Header, readSsda903Uasc } from "../../src/analysis/returns/ssda903-reader";
import { ukDay } from "../../src/analysis/returns/dfe-codes";
import { cinCensusXml, cswwXml, SSDA903_EPISODES, SSDA903_HEADER, SSDA903_UASC } from "./fixtures/cin-census";

/** The text in small pieces, so elements and rows straddle chunk boundaries as they do in a stream. */
export async function* chunked(text: string, size = 37): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export function table(counts: ReturnCounts): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [step, byCode] of [...counts.counts].sort()) out[step] = Object.fromEntries([...byCode].sort());
  return out;
}

const noContext = { laCode: null, referenceDate: null };

describe("returns: readers count by hand-worked fixtures", () => {
  // Reference date 2025-03-31, year 2024-04-01 to 2025-03-31. Child by child:
  // 1 WBRI: referred 2024-05-01, assessment authorised 2024-05-20, s47 2024-05-10 with ICPC 2024-05-25,
  //   plan from 2024-05-25 (no end), no closure -> every in-year step, in need and on a plan on 31 March.
  // 2 BCRB: an episode from 2023 (assessed 2023-12-01, closed 2024-06-30: nothing in the year) and a
  //   referral on 2025-01-10, open -> referral, in need on 31 March.
  // 3 BAFR: referred 2024-04-01 (first day of the year), assessed 2024-04-20, s47 2024-04-05, ICPC at
  //   episode level 2024-04-15, closed on 31 March itself -> referral, assessment, s47, icpc; not open.
  // 4 XXXX: not a DfE code -> skipped. 5: FXC10001 again -> skipped. 6: referral date 31/03/2025 -> skipped.
  // 7 REFU: referred 2025-04-01, after the reference date -> counted as a child, no step.
  const expectedCin = {
    assessment: { BAFR: 1, WBRI: 1 },
    children: { BAFR: 1, BCRB: 1, REFU: 1, WBRI: 1 },
    "cin-31march": { BCRB: 1, WBRI: 1 },
    "cpp-31march": { WBRI: 1 },
    "cpp-start": { WBRI: 1 },
    icpc: { BAFR: 1, WBRI: 1 },
    referral: { BAFR: 1, BCRB: 1, WBRI: 1 },
    s47: { BAFR: 1, WBRI: 1 },
  };
  for (const year of [2021, 2022, 2023, 2024, 2025] as const) {
    it(`when a CIN census in the ${year} schema form is read, then each step counts the children worked out by hand and bad records are named`, async () => {
      const { counts, problems } = await readCinCensus(chunked(cinCensusXml(year)), { name: `cin-${year}.xml`, synthetic: true }, noContext, acceptLa);
      assert.equal(counts.laCode, "204");
      assert.equal(counts.referenceDate, "2025-03-31");
      assert.equal(counts.period, "2025");
      assert.deepEqual(table(counts), expectedCin);
      assert.deepEqual(
        problems.map((p) => [p.record, p.field, p.outcome]),
        [
          [4, "Ethnicity", "record skipped"],
          [5, "LAchildID", "record skipped"],
          [6, "CINreferralDate", "record skipped"],
        ],
      );
    });
  }

  it("when a CIN census has no header, then the LA and date come from the context given", async () => {
    const { counts } = await readCinCensus(
      chunked(cinCensusXml(2025, { header: false })),
      { name: "cin.xml", synthetic: true },
      { laCode: "316", referenceDate: "2025-03-31" },
      acceptLa,
    );
    assert.equal(counts.laCode, "316");
    assert.deepEqual(table(counts).referral, expectedCin.referral);
  });

  it("when SSDA903 tables are read, then looked-after and starting counts match the hand count, with UASC apart", async () => {
    // FXL20001 WBRI: episode from 2024-01-01 open -> looked after on 31 March, not a starter (its V3 short break is not counted).
    // FXL20002 BCRB: started 2024-05-10 (S), placement change 2024-08-01 (X1 then P), open -> both.
    // FXL20003 BAFR, UASC: started 2024-06-01, ended on 31 March 2025 -> starter (UASC), not looked after on 31 March.
    // FXL20009 is not in the header file; the row dated 2024-05-10 is malformed; both skipped.
    const header = await readSsda903Header(chunked(SSDA903_HEADER), "header.csv");
    assert.deepEqual([...header.ethnicity].sort(), [
      ["FXL20001", "WBRI"],
      ["FXL20002", "BCRB"],
      ["FXL20003", "BAFR"],
    ]);
    assert.deepEqual(
      header.problems.map((p) => [p.record, p.field]),
      [
        [4, "ETHNIC"],
        [5, "CHILD"],
      ],
    );
    const uasc = await readSsda903Uasc(chunked(SSDA903_UASC), "uasc.csv");
    const ref = ukDay("31/03/2025")!;
    const { counts, problems } = await readSsda903Episodes(
      chunked(SSDA903_EPISODES),
      { name: "episodes.csv", synthetic: true },
      "204",
      "2025-03-31",
      ref,
      header.ethnicity,
      uasc.uasc,
    );
    assert.deepEqual(table(counts), {
      "cla-31march": { BCRB: 1, WBRI: 1 },
      "cla-children": { BAFR: 1, BCRB: 1, WBRI: 1 },
      "cla-start": { BAFR: 1, BCRB: 1 },
      "uasc-cla-start": { BAFR: 1 },
    });
    assert.deepEqual(
      problems.map((p) => [p.record, p.field]),
      [
        [5, "CHILD"],
        [6, "DECOM"],
      ],
    );
  });

  it("when a CSWW census is read, then staff in post are counted once at their most senior role, agency apart, with starters, leavers and graduates", async () => {
    // SW..01 BAFR case holder and senior practitioner -> counted once, as senior practitioner.
    // SW..02 WBRI senior manager from 2024-01-15 -> in post, a starter, a Step Up graduate.
    // SW..04 agency BCRB -> agency. SW..05 BCRB left 2024-06-30 -> a leaver, not in post.
    // SW..06 no ethnicity -> "not yet obtained", case holder, Frontline. SW..07 date 01/09/2022 -> skipped.
    const { counts, problems } = await readCsww(chunked(cswwXml()), { name: "csww.xml", synthetic: true }, noContext, acceptLa);
    assert.equal(counts.period, "2024");
    assert.deepEqual(table(counts), {
      agency: { BCRB: 1 },
      frontline: { NOBT: 1 },
      "in-post": { BAFR: 1, NOBT: 1, WBRI: 1 },
      "in-post:case-holder": { NOBT: 1 },
      "in-post:senior-manager": { WBRI: 1 },
      "in-post:senior-practitioner": { BAFR: 1 },
      leavers: { BCRB: 1 },
      starters: { WBRI: 1 },
      "step-up": { WBRI: 1 },
    });
    assert.deepEqual(counts.figures, { NumberOfVacancies: 12.5, NoAgencyFTE: 9, NoAgencyHeadcount: 10 });
    assert.deepEqual(
      problems.map((p) => [p.record, p.field]),
      [[7, "RoleStartDate"]],
    );
  });

  it("when files are told apart, then it is by their content, not their names", () => {
    assert.deepEqual(detectReturn({ name: "data.csv", head: "<?xml version='1.0'?><Message><Children><Child>" }), { kind: "cin-census" });
    assert.deepEqual(detectReturn({ name: "cin.xml", head: "<Message><Header/><LALevelVacancies>" }), { kind: "csww" });
    assert.deepEqual(detectReturn({ name: "x.csv", head: "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC\n" }), { kind: "ssda903", table: "episodes" });
    assert.deepEqual(detectReturn({ name: "x.csv", head: "\uFEFFCHILD,SEX,DOB,ETHNIC,UPN\n" }), { kind: "ssda903", table: "header" });
    assert.deepEqual(detectReturn({ name: "x.csv", head: "CHILD,DOB,REVIEW,REVIEW_CODE\n" }), { kind: "ssda903", table: "other" });
    assert.equal(detectReturn({ name: "episodes.csv", head: "time_period,new_la_code,ethnicity,headcount\n" }), null);
    const missing = detectReturn({ name: "x.csv", head: "CHILD,DECOM,RNE,LS,PLACE\n" });
    assert.equal(missing?.kind, "refuse");
  });

  it("when a folder is named <borough>-<LA code>-<year>, then it gives the LA and year", () => {
    assert.deepEqual(contextFromFolder("/data/returns/hackney-204-2026"), { laCode: "204", year: "2026" });
    assert.equal(contextFromFolder("/data/returns/2026"), null);
    assert.equal(acceptLa("204"), null);
    assert.match(acceptLa("999")!, /not one of the eight/);
  });
});
