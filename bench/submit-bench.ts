import http from "node:http";
import { TableClient, type TransactionAction } from "@azure/data-tables";
import { BOROUGHS } from "../src/domain/boroughs";
import { newId } from "../src/domain/ids";
import type { Proforma } from "../src/proforma/proforma";
import { fullContent } from "../src/proforma/proforma";
import { toEntity } from "../src/proforma/proforma-entity";
import { proformaEvent } from "../src/proforma/proforma-feed";
import { authorEntity, outboxEntity, responseEntity, versionEntity } from "../src/proforma/proforma-rows";
import { startEmbeddedAzurite } from "../src/storage/embedded-azurite";
import { activity, post, type TestUser } from "../tests/support/teams-client";
import { freePort } from "../tests/support/free-port";
import { startServiceProcess } from "./service-process";
import { percentile, round, timedPool } from "./stats";

export interface SubmitFigures {
  floor_p50_ms: number;
  bot_p50_ms: number;
  ratio_p50: number;
  floor_rps_c16: number;
  bot_rps_c16: number;
  ratio_rps_c16: number;
  bot_p99_ms_c16: number;
  /** Storage requests a warm submit makes before it is answered, median turn (goal 1: the save's one transaction). */
  storage_requests_per_submit: number;
  /** All storage requests per submit, with the feed rows' move out of the outbox after the answer. */
  storage_requests_per_submit_all: number;
  peak_rss_mb: number;
}

const USER: TestUser = { id: "00000000-0000-4000-8000-0000000be7c4", name: "Bench User" };

function inputs(i: number): Record<string, unknown> {
  return {
    title: `Benchmark entry ${i}`,
    borough: BOROUGHS[i % BOROUGHS.length]!.code,
    outcomeAreas: "education,social-care",
    summary: "A mentoring programme for Black Caribbean boys at risk of exclusion, run with community partners. ".repeat(4),
    impact: "Fixed-term exclusions fell in the pilot schools.",
    contactName: "Bench User, Head of Service",
    consentScope: "liia",
    noPersonalData: "true",
  };
}

/**
 * The floor: the rows a submit stores (record, version, response, author line, outbox entry), built
 * by the same code as the bot's, written as one transaction straight to the same Azurite.
 */
function floorActions(i: number): TransactionAction[] {
  const now = new Date().toISOString();
  const p: Proforma = {
    ...(inputs(i) as unknown as Proforma),
    outcomeAreas: ["education", "social-care"],
    noPersonalData: true,
    id: newId(),
    status: "submitted",
    authorId: USER.id,
    authorName: USER.name,
    tenantId: "bench",
    createdAt: now,
    updatedAt: now,
    version: 1,
    revision: 1,
    demo: false,
  };
  const actor = { id: USER.id, name: USER.name, tenantId: "bench", roles: [] };
  const version = {
    proformaId: p.id,
    version: 1,
    revision: 1,
    action: "submitted" as const,
    at: now,
    actorId: USER.id,
    actorName: USER.name,
    changed: [],
    comment: "",
    status: p.status,
    content: fullContent(p),
  };
  return [
    ["create", toEntity(p)],
    ["create", versionEntity(p.borough, version)],
    ["upsert", responseEntity(p), "Replace"],
    ["upsert", authorEntity(p), "Replace"],
    ["create", outboxEntity(p.borough, proformaEvent("proforma.submitted", p, actor))],
  ];
}

/** Forwards HTTP to Azurite and counts the requests; for counting only, never on a timed path. */
async function countingProxy(target: URL): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let seen = 0;
  const server = http.createServer((req, res) => {
    seen++;
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, count: () => seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function submitter(url: string): (i: number) => Promise<void> {
  return async (i) => {
    const answer = await post(
      url,
      activity(USER, {
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "proforma.submit", data: { verb: "proforma.submit", submissionId: newId(), ...inputs(i) } } },
      }),
    );
    if (answer.status !== 200 || !/saved/.test(JSON.stringify(answer.body))) throw new Error(`submit ${i} answered ${answer.status}`);
  };
}

/**
 * Storage requests per warm submit, through a counting proxy in front of the same Azurite (a second
 * service process, so the timed runs never pass the proxy): those made while each submit's turn runs,
 * and all of them once the feed rows have moved.
 */
