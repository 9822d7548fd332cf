import { TableClient, TableServiceClient, type TableServiceClientOptions } from "@azure/data-tables";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import path from "node:path";
import type { Config } from "../config/config";
import type { Logger } from "../logging/logger";
import { HubError } from "../domain/errors";
import { startEmbeddedAzurite, devConnectionString, type EmbeddedAzurite } from "./embedded-azurite";
import { TABLES, type TableName } from "./table-names";
import { recreateMissingTablePolicy } from "./recreate-table-policy";

/** Each storage request gives up after this long, so a user hears back well inside Teams' 15 s. */
const REQUEST_TIMEOUT_MS = 3000;

const requestTimeoutPolicy: PipelinePolicy = {
  name: "hubRequestTimeout",
  sendRequest(request, next) {
    if (!request.timeout || request.timeout > REQUEST_TIMEOUT_MS) request.timeout = REQUEST_TIMEOUT_MS;
    return next(request);
  },
};

function clientOptions(connectionString: string, extraPolicies: PipelinePolicy[] = []): TableServiceClientOptions {
  return {
    allowInsecureConnection: /^DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(connectionString) || connectionString.includes("127.0.0.1"),
    // Two quick retries at most: the SDK's default (3 retries, up to 64 s) would outlast a Teams turn.
    retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
    additionalPolicies: [{ policy: requestTimeoutPolicy, position: "perRetry" }, ...extraPolicies.map((policy) => ({ policy, position: "perCall" as const }))],
  };
}

export interface Storage {
  /** "embedded (.data)", "memory" or "connection string": for the start-up log line. */
  readonly description: string;
  tableClient(name: TableName): TableClient;
  /** Resolves when storage answers; throws a HubError("storage-unavailable") otherwise. */
  ping(): Promise<void>;
  /** Creates any missing table; safe to run again. */
  ensureTables(): Promise<void>;
  close(): Promise<void>;
}

class TableStorage implements Storage {
  private readonly clients = new Map<string, TableClient>();
  private readonly service: TableServiceClient;
  constructor(
    private readonly connectionString: string,
    readonly description: string,
    private readonly onClose: () => Promise<void>,
  ) {
    this.service = TableServiceClient.fromConnectionString(connectionString, clientOptions(connectionString));
  }

  tableClient(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const recreate = recreateMissingTablePolicy(() => this.createTable(name));
      client = TableClient.fromConnectionString(this.connectionString, name, clientOptions(this.connectionString, [recreate]));
      this.clients.set(name, client);
    }
    return client;
  }

  async ping(): Promise<void> {
    try {
      const pages = this.service.listTables().byPage({ maxPageSize: 1 });
      await pages.next();
    } catch (error) {
      throw new HubError("storage-unavailable", "Storage cannot be reached.", {}, { cause: error });
    }
  }

  async ensureTables(): Promise<void> {
    await Promise.all(TABLES.map((name) => this.createTable(name)));
  }

  private async createTable(name: string): Promise<void> {
    try {
      await this.service.createTable(name);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 409) throw error;
    }
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

export function storageFromConnectionString(
  connectionString: string,
  description = "connection string",
  onClose: () => Promise<void> = async () => {},
): Storage {
  return new TableStorage(connectionString, description, onClose);
}

async function isAnswering(url: string): Promise<boolean> {
  try {
    const storage = storageFromConnectionString(devConnectionString(url));
    await storage.ping();
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the storage the configuration names: an Azure Storage account (or external Azurite) by
 * connection string; otherwise Azurite inside this process, kept under the data folder or in memory.
 * With `shareRunning`, a command-line tool uses the embedded Azurite of a service already running on
 * this machine instead of opening the same files a second time.
 */
export async function openStorage(options: { config: Config; logger?: Logger; shareRunning?: boolean }): Promise<Storage> {
  const { config } = options;
  let storage: Storage;
  if (config.storage.mode === "connection-string") {
    storage = storageFromConnectionString(config.storage.connectionString);
  } else {
    let embedded: EmbeddedAzurite;
    if (config.storage.mode === "memory") {
      embedded = await startEmbeddedAzurite();
      storage = storageFromConnectionString(embedded.connectionString, "memory (nothing kept on disk)", () => embedded.stop());
    } else {
      const { dataDir, tablePort } = config.storage;
      const runningUrl = `http://127.0.0.1:${tablePort}`;
      if (options.shareRunning && tablePort !== 0 && (await isAnswering(runningUrl))) {
        storage = storageFromConnectionString(devConnectionString(runningUrl), `embedded, shared with the running service at ${runningUrl}`);
      } else {
        try {
          embedded = await startEmbeddedAzurite({ dataDir, port: tablePort });
        } catch (error) {
          if ((error as { code?: string }).code === "EADDRINUSE") {
            throw new HubError(
              "storage-unavailable",
              `Port ${tablePort} is in use: set EMBEDDED_TABLE_PORT to a free port, or stop the other service.`,
              {},
              { cause: error },
            );
          }
          throw error;
        }
        storage = storageFromConnectionString(embedded.connectionString, `embedded (${path.resolve(dataDir)})`, () => embedded.stop());
      }
    }
  }
  await storage.ensureTables();
  return storage;
}
