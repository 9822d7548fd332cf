import assert from "node:assert/strict";
import { checkProformaContent } from "../../src/proforma/validate-proforma";

const good = {
  title: "Title",
  borough: "E09000030",
  outcomeAreas: "education,send",
  summary: "Summary",
  impact: "",
  contactName: "Name",
  consentScope: "public",
  noPersonalData: "true",
};

function errorsFor(overrides: Record<string, unknown>): Record<string, string> {
  const result = checkProformaContent({ ...good, ...overrides });
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe("proforma validation", () => {
  it("when every field is good, then the content is accepted with areas as a list", () => {
    const result = checkProformaContent(good);
    assert.ok(result.ok);
    assert.deepEqual(result.value.outcomeAreas, ["education", "send"]);
  });

  it("when a text is over its limit in UTF-16 units, then the field and limit are named", () => {
    // 60 emoji are 120 UTF-16 units (the limit); 61 are 122.
    assert.deepEqual(errorsFor({ title: "😀".repeat(60) }), {});
    assert.match(errorsFor({ title: "😀".repeat(61) }).title!, /at most 120 characters, this has 122/);
    assert.match(errorsFor({ summary: "x".repeat(2001) }).summary!, /Summary is too long: at most 2,000/);
  });

  it("when values are of the wrong type, then each is refused with a message, not an exception", () => {
    const e = errorsFor({ title: 42, borough: ["E09000012' or PartitionKey ne '"], outcomeAreas: { a: 1 }, consentScope: true, noPersonalData: 1 });
    assert.match(e.title!, /Title must be text/);
    assert.match(e.borough!, /Borough must be one of/);
    assert.match(e.outcomeAreas!, /list of choices/);
    assert.match(e.consentScope!, /one of the listed choices/);
    assert.match(e.noPersonalData!, /confirm/);
  });

  it("when unknown fields and prototype keys are sent, then they are dropped and nothing is polluted", () => {
    const raw = JSON.parse(
      `{"title":"T","borough":"E09000030","summary":"S","contactName":"N","consentScope":"liia","noPersonalData":true,"__proto__":{"polluted":1},"constructor":{"prototype":{"bad":1}},"phone":"07700 900000"}`,
    );
    const result = checkProformaContent(raw);
    assert.ok(result.ok);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(result.value, "phone"), false);
  });

  it("when required fields are missing, then every missing one is listed", () => {
    const result = checkProformaContent({});
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.field).sort(), ["borough", "consentScope", "contactName", "noPersonalData", "summary", "title"]);
  });
});
