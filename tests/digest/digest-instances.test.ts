import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { digestRunKey } from "../../src/digest/send-digest";
import { TableRunStore } from "../../src/delivery/table-run-store";
import { FakeConnector } from "../support/fake-connector";
import { startTestAzurite, startTestService } from "../support/test-service";
import { registerChannel } from "./digest-support";

describe("three service instances on one Azurite, all starting when a digest is due", function () {
  let azurite: EmbeddedAzurite;
  let connector: FakeConnector;
  const services: RunningService[] = [];
  // Monday 30 November 2026, 09:00 London: the 08:00 digest for 2026-W48 is due and unsent.
  const now = () => new Date("2026-11-30T09:00:00Z");

  before(async () => {
    azurite = await startTestAzurite();
    connector = await new FakeConnector().start();
  });
  after(async () => {
    for (const s of services) await s.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it("when all three catch up at the same moment, then each DCS channel gets exactly one digest", async () => {
    const setup = await startTestService({ azurite, now });
    const ids = ["19:a@thread.tacv2", "19:b@thread.tacv2", "19:c@thread.tacv2", "19:d@thread.tacv2"];
    for (const id of ids) await registerChannel(setup.app, id, connector.url, "dcs");
    await setup.stop();

    services.push(...(await Promise.all([0, 1, 2].map(() => startTestService({ azurite, now, schedule: true })))));
    await Promise.all(services.map((s) => s.schedule!.catchUp));

    for (const id of ids) assert.equal(connector.posts(id).length, 1, `one digest in ${id}`);
    assert.equal(connector.calls.length, ids.length, "no other request reached Teams");
    const rows = await new TableRunStore(services[0]!.storage).rows(digestRunKey("2026-W48"));
    assert.deepEqual(
      rows.map((r) => r.state),
      ["sent", "sent", "sent", "sent"],
    );
    assert.equal(new Set(rows.map((r) => r.fence)).size, 1, "one lease generation wrote every row");
  });
});
