import assert from "node:assert/strict";
import type { LibraryEntry } from "../../src/proforma/public-view";
import { entryTargetAtoms, groupsNamedIn, resolveGroupName } from "../../src/library/ethnic-target";
import { matchPractice } from "../../src/library/practice-match";
import { toDigestHeadlines } from "../../src/digest/compose-digest";
import { reviseHeadlines } from "../../src/digest/revise-headlines";
import type { StoredHeadline } from "../../src/headlines/measure-store";

/** A published entry with only the fields the matcher reads set; the rest empty. */
function entry(id: string, fields: Partial<LibraryEntry>): LibraryEntry {
  return {
    id,
    title: `Entry ${id}`,
    borough: { code: "E09000025", name: "Newham" },
    outcomeAreas: [],
    priorities: [],
    targetGroups: [],
    targetGroupsDetail: "",
    ethnicGroups: [],
    ethnicGroupsDetail: "",
    levels: [],
    scale: "",
    stage: "",
    startDate: "",
    summary: "",
    problem: "",
    whatWasDone: "",
    partners: "",
    impact: "",
    evidenceStrength: "",
    voice: "",
    resources: "",
    risksLearning: "",
    replication: "",
    links: [],
    contact: { name: "", jobTitle: "" },
    consentScope: "liia",
    publishedAt: "2026-10-01T00:00:00Z",
    updatedAt: "2026-10-01T00:00:00Z",
    demo: false,
    ...fields,
  };
}

const SUSPENSION = { measure: "suspension-rate", group: "Black Caribbean" };
const ids = (answer: ReturnType<typeof matchPractice>) => answer?.practice.map((p) => p.id);

