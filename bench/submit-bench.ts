import { TableClient } from "@azure/data-tables";
import { BOROUGHS } from "../src/domain/boroughs";
import { newId } from "../src/domain/ids";
import { toEntity } from "../src/proforma/table-proforma-store";
import type { Proforma } from "../src/proforma/proforma";
import { startEmbeddedAzurite } from "../src/storage/embedded-azurite";
import { activity, post, type TestUser } from "../tests/support/teams-client";
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

/** The same entity the bot stores, for the floor: a straight createEntity into the same Azurite. */
function entity(i: number): Record<string, unknown> & { partitionKey: string; rowKey: string } {
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
    demo: false,
  };
  return toEntity(p);
}

/**
 * Proforma submissions through POST /api/messages (adaptiveCard/action invokes) at concurrency 1 and 16,
 * against the floor: the same entity written straight to the same Azurite with @azure/data-tables.
 */
export async function benchSubmit(options: { sequential: number; concurrent: number; log: (m: string) => void }): Promise<SubmitFigures> {
  const azurite = await startEmbeddedAzurite();
  const service = await startServiceProcess({ STORAGE_CONNECTION_STRING: azurite.connectionString });
  try {
    const table = TableClient.fromConnectionString(azurite.connectionString, "proformas", { allowInsecureConnection: true });
    const submit = async (i: number) => {
      const answer = await post(
        service.url,
        activity(USER, {
          type: "invoke",
          name: "adaptiveCard/action",
          value: { action: { type: "Action.Execute", verb: "proforma.submit", data: { verb: "proforma.submit", submissionId: newId(), ...inputs(i) } } },
        }),
      );
      if (answer.status !== 200 || !/saved/.test(JSON.stringify(answer.body))) throw new Error(`submit ${i} answered ${answer.status}`);
    };
    const floor = async (i: number) => {
      await table.createEntity(entity(i));
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
    return {
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
    await azurite.stop();
  }
}
