import assert from "node:assert/strict";
import type { Actor } from "../../src/domain/actor";
import { isHubError } from "../../src/domain/errors";
import { decideSave } from "../../src/proforma/decide-save";
import { EMPTY_DETAILS, type Proforma, type ProformaContent } from "../../src/proforma/proforma";
import { canPublish } from "../../src/proforma/proforma-access";
import { nextNumbers } from "../../src/proforma/proforma-version";

const HACKNEY = "E09000012";
const NEWHAM = "E09000025";
const staff: Actor = { id: "a", name: "Ann", tenantId: "t", roles: ["staff"], borough: HACKNEY };
const coordinator: Actor = { id: "c", name: "Cora", tenantId: "t", roles: ["staff", "coordinator"] };
const noBorough: Actor = { id: "n", name: "Noa", tenantId: "t", roles: ["staff"] };

const content: ProformaContent = {
  ...EMPTY_DETAILS,
  title: "Family group conferences",
  borough: HACKNEY,
  outcomeAreas: ["social-care"],
  summary: "Summary",
  impact: "",
  contactName: "Ann",
  consentScope: "liia",
  noPersonalData: true,
};

function stored(status: Proforma["status"], overrides: Partial<Proforma> = {}): Proforma {
  return {
    ...content,
    id: "01J0000000000000000000000A",
    status,
    authorId: "a",
    authorName: "Ann",
    tenantId: "t",
    createdAt: "",
    updatedAt: "",
    version: 1,
    demo: false,
    ...overrides,
  };
}

describe("deciding a proforma save (no storage)", () => {
  it("when a new card is submitted complete, then it is written as submitted with a submitted version", () => {
    const d = decideSave({ intent: "submit", actor: staff, content });
    assert.equal(d.kind, "write");
    assert.ok(d.kind === "write" && d.status === "submitted" && d.action === "submitted" && d.missing.length === 0);
  });

  it("when a new card misses a required field, then nothing is written and the field is named", () => {
    const d = decideSave({ intent: "submit", actor: staff, content: { ...content, summary: "" } });
    assert.deepEqual(d.kind === "invalid" && d.errors.map((e) => e.field), ["summary"]);
  });

  it("when a stored draft is submitted with a field missing, then the draft is kept and the field named", () => {
    const d = decideSave({ intent: "submit", actor: staff, before: stored("draft", { summary: "", title: "Old" }), content: { ...content, summary: "" } });
    assert.equal(d.kind, "write");
    assert.ok(d.kind === "write" && d.status === "draft" && d.action === "draft");
    assert.deepEqual(d.kind === "write" && d.missing.map((e) => e.field), ["summary"]);
  });

  it("when nothing differs from the stored record, then nothing is written", () => {
    assert.equal(decideSave({ intent: "save", actor: staff, before: stored("submitted"), content }).kind, "unchanged");
  });

  it("when the borough changes or is empty, then it is refused before anything is written", () => {
    assert.equal(decideSave({ intent: "save", actor: coordinator, before: stored("submitted"), content: { ...content, borough: NEWHAM } }).kind, "invalid");
    assert.equal(decideSave({ intent: "draft", actor: staff, content: { ...content, borough: "" } }).kind, "invalid");
  });

  it("when staff share for another borough, or have no borough at all, then it is forbidden", () => {
    assert.throws(
      () => decideSave({ intent: "submit", actor: staff, content: { ...content, borough: NEWHAM } }),
      (e) => isHubError(e, "forbidden"),
    );
    assert.throws(
      () => decideSave({ intent: "submit", actor: noBorough, content }),
      (e) => isHubError(e, "forbidden") && /does not know your borough[\s\S]*coordinator/.test(e.message),
    );
    assert.equal(decideSave({ intent: "submit", actor: coordinator, content: { ...content, borough: NEWHAM } }).kind, "write");
  });

  it("when the author edits a published entry, then it goes back to review; when a coordinator does, it stays published", () => {
    const edit = { ...content, title: "New title" };
    const byAuthor = decideSave({ intent: "save", actor: staff, before: stored("published"), content: edit });
    const byCoordinator = decideSave({ intent: "save", actor: coordinator, before: stored("published"), content: edit });
    assert.ok(byAuthor.kind === "write" && byAuthor.status === "submitted" && byAuthor.action === "edited");
    assert.ok(byCoordinator.kind === "write" && byCoordinator.status === "published");
    assert.deepEqual(byAuthor.kind === "write" && byAuthor.changed, ["title"]);
  });

  it("when deciding who may publish, then only a coordinator and only a submitted entry", () => {
    assert.equal(canPublish(coordinator, { status: "submitted" }), true);
    assert.equal(canPublish(coordinator, { status: "draft" }), false);
    assert.equal(canPublish(coordinator, { status: "published" }), false);
    assert.equal(canPublish(staff, { status: "submitted" }), false);
  });

  it("when drafts are saved, then only shared actions count as versions; every save has its own revision", () => {
    let numbers: { version: number; revision: number } | undefined;
    const actions = ["draft", "draft", "draft", "submitted", "edited", "returned", "draft", "submitted", "published"] as const;
    const seen = actions.map((a) => (numbers = nextNumbers(numbers, a)));
    assert.deepEqual(
      seen.map((n) => n.version),
      [0, 0, 0, 1, 2, 2, 2, 3, 4],
    );
    assert.deepEqual(
      seen.map((n) => n.revision),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    // A record from before revisions existed continues from its old counter.
    assert.deepEqual(nextNumbers({ version: 8 }, "edited"), { revision: 9, version: 9 });
  });
});
