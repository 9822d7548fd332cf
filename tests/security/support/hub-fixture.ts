import { TableClient } from "@azure/data-tables";
import { loadConfig } from "../../../src/config/config";
import { startService, type RunningService } from "../../../src/service";
import type { EmbeddedAzurite } from "../../../src/storage/embedded-azurite";
import type { TableName } from "../../../src/storage/table-names";
import { startTestAzurite } from "../../support/test-service";
import { capturingLogger } from "./log-capture";
import { FaultInjector } from "./fault-injector";
import { COORDINATOR, councilEnv } from "./people";

/** A running service on its own Azurite, with its log kept for checks. */
export interface HubFixture {
  azurite: EmbeddedAzurite;
  service: RunningService;
  logs: Record<string, unknown>[];
  table(name: TableName): TableClient;
  rows(name: TableName): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startHub(
  env: Record<string, string> = {},
  options: { port?: number; service?: Parameters<typeof startService>[2] } = {},
): Promise<HubFixture> {
  const azurite = await startTestAzurite(options.port);
  const { logger, lines } = capturingLogger();
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", STORAGE_CONNECTION_STRING: azurite.connectionString, ...env });
  const service = await startService(config, logger, options.service);
  const fixture: HubFixture = {
    azurite,
    service,
    logs: lines,
    table: (name) => TableClient.fromConnectionString(fixture.azurite.connectionString, name, { allowInsecureConnection: true }),
    async rows(name) {
      const rows: Record<string, unknown>[] = [];
      for await (const e of fixture.table(name).listEntities<Record<string, unknown>>()) rows.push(e);
      return rows;
    },
    async stop() {
      await service.stop();
      await fixture.azurite.stop();
    },
  };
  return fixture;
}

/** A hub of the eight councils whose storage calls a case may fail on purpose. */
export interface FaultyHub {
  hub: HubFixture;
  faults: FaultInjector;
}

/** The setup and teardown every suite on a `FaultyHub` shares: one coordinator, the councils' tenants. */
export const faultyHubLifecycle = {
  async setup(): Promise<FaultyHub> {
    const hub = await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() });
    return { hub, faults: new FaultInjector(hub.service.storage) };
  },
  async teardown(f: FaultyHub): Promise<void> {
    f.faults.remove();
    await f.hub.stop();
  },
};
