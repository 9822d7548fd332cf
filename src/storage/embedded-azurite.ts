import { mkdirSync } from "node:fs";
import path from "node:path";
import TableServer from "azurite/dist/src/table/TableServer";
import TableConfiguration from "azurite/dist/src/table/TableConfiguration";

/** The well-known development account every Azurite serves. */
export const DEV_ACCOUNT = "devstoreaccount1";
export const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export function devConnectionString(url: string): string {
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=${url}/${DEV_ACCOUNT};`;
}

export interface EmbeddedAzurite {
  /** Base URL, e.g. http://127.0.0.1:10002 */
  url: string;
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's Table service inside this process, on loopback. With a data folder it keeps its
 * database there (saved every few seconds and on stop); without one it keeps everything in memory.
 * Azurite's telemetry belongs to its command line, which we do not run, so nothing is sent anywhere.
 */
export async function startEmbeddedAzurite(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedAzurite> {
  const inMemory = options.dataDir === undefined;
  let dbPath = "";
  if (!inMemory) {
    mkdirSync(options.dataDir!, { recursive: true });
    dbPath = path.join(options.dataDir!, "tables.json");
  }
  const config = new TableConfiguration(
    "127.0.0.1",
    options.port ?? 0,
    undefined,
    dbPath,
    false,
    false,
    undefined,
    undefined,
    false,
    true,
    "",
    "",
    "",
    undefined,
    false,
    inMemory,
  );
  const server = new TableServer(config);
  await server.start();
  const url = server.getHttpServerAddress();
  let stopped = false;
  return {
    url,
    connectionString: devConnectionString(url),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}
