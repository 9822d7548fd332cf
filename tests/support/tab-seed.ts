import type { Headline } from "../../src/analysis/headlines";
import type { MeasureRow } from "../../src/analysis/measure-row";
import { PREVIOUS_STEP, type Ladder } from "../../src/analysis/returns/ladder-types";
import { TableMeetingStore } from "../../src/meetings/table-meeting-store";
import { TableMeasureStore } from "../../src/headlines/table-measure-store";
import { TableLeadStore } from "../../src/leads/table-lead-store";
import type { Proforma } from "../../src/proforma/proforma";
import type { RunningService } from "../../src/service";

/** The stored data the tab's browser tests show: proformas, measures and a headline, a lead and a conversation. */
export const HACKNEY = "E09000012";
export const NEWHAM = "E09000025";
export const NOW = new Date("2026-11-30T10:00:00Z");
export const SCRIPT = "<script>window.__pwned = 'script'</script>";
export const IMG = "<img src=x onerror=\"window.__pwned = 'img'\">";

export function proforma(id: string, borough: string, title: string, summary: string, outcomeAreas: string[], status = "published"): Proforma {
  const at = "2026-11-20T09:00:00.000Z";
  return {
    id,
    borough,
    title,
    summary,
    outcomeAreas,
    impact: `Impact of ${title}`,
    contactName: "Sam Lead",
    consentScope: "liia",
    noPersonalData: true,
    status,
    authorId: "author-1",
    authorName: "Author",
    tenantId: "local",
    createdAt: at,
    updatedAt: at,
    version: 1,
    demo: false,
    publishedAt: at,
  } as unknown as Proforma;
}

function row(group: string, value: number | null, extra: Partial<MeasureRow> = {}): MeasureRow {
  const suppressed = value === null;
  return {
    measure: "cla-rate",
    topic: "social-care",
    title: "Children looked after on 31 March",
    areaCode: HACKNEY,
    areaName: "Hackney",
    geography: "la",
    period: "2024",
    year: 2024,
    group,
    groupKey: group.toLowerCase().replace(/\W+/g, "-"),
    level: null,
    numerator: suppressed ? null : 40,
    denominator: suppressed ? null : 8000,
    value,
    unit: "per 10,000",
    ciLow: suppressed ? null : value! * 0.8,
    ciHigh: suppressed ? null : value! * 1.2,
    referenceGroup: "White British",
    ratio: suppressed || group === "White British" ? null : value! / 50,
    ratioLow: suppressed || group === "White British" ? null : (value! / 50) * 0.7,
    ratioHigh: suppressed || group === "White British" ? null : (value! / 50) * 1.4,
    ratioSe: null,
    reference: null,
    suppressed,
    note: suppressed ? "count from 1 to 9" : null,
    denominatorStage: "population-0-17",
    method: "Byar",
    source: "cla_ethnicity_2024.csv",
    synthetic: false,
    outcome: "to be looked after",
    unknownShare: null,
    ...extra,
  } as MeasureRow;
}

const HEADLINE: Headline = {
  text: `Black Caribbean children in Hackney were 3 times as likely to be looked after ${IMG}`,
  detail: "150 against 50 per 10,000 children",
  caveats: [],
  direction: "higher",
  strength: "strong",
  geography: "local authority",
  year: 2024,
  base: "ONS mid-year estimate of children aged 0-17",
  measure: "cla-rate",
  areaCode: HACKNEY,
  areaName: "Hackney",
  period: "2024",
  group: "Black Caribbean",
  level: null,
  referenceGroup: "White British",
  ratio: 3,
  ratioLow: 2.1,
  ratioHigh: 4.2,
  pAdjusted: 0.001,
  significant: true,
  numerator: 120,
  denominator: 8000,
  value: 150,
  reference: { numerator: 40, denominator: 8000, value: 50 },
  unit: "per 10,000",
  source: "cla_ethnicity_2024.csv",
  synthetic: false,
  comparison: {
    figure: "ratio",
    unit: "per 10,000",
    area: { areaCode: HACKNEY, areaName: "Hackney", value: 3, low: 2.1, high: 4.2 },
    eastLondon: { areaCode: "east-london", areaName: "East London", value: 1.8, low: 1.6, high: 2 },
    eastLondonNote: null,
    london: { areaCode: "E12000007", areaName: "London", value: 1.7, low: 1.6, high: 1.8 },
    england: { areaCode: "E92000001", areaName: "England", value: 1.5, low: 1.5, high: 1.6 },
    trend: {
      marker: "cannot be calculated",
      reason: "2 comparable years: five are needed",
      of: "the ratio of Black Caribbean to White British rates (log scale, inverse-variance weights)",
      years: 2,
      from: "2023",
      to: "2024",
      chiSquare: null,
    },
    text: "Hackney 3.0 (2.1 to 4.2) · East London 1.8 · London 1.7 · England 1.5 · no clear trend in the ratio",
  },
};

