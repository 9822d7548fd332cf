import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import { startTestService } from "../support/test-service";
import { actionData, cardText, execute, say, type TestUser } from "../support/teams-client";

const HACKNEY = "E09000012";
/** As the Agents Playground sends them: user ids that are not GUIDs, and an object id one digit too long. */
const ALEX: TestUser = { id: "00000000-0000-0000-0000-0000000000020", name: "Alex Wilber", tenantId: "00000000-0000-0000-0000-0000000000001" };
const MEGAN_ID = "user-id-1";

describe("people as the Teams client names them (local mode, one client user)", function () {
  let service: RunningService;
  before(async () => {
    service = await startTestService();
  });
  after(async () => service?.stop());

  it("when a person talks to the bot, then they are kept as seen (id, name, tenant) and a coordinator can give them a role by that id", async () => {
    await say(service.url, ALEX, "help");
    const seen = await service.app.people.get(ALEX.tenantId!, ALEX.id);
    assert.equal(seen?.name, "Alex Wilber");
    assert.deepEqual(seen?.roles, []);
    const [card] = await say(service.url, ALEX, `role ${MEGAN_ID} staff Hackney`);
    assert.match(cardText(card), /user-id-1 is now staff for Hackney/);
    const [bad] = await say(service.url, ALEX, "role not/an#id staff Hackney");
    assert.match(cardText(bad), /is not a person's id/);
  });

  it("when the client user acts as the nominee, then the nomination picked by a Playground id is accepted by them and confirmed by the coordinator", async () => {
    const [acting] = await say(service.url, ALEX, `act as ${MEGAN_ID} Megan Bowen`);
    assert.match(cardText(acting), /You now act as Megan Bowen/);
    const [mine] = await say(service.url, ALEX, "my data");
    assert.match(cardText(mine), /Megan Bowen/, "turns now count as Megan");
    const [back] = await say(service.url, ALEX, "act as me");
    assert.match(cardText(back), /You act as Alex Wilber again/);

    const [form] = await say(service.url, ALEX, "nominate");
    const { nominationId } = actionData(form, "nomination.submit");
    const sent = await execute(service.url, ALEX, "nomination.submit", {
      nominationId,
      borough: HACKNEY,
      kind: "lead",
      nominee: MEGAN_ID,
      jobTitle: "Head of Service",
    });
    assert.match(cardText(sent.body.value), /Nomination saved|could not reach Megan Bowen|has been asked/);

    await say(service.url, ALEX, `act as ${MEGAN_ID}`);
    const [waiting] = await say(service.url, ALEX, "nominations");
    assert.match(cardText(waiting), /Megan Bowen/);
    const accepted = await execute(service.url, ALEX, "nomination.accept", actionData(waiting, "nomination.accept"));
    assert.match(cardText(accepted.body.value), /Thank you for accepting/);
    // Megan is no coordinator: she cannot confirm herself.
    const refused = await execute(service.url, ALEX, "nomination.confirm", { nominationId });
    assert.match(cardText(refused.body.value), /Only Hackney's DCS or an LIIA coordinator/);

    await say(service.url, ALEX, "act as me");
    const [toConfirm] = await say(service.url, ALEX, "nominations");
    const confirmed = await execute(service.url, ALEX, "nomination.confirm", actionData(toConfirm, "nomination.confirm"));
    assert.match(cardText(confirmed.body.value), /Megan Bowen is now Hackney's borough lead/);
    const [leads] = await say(service.url, ALEX, "leads");
    assert.match(cardText(leads), /Hackney[\s\S]*Megan Bowen/);
  });
});
