import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

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
 * Azurite runs on a worker thread of this process, not on the main thread: restify adds methods such
 * as `query` to Node's shared http.IncomingMessage prototype, and Azurite's Express app then skips
 * parsing the query string, so every `$filter` would be silently ignored. A worker has its own copy of
 * Node's modules, out of restify's reach.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const TableServer = require(workerData.serverModule).default;
const TableConfiguration = require(workerData.configModule).default;
(async () => {
  const c = workerData.config;
  const config = new TableConfiguration(c.host, c.port, undefined, c.dbPath, false, false, undefined, undefined, false, true, "", "", "", undefined, false, c.inMemory);
  const server = new TableServer(config);
  try {
    await server.start();
  } catch (error) {
    parentPort.postMessage({ type: "failed", code: error && error.code, message: String(error && error.message) });
    return;
  }
  parentPort.postMessage({ type: "started", url: server.getHttpServerAddress() });
  parentPort.on("message", async (m) => {
    if (m === "stop") {
      await server.close();
      parentPort.postMessage({ type: "stopped" });
    }
  });
})();
`;

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
    dbPath = path.resolve(options.dataDir!, "tables.json");
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      serverModule: require.resolve("azurite/dist/src/table/TableServer"),
      configModule: require.resolve("azurite/dist/src/table/TableConfiguration"),
      config: { host: "127.0.0.1", port: options.port ?? 0, dbPath, inMemory },
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (m: { type: string; url?: string; code?: string; message?: string }) => {
      if (m.type === "started") resolve(m.url!);
      else {
        void worker.terminate();
        reject(Object.assign(new Error(`Azurite did not start: ${m.message}`), { code: m.code }));
      }
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    url,
    connectionString: devConnectionString(url),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.once("message", () => {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        });
        worker.postMessage("stop");
      });
      return stopping;
    },
  };
}
