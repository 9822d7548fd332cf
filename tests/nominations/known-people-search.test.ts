import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { FakeConnector } from "../support/fake-connector";
import { findElement } from "../support/card-check";
import { startTestAzurite, startTestService } from "../support/test-service";
import { activity, actionData, cardText, execute, post, type HttpAnswer, type TestUser } from "../support/teams-client";
import { COORD, HACKNEY, HACKNEY_STAFF, NEWHAM, STRANGER, TENANT, assertGoodCard, greet, putPerson, tell } from "../support/leads-support";

/** Another council's tenant, not mapped to any borough in TENANT_BOROUGHS. */
const NEWHAM_TENANT = "22222222-2222-4222-8222-222222222222";
const ZOE: TestUser = { id: "00000000-0000-4000-8000-0000000000e1", name: "Zoë Newham-Lead", tenantId: NEWHAM_TENANT };

/** What Teams sends when someone types into an Input.ChoiceSet whose choices.data is a Data.Query. */
function search(service: RunningService, user: TestUser, queryText: string, dataset = "hub.knownpeople", top = 15): Promise<HttpAnswer> {
  return post(service.url, activity(user, { type: "invoke", name: "application/search", value: { queryText, queryOptions: { skip: 0, top }, dataset } }));
}

/**
 * The nominating card's own typeahead: Teams' organisation-wide people picker searches only the card's
 * tenant (and not in channels), so a nominee from another council is found in the people the Hub
 * knows, over a real `application/search` invoke, and nominated by the value chosen.
 */
describe("the Hub's own people search on the nominating card (HTTP, Azurite)", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: COORD.id } });
    await putPerson(service, HACKNEY_STAFF, HACKNEY, ["staff"]);
    // Zoë talks to the bot from Newham's own tenant: the Hub has seen her there.
    await greet(service, connector, ZOE);
    await service.app.people.put({ ...(await service.app.people.get(NEWHAM_TENANT, ZOE.id))!, borough: NEWHAM });
    for (let i = 1; i <= 20; i++) {
      await service.app.people.put({
        tenantId: TENANT,
        objectId: `00000000-0000-4000-8000-1000000000${String(i).padStart(2, "0")}`,
        name: `Test Person ${i}`,
        jobTitle: "",
        borough: HACKNEY,
        roles: [],
        updatedAt: new Date().toISOString(),
        updatedBy: "test",
      });
    }
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when the nominating card is drawn, then it offers the Hub's own typeahead beside the people picker", async () => {
    const [form] = await tell(service, connector, COORD, "nominate");
    assertGoodCard(form);
    const known = findElement(form, (e) => e.id === "knownNominee");
    assert.equal(known?.type, "Input.ChoiceSet");
    assert.equal(known?.style, "filtered");
    assert.deepEqual(known?.["choices.data"], { type: "Data.Query", dataset: "hub.knownpeople" });
  });

  it("when a coordinator types part of a name or a borough, then the people the Hub knows come back with their borough, accents ignored, at most 15", async () => {
    const byName = await search(service, COORD, "zoe");
    assert.equal(byName.status, 200);
    assert.equal(byName.body.type, "application/vnd.microsoft.search.searchResponse");
    assert.deepEqual(byName.body.value.results, [{ title: "Zoë Newham-Lead · Newham", value: `${ZOE.id}@${NEWHAM_TENANT}` }]);
    const byBorough = await search(service, COORD, "newham lea");
    assert.deepEqual(
      byBorough.body.value.results.map((r: any) => r.title),
      ["Zoë Newham-Lead · Newham"],
    );
    const many = await search(service, COORD, "test person", "hub.knownpeople", 50);
    assert.equal(many.body.value.results.length, 15, "Teams lists 15 at most");
    assert.deepEqual((await search(service, COORD, "nobody-by-this-name")).body.value.results, []);
  });

  it("when someone with no borough on record, or a card with another dataset, searches, then the answer is an error Teams shows, naming the problem", async () => {
    const stranger = await search(service, STRANGER, "zoe");
    assert.equal(stranger.status, 200);
    assert.equal(stranger.body.type, "application/vnd.microsoft.error");
    assert.match(stranger.body.value.message, /borough is not recorded/);
    const other = await search(service, COORD, "zoe", "graph.microsoft.com/users");
    assert.equal(other.body.type, "application/vnd.microsoft.error");
    assert.match(other.body.value.message, /not one the Hub offers/);
  });

  it("when the coordinator nominates the person chosen in the Hub's list, then the nomination names her in her own tenant and her card goes to her chat", async () => {
    const [form] = await tell(service, connector, COORD, "nominate");
    const { nominationId } = actionData(form, "nomination.submit");
    const chosen = (await search(service, COORD, "zoe")).body.value.results[0].value;
    const sent = await execute(service.url, COORD, "nomination.submit", {
      nominationId,
      borough: NEWHAM,
      kind: "lead",
      knownNominee: chosen,
      jobTitle: "Head of Early Help",
    });
    assert.equal(sent.status, 200);
    assert.match(cardText(sent.body.value), /Nomination sent[\s\S]*Zoë Newham-Lead/);
    const [stored] = await service.app.nominations.inBorough(NEWHAM, ["open"]);
    assert.equal(stored?.nomineeId, ZOE.id);
    assert.equal(stored?.nomineeTenantId, NEWHAM_TENANT);
    assert.equal(connector.posts(`a:personal-${ZOE.id}`).length, 1, "the nominee is asked in her one-to-one chat");
  });

  it("when a chosen value is forged (a tenant where the Hub does not know that person), then nothing is saved and the card says so", async () => {
    const [form] = await tell(service, connector, COORD, "nominate");
    const { nominationId } = actionData(form, "nomination.submit");
    const sent = await execute(service.url, COORD, "nomination.submit", {
      nominationId,
      borough: NEWHAM,
      kind: "deputy",
      knownNominee: `00000000-0000-4000-8000-0000000000ff@${NEWHAM_TENANT}`,
      jobTitle: "Head of Service",
    });
    assert.match(cardText(sent.body.value), /does not know the person you nominated/);
    assert.equal((await service.app.nominations.inBorough(NEWHAM, ["open"])).filter((n) => n.kind === "deputy").length, 0);
  });
});
