import assert from "node:assert/strict";
import { z } from "zod";
import { VERBS } from "../../src/commands";
import { isHubError } from "../../src/domain/errors";
import { parseCardData, verbData } from "../../src/domain/verbs";
import { DIGEST_VERB_DATA } from "../../src/digest/digest-verbs";
import { PRIVACY_VERB_DATA } from "../../src/privacy/privacy-verbs";
import { PROFORMA_VERB_DATA } from "../../src/proforma/proforma-verbs";
import { CONVENING_VERB_DATA } from "../../src/meetings/meeting-verbs";

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(isHubError(error), String(error));
    assert.equal(error.code, "invalid-input");
    return error.message;
  }
  assert.fail("the data was accepted");
}

describe("card verbs: each verb's data is parsed by its schema", () => {
  it("when a digest button names no ISO week, then the refusal says so in the digest's own words", () => {
    assert.equal(
      refusal(() => parseCardData(DIGEST_VERB_DATA["digest.feedback"], { week: "2026-W99", kind: "useful" })),
      "This button does not name a digest week.",
    );
    assert.equal(
      refusal(() => parseCardData(DIGEST_VERB_DATA["digest.feedback"], { week: "2026-W48", kind: "loved" })),
      "This button is not known.",
    );
    assert.equal(
      refusal(() => parseCardData(DIGEST_VERB_DATA["headline.convene"], { key: "" })),
      "This button does not name a data headline.",
    );
  });

  it("when a schema has no sentence of its own, then the refusal names the field", () => {
    assert.equal(
      refusal(() => parseCardData(z.looseObject({ step: z.number() }), { step: "three" })),
      "The card's step is not valid.",
    );
  });

  it("when a card's data is not an object, then it is read as an empty one", () => {
    assert.equal(
      refusal(() => parseCardData(PRIVACY_VERB_DATA["mydata.more"], "more")),
      "This button is not one the bot made: type my data to start again.",
    );
    assert.deepEqual(parseCardData(PROFORMA_VERB_DATA["proforma.view"], ["x"]), { section: 0 });
  });

  it("when a locator does not parse, then it is dropped rather than guessed, for the handler to refuse after checking rights", () => {
    const parsed = parseCardData(PROFORMA_VERB_DATA["proforma.publish"], { submissionId: "../x", entryBorough: "E09000012", etag: 7, section: 2.5 });
    assert.equal(parsed.submissionId, undefined);
    assert.equal(parsed.entryBorough, "E09000012");
    assert.equal(parsed.etag, undefined);
    assert.equal(parseCardData(CONVENING_VERB_DATA["convene.rsvp"], { meetingId: "m", answer: "perhaps" }).answer, undefined);
    // A form sent without some of its inputs parses: the handler says which are missing.
    assert.equal(parseCardData(CONVENING_VERB_DATA["convene.submit"], { topic: "  Exclusions  " }).topic, "Exclusions");
    assert.equal(parseCardData(PROFORMA_VERB_DATA["proforma.return"], {}).reviewComment, "");
  });

  it("when a card builder makes a button's data, then the verb comes first and the schema reads it back", () => {
    const data = verbData(PROFORMA_VERB_DATA, "proforma.view", { submissionId: "01JTAB0000000000000000000A", entryBorough: "E09000012", section: 3 });
    assert.deepEqual(Object.keys(data), ["verb", "submissionId", "entryBorough", "section"]);
    assert.equal(parseCardData(PROFORMA_VERB_DATA["proforma.view"], data).section, 3);
  });

  it("when the bot lists its verbs, then every one runs through a bound handler", async () => {
    const names = Object.keys(VERBS);
    assert.ok(names.length >= 25, `only ${names.length} verbs`);
    for (const name of names) assert.equal(typeof VERBS[name as keyof typeof VERBS], "function", name);
  });
});
