import { BOROUGHS } from "../src/domain/boroughs";
import { newId } from "../src/domain/ids";
import { startEmbeddedAzurite } from "../src/storage/embedded-azurite";
import { activity, type TestUser } from "../tests/support/teams-client";
import { startServiceProcess } from "./service-process";
import { percentile, round } from "./stats";

export interface BurstFigures {
  burst_submits: number;
  burst_saved: number;
  burst_busy: number;
  burst_other: number;
  burst_saved_p95_ms: number;
  burst_busy_p95_ms: number;
  burst_peak_rss_mb: number;
}

const USER: TestUser = { id: "00000000-0000-4000-8000-0000000b0125", name: "Burst User" };

/**
 * A burst of proforma submits, all at once, against the service in its own process (as `npm start`
 * runs it), so its peak memory is its own: how many were saved, how many answered busy (503 with
 * Retry-After), how quickly each kind was answered, and the service's peak RSS.
 */
export async function benchBurst(options: { submits: number; log: (m: string) => void }): Promise<BurstFigures> {
  const azurite = await startEmbeddedAzurite();
  const service = await startServiceProcess({ STORAGE_CONNECTION_STRING: azurite.connectionString });
  try {
    const submit = async (i: number) => {
      const borough = BOROUGHS[i % BOROUGHS.length]!.code;
      const body = activity(USER, {
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: {
            type: "Action.Execute",
            verb: "proforma.submit",
            data: {
              verb: "proforma.submit",
              submissionId: newId(),
              title: `Burst entry ${i}`,
              borough,
              outcomeAreas: "education",
              summary: "A mentoring programme for Black Caribbean boys at risk of exclusion. ".repeat(4),
              impact: "Fixed-term exclusions fell.",
              contactName: "Head of Service",
              consentScope: "liia",
              noPersonalData: "true",
            },
          },
        },
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`${service.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const text = await res.text();
        const ms = performance.now() - t0;
        return { kind: res.status === 200 && /saved/.test(text) ? "saved" : res.status === 503 && res.headers.get("retry-after") ? "busy" : "other", ms };
      } catch {
        // A reset connection or other failure: neither saved nor answered busy.
        return { kind: "other", ms: performance.now() - t0 };
      }
    };
    // Warm the service (JIT, connections, tables) before the burst.
    for (let i = 0; i < 20; i++) await submit(i);
    options.log(`burst: ${options.submits} submits at once`);
    const results = await Promise.all(Array.from({ length: options.submits }, (_, i) => submit(i)));
    const ms = (kind: string) => results.filter((r) => r.kind === kind).map((r) => r.ms);
    return {
      burst_submits: options.submits,
      burst_saved: ms("saved").length,
      burst_busy: ms("busy").length,
      burst_other: ms("other").length,
      burst_saved_p95_ms: round(percentile(ms("saved"), 95), 0),
      burst_busy_p95_ms: round(percentile(ms("busy"), 95), 0),
      burst_peak_rss_mb: round(service.peakRssMb(), 0),
    };
  } finally {
    await service.stop();
    await azurite.stop();
  }
}