/** One borough's ladder from its statutory returns: disparity entering at referral, the conference step suppressed. */
export const LADDER: Ladder = {
  areaCode: HACKNEY,
  areaName: "Hackney",
  period: "2026",
  group: "Black",
  groupLevel: "major",
  referenceGroup: "White British",
  baseSource: "school census pupils in the borough's schools, 2021/22",
  entersAt: "referral",
  sentence: `Black children in Hackney, 2026: the disparity enters at referral ${SCRIPT}`,
  steps: (["base", "referral", "assessment", "s47", "icpc", "cpp-start", "cla-31march"] as const).map((step) => ({
    step,
    previousStep: PREVIOUS_STEP[step],
    count: step === "icpc" ? null : 40,
    previousCount: 80,
    rate: step === "icpc" ? null : 50,
    stepRatio: step === "base" || step === "icpc" ? null : step === "referral" ? 1.8 : 1.05,
    stepRatioLow: step === "base" || step === "icpc" ? null : step === "referral" ? 1.3 : 0.8,
    stepRatioHigh: step === "base" || step === "icpc" ? null : step === "referral" ? 2.4 : 1.3,
    cumulativeRatio: null,
    cumulativeRatioLow: null,
    cumulativeRatioHigh: null,
    suppressed: step === "icpc",
    note: null,
  })),
  uasc: [],
  sources: ["cin_census_2026.xml"],
  synthetic: false,
};

export async function seed(service: RunningService): Promise<void> {
  const app = service.app;
  await app.proformas.create({
    ...proforma("01JTAB0000000000000000000A", HACKNEY, "Family group conferencing for Black Caribbean families", "Conferences led by community advocates.", [
      "social-care",
    ]),
    // Aimed at what the stored headline is about (Black Caribbean children looked after), so the Data page links it.
    ethnicGroups: ["black"],
    ethnicGroupsDetail: "Black Caribbean families",
    levels: ["looked-after"],
  });
  await app.proformas.create(
    proforma("01JTAB0000000000000000000B", NEWHAM, "Inclusive exclusions panel", "Every exclusion reviewed with a cultural lens.", ["education"]),
  );
  await app.proformas.create(proforma("01JTAB0000000000000000000C", NEWHAM, `Mentoring ${SCRIPT}`, `Peer mentors ${IMG}`, ["youth-justice"]));
  await app.proformas.create(proforma("01JTAB0000000000000000000D", HACKNEY, "A draft nobody should see", "Not yet published.", ["health"], "draft"));
  const measures = new TableMeasureStore(service.storage.tableClient("measures"), service.storage.tableClient("headlines"), () => NOW);
  const ladder = (group: string, level: string, value: number | null) => row(group, value, { measure: "social-care-ladder", level, unit: "%" });
  await measures.saveRun(
    [
      row("White British", 50),
      row("Black Caribbean", 150),
      row("Chinese", null),
      row(`Other ${SCRIPT}`, 70),
      // The comparators the Data page sets each group beside.
      ...(
        [
          ["east-london", "East London", 90],
          ["E12000007", "London", 80],
          ["E92000001", "England", 70],
        ] as const
      ).flatMap(([areaCode, areaName, black]) => [row("White British", 50, { areaCode, areaName }), row("Black Caribbean", black, { areaCode, areaName })]),
      ladder("White British", "child in need (per base population)", 2),
      ladder("Black Caribbean", "child in need (per base population)", 5),
      ladder("White British", "child protection plan (of children in need)", 10),
      ladder("Black Caribbean", "child protection plan (of children in need)", null),
    ],
    [HEADLINE],
    [{ name: "cla_ethnicity_2024.csv", checksum: "abc123" }],
  );
  await app.ladders.saveRun("run-tab", [LADDER], []);
  await new TableLeadStore(service.storage).confirm({
    borough: HACKNEY,
    id: "01JTABLEAD000000000000000A",
    kind: "lead",
    objectId: "lead-1",
    tenantId: "local",
    name: `Dana Lead ${IMG}`,
    jobTitle: "Head of Service",
    since: "2026-10-01T09:00:00.000Z",
    until: "",
    confirmedById: "dcs-1",
  });
  await new TableMeetingStore(service.storage).create({
    id: "01JTABMEET000000000000000A",
    topic: "Disproportionality in child protection",
    // Stored as the convene card stores them: codes, which the page shows by their titles.
    theme: "outcome:social-care",
    startsAt: "2026-12-10T14:00:00.000Z",
    format: "online",
    place: "Teams",
    proformas: [],
    proformaNote: "",
    convenerId: "lead-1",
    convenerTenantId: "local",
    convenerName: "Dana Lead",
    convenerBorough: HACKNEY,
    status: "scheduled",
    outcomes: "",
    outcomesRecordedAt: "",
    peerReview: false,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  });
}