describe("evidence to practice: matching data headlines to published practice entries", () => {
  it("when a name is written in another classification, then it means the same group", () => {
    for (const name of [
      "Black Caribbean",
      "Black or Black British - Caribbean",
      "Black: Caribbean",
      "BCRB",
      "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    ])
      assert.equal(resolveGroupName(name)?.key, "bcrb", name);
    assert.equal(resolveGroupName("Mixed - White and Black Caribbean")?.key, "mwbc");
    assert.equal(resolveGroupName("Asian or Asian British - Indian")?.key, "aind");
    assert.equal(resolveGroupName("White - British")?.key, "wbri");
    assert.equal(resolveGroupName("Black or Black British")?.name, "Black");
    assert.equal(resolveGroupName("Black or Black British - Indian"), undefined, "a detail outside its heading's broad group is not read");
    assert.equal(resolveGroupName("Martian"), undefined);
  });

  it("when free text names groups, then the longest name wins and common words are not read as groups", () => {
    assert.deepEqual(
      groupsNamedIn("White and Black Caribbean boys").map((g) => g.key),
      ["mwbc"],
    );
    assert.deepEqual(
      groupsNamedIn("Black Caribbean and Black African boys; Gypsy, Roma and Traveller families")
        .map((g) => g.key)
        .sort(),
      ["bafr", "bcrb", "wirt+gypsy+roma"].sort(),
    );
    assert.deepEqual(groupsNamedIn("other families and all carers"), []);
  });

  it("when an entry ticks a broad group, then its detail narrows it, and with no tick the detail alone counts", () => {
    assert.deepEqual([...entryTargetAtoms({ ethnicGroups: ["black"], ethnicGroupsDetail: "" })].sort(), ["bafr", "bcrb", "both"]);
    assert.deepEqual([...entryTargetAtoms({ ethnicGroups: ["black"], ethnicGroupsDetail: "Black Caribbean boys" })], ["bcrb"]);
    assert.deepEqual([...entryTargetAtoms({ ethnicGroups: [], ethnicGroupsDetail: "Black Caribbean boys" })], ["bcrb"]);
    assert.deepEqual([...entryTargetAtoms({ ethnicGroups: [], ethnicGroupsDetail: "" })], []);
  });

  it("when entries differ in group, outcome area or level, then only those matching all three are linked", () => {
    const entries = [
      entry("broad-black", { outcomeAreas: ["education"], ethnicGroups: ["black"], levels: ["universal"] }),
      entry("caribbean-boys", { outcomeAreas: ["education"], ethnicGroups: ["black"], ethnicGroupsDetail: "Black Caribbean boys" }),
      entry("african-only", { outcomeAreas: ["education"], ethnicGroups: ["black"], ethnicGroupsDetail: "Black African families" }),
      entry("mixed-wbc", { outcomeAreas: ["education"], ethnicGroups: ["mixed"], ethnicGroupsDetail: "White and Black Caribbean boys" }),
      entry("social-care", { outcomeAreas: ["social-care"], ethnicGroups: ["black"] }),
      entry("wrong-level", { outcomeAreas: ["education"], ethnicGroups: ["black"], levels: ["looked-after"] }),
      entry("no-group", { outcomeAreas: ["education"] }),
    ];
    const answer = matchPractice(SUSPENSION, entries)!;
    assert.deepEqual(ids(answer), ["broad-black", "caribbean-boys"], "the entry that states its level first");
    assert.equal(answer.gap, "");
    assert.equal(answer.outcomeArea, "education");
    assert.deepEqual(ids(matchPractice({ measure: "suspension-rate", group: "Black or Black British - Caribbean" }, entries)), [
      "broad-black",
      "caribbean-boys",
    ]);
    assert.deepEqual(ids(matchPractice({ measure: "suspension-rate", group: "Black" }, entries)), ["broad-black", "caribbean-boys", "african-only"]);
    assert.deepEqual(ids(matchPractice({ measure: "suspension-rate", group: "White and Black Caribbean" }, entries)), ["mixed-wbc"]);
  });

  it("when nothing matches, then the gap is named plainly; an unknown measure or group claims nothing", () => {
    const entries = [entry("care", { outcomeAreas: ["social-care"], ethnicGroups: ["black"], levels: ["looked-after"] })];
    assert.equal(matchPractice(SUSPENSION, entries)!.gap, "No borough has shared practice on suspensions of Black Caribbean pupils yet.");
    assert.deepEqual(ids(matchPractice({ measure: "cla-rate", group: "Black Caribbean" }, entries)), ["care"]);
    assert.equal(
      matchPractice({ measure: "cpp-rate", group: "Black Caribbean" }, entries)!.gap,
      "No borough has shared practice on child protection plans for Black Caribbean children yet.",
    );
    assert.equal(matchPractice({ measure: "no-such-measure", group: "Black Caribbean" }, entries), undefined);
    assert.equal(matchPractice({ measure: "suspension-rate", group: "Unicorns" }, entries), undefined);
  });

  it("when a headline is a ladder step, then its level decides the practice level and the words", () => {
    const entries = [entry("cp", { outcomeAreas: ["social-care"], ethnicGroups: ["asian"], levels: ["child-protection"] })];
    const s47 = matchPractice({ measure: "returns-steps", level: "03 section 47 enquiry (of completed assessment)", group: "Bangladeshi" }, entries)!;
    assert.deepEqual(ids(s47), ["cp"]);
    const referral = matchPractice({ measure: "returns-steps", level: "01 referral (of base population)", group: "Bangladeshi" }, entries)!;
    assert.equal(referral.gap, "No borough has shared practice on referrals of Bangladeshi children to children's social care yet.");
    const excluded = matchPractice({ measure: "exclusion-ladder", level: "permanently excluded (per pupil suspended)", group: "Gypsy/Roma" }, [])!;
    assert.equal(excluded.gap, "No borough has shared practice on permanent exclusions of Gypsy/Roma pupils yet.");
  });
});

describe("a ladder's headlines keep apart in corrections", () => {
  it("when two headlines are one group's different steps, then each has its own key, and a correction compares each with itself", () => {
    const stored = (level: string, ratio: number): StoredHeadline =>
      ({
        text: `step ${level}`,
        detail: "",
        caveats: [],
        direction: "higher",
        strength: "strong",
        measure: "returns-steps",
        areaCode: "E09000025",
        areaName: "Newham",
        period: "2026",
        group: "Gypsy/Roma",
        level,
        referenceGroup: "White British",
        ratio,
        ratioLow: ratio - 1,
        ratioHigh: ratio + 1,
        significant: true,
        base: "",
        source: "returns",
        synthetic: true,
        runId: "r",
        rank: 1,
        checksum: "",
        createdAt: "",
      }) as StoredHeadline;
    const sent = toDigestHeadlines([stored("01 referral (of base population)", 14), stored("07 child in need on 31 March (of base population)", 15)]);
    assert.notEqual(sent[0]!.key, sent[1]!.key);
    const revised = reviseHeadlines(sent, sent, new Date("2026-12-02T09:00:00Z"));
    assert.deepEqual(
      revised.map((h) => h.revised),
      [undefined, undefined],
      "nothing changed, so nothing says revised",
    );
  });
});
