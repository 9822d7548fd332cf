import assert from "node:assert/strict";
import { LIMITS, MAX_LINKS, fullContent, type Proforma } from "../../src/proforma/proforma";
import { proformaEntryCard, proformaFormCard } from "../../src/proforma/proforma-cards";
import { ALL_FIELDS, STEPS } from "../../src/proforma/proforma-fields";
import { checkProformaContent } from "../../src/proforma/validate-proforma";
import { checkCard } from "../support/card-check";
import { STEP_INPUTS, essentials } from "./support";

const good = { ...essentials(), ...STEP_INPUTS[1], ...STEP_INPUTS[2], ...STEP_INPUTS[3], ...STEP_INPUTS[4], ...STEP_INPUTS[5] };
const long = (n: number) => "x".repeat(n);

/** Every field, with inputs it must refuse and the words the refusal must use (naming the field and limit). */
const BAD: Record<string, [unknown, RegExp][]> = {
  title: [
    [42, /^Title must be text\.$/],
    [long(121), /^Title is too long: at most 120 characters, this has 121\. What you typed is kept below: shorten it and press the button again\.$/],
    ["😀".repeat(61), /this has 122/],
    ["  ", /^Title is required\.$/],
  ],
  borough: [
    ["E09000099", /^Borough must be one of the listed choices: Barking and Dagenham/],
    [["E09000012' or PartitionKey ne '"], /^Borough must be one of/],
    [{}, /^Borough must be one of/],
    [null, /^Borough is required\.$/],
  ],
  outcomeAreas: [
    [{ a: 1 }, /^Outcome areas must be a list of choices\.$/],
    ["education,astrology", /^Outcome areas must be chosen from: Education/],
    [[1], /list of choices/],
  ],
  summary: [
    [long(2001), /^Summary is too long: at most 2,000 characters, this has 2,001\. What you typed is kept below: shorten it and press the button again\.$/],
    ["", /^Summary is required\.$/],
    [true, /^Summary must be text\.$/],
  ],
  impact: [
    [long(3001), /^Impact is too long: at most 3,000 characters/],
    [["a"], /^Impact must be text\.$/],
  ],
  contactName: [
    [long(81), /^Lead contact is too long: at most 80 characters/],
    ["", /^Lead contact is required\.$/],
  ],
  consentScope: [
    ["everyone", /^Consent to share must be one of the listed choices/],
    ["", /^Consent to share is required\.$/],
    [7, /one of the listed choices/],
  ],
  noPersonalData: [
    ["false", /^Please confirm the entry holds no personal data/],
    [1, /confirm/],
    [undefined, /Please confirm/],
  ],
  contactJobTitle: [[long(81), /^Lead contact's job title is too long: at most 80 characters/]],
  priorities: [["world-peace", /^Pan-London priorities must be chosen from: Adolescent safeguarding/]],
  targetGroups: [
    ["aliens", /^Target groups must be chosen from/],
    [{}, /^Target groups must be a list of choices\.$/],
  ],
  targetGroupsDetail: [[long(201), /^Target groups, in your words is too long: at most 200 characters/]],
  ethnicGroups: [["purple", /^Ethnic groups must be chosen from: Asian, Asian British or Asian Welsh/]],
  ethnicGroupsDetail: [[long(201), /^Ethnic groups, in detail is too long: at most 200 characters/]],
  levels: [["maximum", /^Levels of intervention must be chosen from: Universal/]],
  scale: [
    ["galactic", /^Scale must be one of the listed choices: Individual practice/],
    [["team"], /^Scale must be one of/],
  ],
  stage: [["finished", /^Status of the initiative must be one of the listed choices: Planned, Pilot, Live, Ended\.$/]],
  startDate: [
    ["tomorrow", /^Start date must be a date written YYYY-MM-DD, from 1990 to 2100\.$/],
    ["2026-02-30", /YYYY-MM-DD/],
    ["1989-12-31", /from 1990/],
    [20260101, /YYYY-MM-DD/],
  ],
  problem: [[long(2001), /^The problem addressed is too long: at most 2,000 characters/]],
  whatWasDone: [
    [
      long(4001),
      /^What was done is too long: at most 4,000 characters, this has 4,001\. What you typed is kept below: shorten it and press the button again\.$/,
    ],
  ],
  partners: [[long(501), /^Partners is too long: at most 500 characters/]],
  evidenceStrength: [["proof", /^Evidence strength must be one of the listed choices: Anecdotal/]],
  voice: [[long(1001), /^Children's, families' and staff voice is too long: at most 1,000 characters/]],
  resources: [[long(501), /^Resources and cost is too long: at most 500 characters/]],
  risksLearning: [[long(1501), /^Risks and learning is too long: at most 1,500 characters/]],
  replication: [[long(1501), /^How to replicate is too long: at most 1,500 characters/]],
  links: [
    ["http://insecure.example", /^Links: address 1 is not an https address/],
    ["https://ok.example\njavascript:alert(1)", /^Links: address 2 is not an https address/],
    ["https://user:secret@ok.example", /not an https address/],
    ["https://localhost", /not an https address/],
    [Array.from({ length: MAX_LINKS + 1 }, (_, i) => `https://e${i}.example`).join("\n"), /^Links: at most 5 addresses, this has 6\.$/],
    [`https://e.example/${long(300)}`, /^Links: each address at most 300 characters; address 1 has 318\.$/],
    [{ href: "https://e.example" }, /^Links must be text, one address a line\.$/],
  ],
};

describe("proforma bad input, field by field", () => {
  it("when the table is read, then it covers every field of the proforma", () => {
    assert.deepEqual(Object.keys(BAD).sort(), ALL_FIELDS.map((f) => f.id).sort());
  });

  it("when every field is good, then the whole proforma is accepted", () => {
    const result = checkProformaContent(good);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.value.links, ["https://example.org/report", "https://example.org/toolkit"]);
    assert.equal(result.value.startDate, "2024-09-01");
  });

  for (const [field, cases] of Object.entries(BAD)) {
    for (const [value, expected] of cases) {
      it(`when ${field} is ${JSON.stringify(value)?.slice(0, 40) ?? "missing"}, then it alone is refused with ${expected}`, () => {
        const result = checkProformaContent({ ...good, [field]: value });
        assert.ok(!result.ok, "refused");
        assert.deepEqual(
          result.errors.map((e) => e.field),
          [field],
        );
        assert.match(result.errors[0]!.message, expected);
      });
    }
  }

  it("when text holds markdown, HTML, card date functions or control characters, then it is kept as typed (to be shown inert), control characters dropped", () => {
    const typed = "**bold** [x](https://phish.example) <script>alert(1)</script> {{DATE(2026-01-01T00:00:00Z, SHORT)}} ${title}";
    const result = checkProformaContent({ ...good, summary: `${typed}\u0000\u0007`, title: "Line\r\nbreak" });
    assert.ok(result.ok);
    assert.equal(result.value.summary, typed);
    assert.equal(result.value.title, "Line break", "a one-line field stays one line");
  });

  it("when the limit is reached exactly in UTF-16 units, then it is accepted", () => {
    for (const [field, limit] of Object.entries(LIMITS)) {
      if (field === "link") continue;
      const value = "😀".repeat(limit / 2);
      assert.ok(checkProformaContent({ ...good, [field]: value }).ok, field);
    }
  });
});

describe("proforma card weight at the limits", () => {
  // Three UTF-8 bytes a character, every text field full, every error of the step shown, ten refresh ids:
  // the heaviest a step or section can be.
  const heavy = (n: number) => "€".repeat(n);
  const values: Record<string, string> = {};
  for (const f of ALL_FIELDS)
    values[f.id] = f.kind === "links" ? Array.from({ length: MAX_LINKS }, () => `https://e.example/${heavy(280)}`).join("\n") : f.limit ? heavy(f.limit) : "";
  const errors = ALL_FIELDS.map((f) => ({ field: f.id, message: `${f.label} is too long: at most ${f.limit ?? 0} characters.` }));
  const weights: string[] = [];

  after(() => {
    // Measured figures, printed for the record.
    process.stderr.write(`      card bytes at the limits: ${weights.join(", ")}\n`);
  });

  for (const [i, step] of STEPS.entries()) {
    it(`when step ${i + 1} (${step.key}) is full and every error shows, then the form card parses and stays under 28 KB`, () => {
      const card = proformaFormCard({
        submissionId: "01JQ0000000000000000000001",
        entryBorough: "E09000012",
        etag: `W/"datetime'2026-03-02T10%3A00%3A00.0000000Z'"`,
        step: i,
        mode: "draft",
        values,
        errors: errors.filter((e) => step.fields.some((f) => f.id === e.field)),
      });
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      weights.push(`form ${i + 1}: ${check.bytes}`);
      assert.ok(check.bytes < 28 * 1024, `${check.bytes} bytes`);
    });
    it(`when section ${i + 1} of a full entry is viewed by a coordinator, then the entry card parses and stays under 28 KB`, () => {
      const content = checkProformaContent({ ...good });
      assert.ok(content.ok);
      const full = fullContent({ ...content.value }) as unknown as Record<string, unknown>;
      for (const f of [...step.fields, ...(step.viewAlso ?? []).map((id) => ALL_FIELDS.find((x) => x.id === id)!)])
        if (f.limit && f.kind !== "links") full[f.id] = heavy(f.limit);
      const proforma = {
        ...(full as object),
        id: "01JQ0000000000000000000001",
        status: "submitted",
        authorId: "a",
        authorName: "A",
        tenantId: "t",
        createdAt: "2026-03-02T10:00:00.000Z",
        updatedAt: "2026-03-02T10:00:00.000Z",
        version: 3,
        demo: false,
      } as Proforma;
      const card = proformaEntryCard({
        proforma,
        etag: 'W/"x"',
        canEdit: true,
        canReview: true,
        canPublish: true,
        section: i,
        refreshUserIds: Array.from({ length: 10 }, (_, n) => `29:${"a".repeat(85)}${n}`),
        banner: { heading: "Changed since you opened it", text: "x".repeat(300), color: "Warning" },
      });
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      weights.push(`entry ${i + 1}: ${check.bytes}`);
      assert.ok(check.bytes < 28 * 1024, `${check.bytes} bytes`);
    });
  }
});
