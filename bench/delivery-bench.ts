import { isoWeek } from "../src/domain/iso-week";
import { sendDigest } from "../src/digest/send-digest";
import { Pacer } from "../src/delivery/pacer";
import { startTestService } from "../tests/support/test-service";
import { FakeConnector } from "../tests/support/fake-connector";
import { LimitedConnector } from "./limited-connector";
import { round } from "./stats";

export interface DeliveryFigures {
  channels: number;
  wall_s: number;
  min_possible_s: number;
  ratio: number;
  duplicates: number;
  lost: number;
  throttled: number;
}

/** The pacing the delivery engine is held to (issue: at most 30 requests a second in all). */
const REQUESTS_PER_SECOND = 30;

/**
 * One digest to N DCS channels through a fake Bot Connector that enforces Teams' limits and answers 5%
 * of sends with 429 and Retry-After. The floor is the time the pacing itself needs: N / 30 seconds.
 */
export async function benchDelivery(options: { channels: number; log: (m: string) => void }): Promise<DeliveryFigures> {
  const connector = await new LimitedConnector({ throttleShare: 0.05, retryAfterSeconds: 1 }).start();
  const service = await startTestService();
  try {
    const ctx = service.app;
    const now = ctx.now();
    for (let i = 0; i < options.channels; i++) {
      const ref = {
        conversationId: `19:dcs-${i}@thread.tacv2`,
        serviceUrl: connector.url,
        tenantId: `tenant-${i % 8}`,
        channelId: "msteams",
        conversationType: "channel" as const,
        botId: "28:bot",
      };
      await ctx.channels.remember(ref, `DCS channel ${i}`, now);
      await ctx.channels.setRole(ref.tenantId, ref.conversationId, "dcs", undefined, now);
    }
    options.log(`delivery: one digest to ${options.channels} channels through a rate-limited connector`);
    const started = performance.now();
    const summary = await sendDigest(ctx, isoWeek(now), { pacer: new Pacer(), concurrency: 16 });
    const wall = (performance.now() - started) / 1000;
    const posts = connector.posts();
    const perConversation = new Map<string, number>();
    for (const p of posts) perConversation.set(p.conversationId, (perConversation.get(p.conversationId) ?? 0) + 1);
    const duplicates = [...perConversation.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = options.channels - perConversation.size;
    if (summary.unknown > 0 || summary.failed > 0) options.log(`delivery: ${summary.failed} failed, ${summary.unknown} unknown`);
    const min = options.channels / REQUESTS_PER_SECOND;
    return {
      channels: options.channels,
      wall_s: round(wall),
      min_possible_s: round(min),
      ratio: round(wall / min),
      duplicates,
      lost,
      throttled: connector.throttled.length,
    };
  } finally {
    await service.stop();
    await connector.stop();
  }
}

export { FakeConnector };