async function countRequests(connectionString: string, submits: number): Promise<{ inTurn: number; all: number }> {
  const endpoint = new URL(/TableEndpoint=([^;]+)/.exec(connectionString)![1]!);
  const proxy = await countingProxy(endpoint);
  const proxied = connectionString.replace(`:${endpoint.port}/`, `:${proxy.port}/`);
  const service = await startServiceProcess({ STORAGE_CONNECTION_STRING: proxied });
  try {
    const submit = submitter(service.url);
    for (let i = 0; i < 20; i++) await submit(i);
    await new Promise((r) => setTimeout(r, 500));
    // In the turn: each submit alone, well after the previous one's feed rows have moved; the median
    // turn, so a timer's request that happens to fall inside one turn does not count.
    const perTurn: number[] = [];
    const spaced = Math.max(10, Math.floor(submits / 4));
    for (let i = 0; i < spaced; i++) {
      const before = proxy.count();
      await submit(i);
      perTurn.push(proxy.count() - before);
      await new Promise((r) => setTimeout(r, 400));
    }
    // All of them, back to back: the feed rows of submits close together move together.
    const start = proxy.count();
    for (let i = 0; i < submits; i++) await submit(i);
    await new Promise((r) => setTimeout(r, 500));
    return { inTurn: percentile(perTurn, 50), all: (proxy.count() - start) / submits };
  } finally {
    await service.stop();
    await proxy.close();
  }
}

/**
 * Proforma submissions through POST /api/messages (adaptiveCard/action invokes) at concurrency 1 and 16,
 * against the floor: the same rows written as one transaction straight to the same Azurite.
 */
export async function benchSubmit(options: { sequential: number; concurrent: number; log: (m: string) => void }): Promise<SubmitFigures> {
  const azurite = await startEmbeddedAzurite();
  try {
    const service = await startServiceProcess({ STORAGE_CONNECTION_STRING: azurite.connectionString });
    let timed: Omit<SubmitFigures, "storage_requests_per_submit" | "storage_requests_per_submit_all">;
    try {
      const table = TableClient.fromConnectionString(azurite.connectionString, "proformas", { allowInsecureConnection: true });
      const submit = submitter(service.url);
      const floor = async (i: number) => {
        await table.submitTransaction(floorActions(i));
      };
      // Warm both paths (JIT, connections, table creation) before measuring.
      await timedPool(50, 4, submit);
      await timedPool(50, 4, floor);

      options.log(`submit: ${options.sequential} sequential submissions, bot and floor interleaved`);
      const botSeq: number[] = [];
      const floorSeq: number[] = [];
      for (let i = 0; i < options.sequential; i++) {
        let t = performance.now();
        await submit(i);
        botSeq.push(performance.now() - t);
        t = performance.now();
        await floor(i);
        floorSeq.push(performance.now() - t);
      }
      options.log(`submit: ${options.concurrent} submissions at concurrency 16`);
      const floorC16 = await timedPool(options.concurrent, 16, floor);
      const botC16 = await timedPool(options.concurrent, 16, submit);
      const floorRps = options.concurrent / (floorC16.wallMs / 1000);
      const botRps = options.concurrent / (botC16.wallMs / 1000);
      const floorP50 = percentile(floorSeq, 50);
      const botP50 = percentile(botSeq, 50);
      timed = {
        floor_p50_ms: round(floorP50),
        bot_p50_ms: round(botP50),
        ratio_p50: round(botP50 / floorP50),
        floor_rps_c16: round(floorRps, 0),
        bot_rps_c16: round(botRps, 0),
        ratio_rps_c16: round(botRps / floorRps),
        bot_p99_ms_c16: round(percentile(botC16.latencies, 99)),
        peak_rss_mb: round(service.peakRssMb(), 0),
      };
    } finally {
      await service.stop();
    }
    options.log("submit: counting storage requests per warm submit");
    const requests = await countRequests(azurite.connectionString, 200);
    return { ...timed, storage_requests_per_submit: round(requests.inTurn), storage_requests_per_submit_all: round(requests.all) };
  } finally {
    await azurite.stop();
  }
}
