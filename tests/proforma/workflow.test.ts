import assert from "node:assert/strict";
import { isoWeek } from "../../src/domain/iso-week";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { checkCard } from "../support/card-check";
import { ANN, BEN, cardText, execute, say } from "../support/teams-client";
import { startTestAzurite, startTestService } from "../support/test-service";
import { CORA, HACKNEY, NEWHAM, STEP_INPUTS, buttonData, buttonTitles, essentials, inputValue, placeIn } from "./support";

describe("proforma workflow over HTTP against Azurite", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let now = new Date("2026-03-02T10:00:00Z");
  let id = "";
  let card: any;

  before(async () => {
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, env: { COORDINATORS: CORA.id }, now: () => now });
    await placeIn(service, ANN, HACKNEY);
    await placeIn(service, BEN, HACKNEY);
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
  });

  async function press(user = ANN, verb: string, data: Record<string, unknown>, inputs: Record<string, unknown> = {}): Promise<any> {
    const answer = await execute(service.url, user, verb, { ...data, ...inputs });
    assert.equal(answer.status, 200);
    const result = answer.body.value;
    assert.deepEqual(checkCard(result).errors, [], "the answer card parses");
    assert.ok(checkCard(result).bytes < 28 * 1024);
    return result;
  }
  const stored = () => service.app.proformas.read(HACKNEY, id);
  const feed = async (kind: string) => (await service.app.feed.week(isoWeek(now))).filter((e) => e.kind === kind && e.subjectId === id);
  async function library(query = ""): Promise<{ status: number; body: any }> {
    const res = await fetch(`${service.url}/api/library${query}`);
    return { status: res.status, body: await res.json() };
  }

  it("when a draft is saved at the first step, then it is stored as a draft, listed in my proformas, and no feed row is written", async () => {
    const [form] = await say(service.url, ANN, "proforma");
    card = await press(ANN, "proforma.draft", buttonData(form, "proforma.draft"), { title: "Draft title", borough: HACKNEY });
    assert.match(cardText(card), /Draft saved at \d\d:\d\d/);
    id = String(buttonData(card, "proforma.draft").submissionId);
    const row = await stored();
    assert.equal(row?.proforma.status, "draft");
    assert.equal(row?.proforma.title, "Draft title");
    const [mine] = await say(service.url, ANN, "my proformas");
    assert.match(cardText(mine), /Draft title/);
    assert.equal(buttonData(mine, "proforma.resume").submissionId, id);
    assert.equal((await feed("proforma.submitted")).length, 0);
  });

  it("when Next is pressed at each step, then every step's inputs are kept and the next step opens with the new ETag", async () => {
    card = await press(ANN, "proforma.step", buttonData(card, "proforma.step", "Next"), essentials());
    for (const step of [1, 2, 3, 4]) {
      assert.match(cardText(card), new RegExp(`Step ${step + 1} of 6`));
      card = await press(ANN, "proforma.step", buttonData(card, "proforma.step", "Next"), STEP_INPUTS[step]);
    }
    assert.match(cardText(card), /Step 6 of 6: Learning and replication/);
    const row = (await stored())!;
    assert.equal(buttonData(card, "proforma.submit").etag, row.etag);
    assert.deepEqual(row.proforma.priorities, ["adolescent-safeguarding", "workforce-leadership"]);
    assert.equal(row.proforma.whatWasDone, "Community advocates co-chaired conferences.");
    assert.equal(row.proforma.partners, "Local churches");
    assert.equal(row.proforma.status, "draft");
  });

  it("when the draft is resumed from my proformas, then the form opens where she stopped and holds what was saved", async () => {
    const [mine] = await say(service.url, ANN, "my proformas");
    assert.match(cardText(mine), /Hackney · draft · step 6 of 6: Learning and replication/);
    const resumed = await press(ANN, "proforma.resume", buttonData(mine, "proforma.resume"));
    assert.match(cardText(resumed), /Step 6 of 6/);
    assert.equal(buttonData(resumed, "proforma.submit").etag, (await stored())!.etag);
    card = resumed;
  });

  it("when a later step holds a bad input, then the field and its limit are named, the typing is kept and the draft is unchanged", async () => {
    const before = (await stored())!;
    const bad = await press(ANN, "proforma.draft", buttonData(card, "proforma.draft"), {
      ...STEP_INPUTS[5],
      links: "http://insecure.example\nhttps://ok.example",
    });
    assert.match(cardText(bad), /Links: address 1 is not an https address/);
    assert.equal(inputValue(bad, "replication"), "Needs a community partner.");
    const after = (await stored())!;
    assert.equal(after.etag, before.etag);
    assert.equal(after.proforma.version, before.proforma.version);
  });

  it("when submitted from the last step, then it is submitted, versioned, and a feed row carries its outcome areas and priorities", async () => {
    const done = await press(ANN, "proforma.submit", buttonData(card, "proforma.submit"), STEP_INPUTS[5]);
    assert.match(cardText(done), /your proforma is saved/);
    const row = (await stored())!;
    assert.equal(row.proforma.status, "submitted");
    assert.deepEqual(row.proforma.links, ["https://example.org/report", "https://example.org/toolkit"]);
    const [event] = await feed("proforma.submitted");
    assert.equal(event?.borough, HACKNEY);
    assert.equal(event?.title, essentials().title);
    assert.ok(event?.kind === "proforma.submitted");
    assert.equal(event.data?.outcomeAreas, "social-care,youth-justice");
    assert.equal(event.data?.priorities, "adolescent-safeguarding,workforce-leadership");
    const versions = await service.app.proformas.versions(id);
    assert.deepEqual(
      versions.map((v) => v.action),
      ["draft", "draft", "draft", "draft", "draft", "draft", "submitted"],
    );
  });

  it("when three people open the entry, then the author and the coordinator see their buttons, others read only, and the refresh names the author", async () => {
    await say(service.url, CORA, "help");
    const key = { submissionId: id, entryBorough: HACKNEY };
    const forAnn = await press(ANN, "proforma.view", key);
    const forBen = await press(BEN, "proforma.view", key);
    const forCora = await press(CORA, "proforma.view", key);
    assert.deepEqual(buttonTitles(forAnn), ["Edit this section", "Withdraw", "History"]);
    assert.deepEqual(buttonTitles(forBen), []);
    assert.deepEqual(buttonTitles(forCora), ["Edit this section", "Publish", "Withdraw", "History", "Return with a comment", "Return to the author"]);
    assert.equal(forBen.refresh.action.verb, "proforma.view");
    assert.deepEqual([...forBen.refresh.userIds].sort(), [`29:${ANN.id}`, `29:${CORA.id}`].sort());
    assert.match(cardText(forBen), /Culturally informed family group conferences/);
    const approach = await press(BEN, "proforma.view", { ...key, section: 3 });
    assert.match(cardText(approach), /Community advocates co-chaired conferences/);
  });

  it("when the author edits a section, then the change is a new version naming the changed field, with a feed row", async () => {
    now = new Date("2026-03-03T09:00:00Z");
    const form = await press(ANN, "proforma.edit", {
      ...buttonData(await press(ANN, "proforma.view", { submissionId: id, entryBorough: HACKNEY, section: 3 }), "proforma.edit"),
    });
    assert.match(cardText(form), /Edit a shared proforma/);
    assert.equal(inputValue(form, "whatWasDone"), "Community advocates co-chaired conferences.");
    const saved = await press(ANN, "proforma.save", buttonData(form, "proforma.save"), {
      ...STEP_INPUTS[3],
      whatWasDone: "Advocates co-chaired, and trained chairs.",
    });
    assert.match(cardText(saved), /Changes saved/);
    const versions = await service.app.proformas.versions(id);
    const last = versions[versions.length - 1]!;
    assert.equal(last.action, "edited");
    assert.deepEqual(last.changed, ["whatWasDone"]);
    assert.equal(last.actorId, ANN.id);
    assert.equal((await feed("proforma.edited")).length, 1);
  });

  it("when a card opened before someone else's change is saved, then it is refused with the current version and nothing is overwritten", async () => {
    const view = await press(ANN, "proforma.view", { submissionId: id, entryBorough: HACKNEY });
    const annCard = await press(ANN, "proforma.edit", buttonData(view, "proforma.edit"));
    const coraCard = await press(CORA, "proforma.edit", buttonData(view, "proforma.edit"));
    await press(CORA, "proforma.save", buttonData(coraCard, "proforma.save"), essentials({ title: "Family group conferences (edited by LIIA)" }));
    const versionBefore = (await stored())!.proforma.version;
    const stale = await press(ANN, "proforma.save", buttonData(annCard, "proforma.save"), essentials({ title: "Ann's late change" }));
    assert.match(cardText(stale), /Changed since you opened it/);
    assert.match(cardText(stale), /nothing was overwritten/);
    assert.match(cardText(stale), /Family group conferences \(edited by LIIA\)/);
    const row = (await stored())!;
    assert.equal(row.proforma.title, "Family group conferences (edited by LIIA)");
    assert.equal(row.proforma.version, versionBefore);
  });

  it("when the history is opened, then every version shows who, when and what changed, and version numbers count what was shared, not draft saves", async () => {
    const history = await press(ANN, "proforma.history", { submissionId: id, entryBorough: HACKNEY });
    const text = cardText(history);
    // Six draft saves, one submission, two edits: version 3, with the draft saves listed apart.
    assert.match(text, /Version 3: edited, 2026-03-03 09:00/);
    assert.match(text, /Version 1: submitted, 2026-03-02 10:00/);
    assert.equal(text.match(/Draft save: draft/g)?.length, 6);
    assert.doesNotMatch(text, /Version [4-9]/);
    assert.equal((await stored())!.proforma.version, 3);
    assert.match(text, /By Cora Coordinator\. Changed: Title/);
    assert.match(text, /By Ann Example\. Changed: What was done/);
    const refused = await press(BEN, "proforma.history", { submissionId: id, entryBorough: HACKNEY });
    assert.match(cardText(refused), /Not allowed/);
  });

  it("when someone who is not a coordinator presses Publish, then it is refused and nothing changes", async () => {
    const row = (await stored())!;
    const refused = await press(ANN, "proforma.publish", { submissionId: id, entryBorough: HACKNEY, etag: row.etag });
    assert.match(cardText(refused), /Only an LIIA coordinator can publish/);
    assert.equal((await stored())!.etag, row.etag);
  });

  it("when a coordinator publishes, then it joins the library API with its filters, and the feed", async () => {
    const view = await press(CORA, "proforma.view", { submissionId: id, entryBorough: HACKNEY });
    const published = await press(CORA, "proforma.publish", buttonData(view, "proforma.publish"));
    assert.match(cardText(published), /in the LIIA library \(not the public website\)/);
    assert.equal((await stored())!.proforma.status, "published");
    assert.equal((await feed("proforma.published")).length, 1);
    const all = await library();
    assert.equal(all.status, 200);
    assert.deepEqual(
      all.body.entries.map((e: any) => e.id),
      [id],
    );
    assert.equal(all.body.entries[0].contact.jobTitle, "Head of Service");
    assert.equal(all.body.entries[0].authorId, undefined, "no author object id in the library");
    for (const [query, count] of [
      ["?outcomeArea=social-care", 1],
      ["?outcomeArea=education", 0],
      ["?priority=adolescent-safeguarding", 1],
      ["?ethnicGroup=black", 1],
      ["?ethnicGroup=asian", 0],
      ["?level=child-protection", 1],
      ["?borough=Hackney", 1],
      ["?borough=E09000025", 0],
      ["?q=TRAINED%20chairs", 1],
      ["?q=nowhere", 0],
    ] as const) {
      assert.equal((await library(query)).body.count, count, query);
    }
    const bad = await library("?level=everything");
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /The filter level must be one of: universal/);
    assert.equal((await library("?borough=Narnia")).status, 400);
    assert.equal((await library("?colour=red")).status, 400);
  });

  it("when an East-London-only entry is published, then it stays out of the library", async () => {
    const [form] = await say(service.url, BEN, "proforma");
    await press(
      BEN,
      "proforma.submit",
      buttonData(form, "proforma.submit"),
      essentials({ title: "Local only", consentScope: "east-london", contactName: "Ben" }),
    );
    const localId = String(buttonData(form, "proforma.submit").submissionId);
    const view = await press(CORA, "proforma.view", { submissionId: localId, entryBorough: HACKNEY });
    const published = await press(CORA, "proforma.publish", buttonData(view, "proforma.publish"));
    assert.match(cardText(published), /stays out of the LIIA library/);
    assert.ok(!(await library()).body.entries.some((e: any) => e.id === localId));
  });

  it("when a coordinator returns an entry, then an empty comment is refused, the author sees the comment and can submit again", async () => {
    const [form] = await say(service.url, ANN, "proforma");
    await press(ANN, "proforma.submit", buttonData(form, "proforma.submit"), essentials({ title: "To be returned" }));
    const key = { submissionId: String(buttonData(form, "proforma.submit").submissionId), entryBorough: HACKNEY };
    const view = await press(CORA, "proforma.view", key);
    const empty = await press(CORA, "proforma.return", buttonData(view, "proforma.return"), { reviewComment: "   " });
    assert.match(cardText(empty), /Comment is required/);
    const long = await press(CORA, "proforma.return", buttonData(view, "proforma.return"), { reviewComment: "x".repeat(1001) });
    assert.match(cardText(long), /Comment is too long: at most 1,000 characters/);
    await press(CORA, "proforma.return", buttonData(view, "proforma.return"), { reviewComment: "Please add **evidence** [here](https://x.example)" });
    const annView = await press(ANN, "proforma.view", key);
    assert.match(cardText(annView), /Returned by LIIA/);
    assert.ok(!JSON.stringify(annView).includes("https://x.example"), "the comment's link is inert");
    const resumed = await press(ANN, "proforma.resume", buttonData(annView, "proforma.resume"));
    const again = await press(
      ANN,
      "proforma.submit",
      buttonData(resumed, "proforma.submit", "Submit again"),
      essentials({ title: "To be returned", impact: "Now with evidence." }),
    );
    assert.match(cardText(again), /your proforma is saved/);
    assert.equal((await service.app.proformas.get(HACKNEY, key.submissionId))?.status, "submitted");
    assert.equal((await service.app.feed.week(isoWeek(now))).filter((e) => e.kind === "proforma.returned" && e.subjectId === key.submissionId).length, 1);
  });

  it("when the author withdraws, then it leaves the library and the withdrawal is recorded", async () => {
    const view = await press(ANN, "proforma.view", { submissionId: id, entryBorough: HACKNEY });
    const done = await press(ANN, "proforma.withdraw", buttonData(view, "proforma.withdraw"));
    assert.match(cardText(done), /Withdrawn/);
    assert.equal((await library()).body.count, 0);
    assert.equal((await feed("proforma.withdrawn")).length, 1);
    const versions = await service.app.proformas.versions(id);
    assert.equal(versions[versions.length - 1]!.action, "withdrawn");
    const edit = await press(ANN, "proforma.edit", { submissionId: id, entryBorough: HACKNEY });
    assert.match(cardText(edit), /withdrawn/);
  });

  it("when a forged submit carries 40,000 characters, 5,000 emoji, unknown fields and prototype keys, then each field is named with its limit and nothing is stored", async () => {
    const [form] = await say(service.url, ANN, "proforma");
    const data = buttonData(form, "proforma.submit");
    const forged = JSON.parse(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"bad":1}}}`);
    const answer = await press(
      ANN,
      "proforma.submit",
      { ...data, ...forged, phone: "07700 900000" },
      essentials({ summary: "x".repeat(40000), title: "😀".repeat(5000) }),
    );
    assert.match(cardText(answer), /Title is too long: at most 120 characters, this has 10,000/);
    assert.match(cardText(answer), /Summary is too long: at most 2,000 characters, this has 40,000/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(await service.app.proformas.get(HACKNEY, String(data.submissionId)), undefined);
  });

  it("when a borough's staff member shares for another borough, then it is refused and nothing is stored", async () => {
    await service.app.people.put({
      tenantId: BEN.tenantId!,
      objectId: BEN.id,
      name: BEN.name,
      jobTitle: "",
      borough: NEWHAM,
      roles: ["staff"],
      updatedAt: now.toISOString(),
      updatedBy: CORA.id,
    });
    const [form] = await say(service.url, BEN, "proforma");
    assert.equal(inputValue(form, "borough"), NEWHAM, "the form starts at the person's borough");
    const data = buttonData(form, "proforma.submit");
    const refused = await press(BEN, "proforma.submit", data, essentials({ borough: HACKNEY }));
    assert.match(cardText(refused), /You can only share proformas for Newham/);
    assert.equal(await service.app.proformas.get(HACKNEY, String(data.submissionId)), undefined);
  });
});
