import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { checkCard } from "../support/card-check";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { actionData, cardText, execute } from "../support/teams-client";
import {
  COORD,
  HACKNEY,
  HACKNEY_DCS,
  HACKNEY_STAFF,
  NEWHAM,
  NEWHAM_DCS,
  NEWHAM_STAFF,
  putPerson,
  registerChannel,
  table,
  rows,
  tell,
} from "../support/leads-support";

/** "Useful" and "Discuss at the next meeting" on the digest, and the coordinators' view of who pressed what. */
describe("did the digest land: the DCS card's buttons and the coordinators' view", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let connector: FakeConnector;
  let sentCard: any;
  const week = "2026-W49";

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id }, now: () => new Date("2026-12-02T09:00:00Z") });
    await putPerson(service, HACKNEY_DCS, HACKNEY, ["dcs"]);
    await putPerson(service, NEWHAM_DCS, NEWHAM, ["dcs"]);
    await putPerson(service, NEWHAM_STAFF, NEWHAM, ["staff"]);
    await registerChannel(service, connector, "19:dcs-hackney@thread.tacv2", "dcs", HACKNEY);
    const [sent] = await tell(service, connector, COORD, `digest send now ${week}`);
    assert.match(cardText(sent), /sent to 1 channel/);
    sentCard = FakeConnector.card(connector.posts("19:dcs-hackney@thread.tacv2")[0]!);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  async function press(user: typeof COORD, kind: "useful" | "discuss"): Promise<any> {
    const data = actionData(sentCard, "digest.feedback");
    const answer = await execute(service.url, user, "digest.feedback", { ...data, kind });
    assert.equal(answer.status, 200);
    return answer.body.value;
  }

  it("when a DCS presses Useful on the sent digest, then the same digest comes back thanking them, and pressing twice leaves one row", async () => {
    assert.deepEqual(
      JSON.stringify(sentCard).match(/"title":"(Useful|Discuss at the next meeting)"/g)?.length,
      4,
      "both buttons, each with its Action.Submit fallback",
    );
    const answer = await press(HACKNEY_DCS, "useful");
    const card = answer.value ?? answer;
    assert.deepEqual(checkCard(card).errors, []);
    assert.match(cardText(card), /You marked this digest useful[\s\S]*Weekly digest|Weekly digest[\s\S]*You marked this digest useful/);
    await press(HACKNEY_DCS, "useful");
    await press(NEWHAM_DCS, "discuss");
    const stored = (await rows(table(azurite, "feedback"))).filter((r) => r.partitionKey === `digest-${week}`);
    assert.equal(stored.length, 2, "one row per person and button");
  });

  it("when a coordinator asks for the feedback, then each borough lists who pressed which, and nobody who did not press appears", async () => {
    const [card] = await tell(service, connector, COORD, `digest feedback ${week}`);
    assert.deepEqual(checkCard(card).errors, []);
    const text = cardText(card);
    assert.match(text, /2 people pressed a button on the digest for 2026-W49/);
    assert.match(text, /Hackney\nUseful: \nDana Director\nDiscuss at the next meeting: \nnobody/);
    assert.match(text, /Newham\nUseful: \nnobody\nDiscuss at the next meeting: \nNed Newham-Director/);
    for (const absent of [NEWHAM_STAFF.name, HACKNEY_STAFF.name]) assert.ok(!text.includes(absent), `${absent} pressed nothing and is not listed`);
  });

  it("when a DCS presses Show the numbers, then the digest comes back with its numbers open and the coordinators see who opened them", async () => {
    const answer = await execute(service.url, NEWHAM_DCS, "digest.details", { week });
    assert.equal(answer.status, 200);
    const card = answer.body.value;
    assert.deepEqual(checkCard(card).errors, []);
    assert.match(cardText(card), /The numbers are shown below\. The coordinators see that you opened them/);
    const [view] = await tell(service, connector, COORD, `digest feedback ${week}`);
    assert.match(cardText(view), /Newham\nUseful: \nnobody\nDiscuss at the next meeting: \nNed Newham-Director\nOpened the numbers: \nNed Newham-Director/);
    assert.match(cardText(view), /Hackney\nUseful: \nDana Director\nDiscuss at the next meeting: \nnobody\nOpened the numbers: \nnobody/);
    const forged = await execute(service.url, NEWHAM_DCS, "digest.feedback", { week, kind: "opened" });
    assert.match(cardText(forged.body.value), /not known/, "opening is recorded only by its own button");
  });

  it("when a person asks for their data or is erased, then their presses are listed, and then deleted from every week", async () => {
    const [mine] = await tell(service, connector, NEWHAM_DCS, "my data");
    assert.match(cardText(mine), /Digest buttons you pressed\n(Digest for 2026-W49: (Opened the numbers|Discuss at the next meeting) \(2026-12-02\)\n){2}/);
    const [erased] = await tell(service, connector, COORD, `forget ${NEWHAM_DCS.id}`);
    assert.match(cardText(erased), /2 digest button press\(es\)/);
    const left = await rows(table(azurite, "feedback"));
    assert.ok(!left.some((r) => r.objectId === NEWHAM_DCS.id || String(r.partitionKey).includes(NEWHAM_DCS.id)), "nothing of theirs is left");
    assert.ok(
      left.some((r) => r.objectId === HACKNEY_DCS.id),
      "others' presses stay",
    );
    const [view] = await tell(service, connector, COORD, `digest feedback ${week}`);
    assert.match(cardText(view), /1 person pressed a button/);
  });

  it("when someone who is not a coordinator asks for the feedback, or a button is forged, then it is refused plainly", async () => {
    const [refused] = await tell(service, connector, HACKNEY_DCS, `digest feedback ${week}`);
    assert.match(cardText(refused), /Only an LIIA coordinator can see who marked the digest/);
    const forged = await execute(service.url, HACKNEY_DCS, "digest.feedback", { week: "2026-W99", kind: "useful" });
    assert.match(cardText(forged.body.value.value ?? forged.body.value), /does not name a digest week/);
    const odd = await execute(service.url, HACKNEY_DCS, "digest.feedback", { week, kind: "love" });
    assert.match(cardText(odd.body.value.value ?? odd.body.value), /not known/);
  });
});
