import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { TABLES } from "../../src/storage/table-names";
import { FORMER_STAFF } from "../../src/privacy/forget-person";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { cardText, type TestUser } from "../support/teams-client";
import { COORD, TENANT, assertGoodCard, greet, registerChannel, rows, table, tell } from "../support/leads-support";

const SECOND: TestUser = { id: "00000000-0000-4000-8000-00000000c0d2", name: "Cato Second-Coordinator", tenantId: TENANT };

describe("erasing a coordinator who opened a circulation round", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  let service: RunningService;

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
    service = await startTestService({ azurite, env: { COORDINATORS: `${COORD.id},${SECOND.id}` }, now: () => new Date("2026-11-30T09:00:00Z") });
    for (const u of [COORD, SECOND]) await greet(service, connector, u);
    // A round opens only when at least one borough's channel can receive the invitation.
    await registerChannel(service, connector, "19:hackney-borough@thread.tacv2", "borough", "E09000012");
    const [opened] = await tell(service, connector, SECOND, "circulate proforma by 20 December 2026");
    assert.doesNotMatch(cardText(opened), /not allowed|could not/i);
  });
  after(async () => {
    await service?.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when the coordinator asks for my data, then the round they opened is listed", async () => {
    const [card] = await tell(service, connector, SECOND, "my data");
    assertGoodCard(card);
    assert.match(cardText(card), /Round opened 2026-11-30, deadline 2026-12-20/);
  });

  it("when another coordinator forgets them, then the round stays with its opener anonymous and no table holds their id or name", async () => {
    const [card] = await tell(service, connector, COORD, `forget ${SECOND.id}`);
    assert.match(cardText(card), /1 circulation round\(s\)/);
    const round = await service.app.circulations.latest();
    assert.equal(round?.deadline, "2026-12-20");
    assert.equal(round?.openedBy, "");
    assert.equal(round?.openedByName, FORMER_STAFF);
    for (const name of TABLES) {
      const json = JSON.stringify(await rows(table(azurite, name)));
      assert.ok(!json.includes(SECOND.id), `${name} holds no object id of the erased coordinator`);
      assert.ok(!json.includes(SECOND.name), `${name} holds no name of the erased coordinator`);
    }
  });
});
