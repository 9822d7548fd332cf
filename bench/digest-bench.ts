import { TableClient, type TransactionAction } from "@azure/data-tables";
import type { AppContext } from "../src/composition";
import type { Storage } from "../src/storage/open-storage";
import { BOROUGHS } from "../src/domain/boroughs";
import { newId } from "../src/domain/ids";
import { isoWeek } from "../src/domain/iso-week";
import { composeDigest } from "../src/digest/compose-digest";
import { toEntity } from "../src/proforma/table-proforma-store";
import type { Proforma } from "../src/proforma/proforma";
import { startTestAzurite, startTestService } from "../tests/support/test-service";
import { percentile, round } from "./stats";

export interface DigestFigures {
  week_entries: number;
  archive_1k_ms: number;
  archive_100k_ms: number;
  ratio: number;
}

function proforma(i: number, at: Date): Proforma {
  const iso = at.toISOString();
  return {
    id: newId(at.getTime()),
    title: `Archived initiative ${i}`,
    borough: BOROUGHS[i % BOROUGHS.length]!.code,
    outcomeAreas: ["education"],
    summary: "An archived entry.",
    impact: "",
    contactName: "Archive",
    consentScope: "liia",
    noPersonalData: true,
    status: "published",
    authorId: `author-${i % 50}`,
    authorName: "Archive",
    tenantId: "bench",
    createdAt: iso,
    updatedAt: iso,
    version: 1,
    demo: false,
  } as Proforma;
}

/**
 * Writes archive proformas, spread over the two years before the measured week, as transactions of 100
 * creates in one borough partition, four at a time, with a client of its own that has the SDK's default
 * patience (filling is not what is measured). Creates, not upserts: Azurite reads the partition for
 * each upsert in a transaction, which slows to minutes as a borough's partition grows.
 */
async function fillArchive(connectionString: string, count: number, offset: number, weekStart: Date): Promise<void> {
  const proformas = TableClient.fromConnectionString(connectionString, "proformas", { allowInsecureConnection: true });
  const open = new Map<string, TransactionAction[]>();
  const batches: TransactionAction[][] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(weekStart.getTime() - (1 + ((i * 7919) % 700)) * 86_400_000);
    const entity = toEntity(proforma(offset + i, at));
    let batch = open.get(entity.partitionKey);
    if (!batch || batch.length >= 100) {
      batch = [];
      open.set(entity.partitionKey, batch);
      batches.push(batch);
    }
    batch.push(["create", entity]);
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) await proformas.submitTransaction(batches[next++]!);
    }),
  );
}

/** The measured week: 200 new entries, submitted and published through the feed as the features write it. */
async function fillWeek(ctx: AppContext, storage: Storage, entries: number, weekStart: Date): Promise<string> {
  const week = isoWeek(weekStart);
  for (let i = 0; i < entries; i++) {
    const at = new Date(weekStart.getTime() + 3_600_000 + i * 60_000);
    const p = proforma(900_000 + i, at);
    await storage.tableClient("proformas").upsertEntity(toEntity(p), "Replace");
    await ctx.feed.record({
      key: `proforma.submitted:${p.id}`,
      kind: "proforma.submitted",
      at: at.toISOString(),
      borough: p.borough,
      subjectId: p.id,
      title: p.title,
      actorId: p.authorId,
      data: { outcomeAreas: "education", priorities: "", status: "submitted", version: 1 },
    });
  }
  return week;
}

async function timeCompose(ctx: AppContext, week: string, runs: number): Promise<number> {
  await composeDigest(ctx, week);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await composeDigest(ctx, week);
    samples.push(performance.now() - t);
  }
  return percentile(samples, 50);
}

/**
 * Composing one week's digest with 200 new entries when the archive holds 1,000 and then 100,000
 * proformas: the cost should follow the week, not the archive. (The archive's own feed rows live in
 * earlier weeks' partitions; Azurite, unlike Azure, scans a whole table for a partition query, so
 * adding them would measure Azurite rather than the digest.)
 */
export async function benchDigest(options: { archive: number; runs: number; log: (m: string) => void }): Promise<DigestFigures> {
  const azurite = await startTestAzurite();
  const service = await startTestService({ azurite });
  try {
    const ctx = service.app;
    const weekStart = new Date(Date.UTC(2026, 10, 23, 9));
    const week = await fillWeek(ctx, service.storage, 200, weekStart);
    options.log(`digest: archive of 1,000 proformas`);
    await fillArchive(azurite.connectionString, 1000, 0, weekStart);
    const small = await timeCompose(ctx, week, options.runs);
    options.log(`digest: archive grown to ${options.archive.toLocaleString("en-GB")} proformas`);
    await fillArchive(azurite.connectionString, options.archive - 1000, 1000, weekStart);
    const large = await timeCompose(ctx, week, options.runs);
    return { week_entries: 200, archive_1k_ms: round(small, 1), archive_100k_ms: round(large, 1), ratio: round(large / small) };
  } finally {
    await service.stop();
    await azurite.stop();
  }
}
