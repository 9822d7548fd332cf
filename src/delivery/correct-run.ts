import type { DeliveryDeps } from "./delivery-deps";
import { newId } from "../domain/ids";
import { DeliveryError } from "../messaging/messenger";
import { isTrustedServiceUrl } from "../messaging/trusted-service-url";
import { retryDelayMs } from "./backoff";
import { classifyStatus, reasonFor } from "./classify-status";
import { DELIVERY_DEFAULTS, type DeliveryOptions, type DeliveryPlan } from "./deliver-run";
import { realSleep, sharedPacer } from "./pacer";
import { knownDead, passEnded, passStarted, THIS_INSTANCE } from "./live-passes";
import type { RunStore } from "./run-store";

export interface CorrectionSummary {
  runKey: string;
  outcome: "corrected" | "never-sent" | "held-elsewhere";
  updated: number;
  failed: number;
}

/**
 * Replaces a run's content and updates every card already sent, in place (the stored activity ids),
 * instead of posting again. Channels not yet sent get the corrected content when their turn comes.
 */
export async function correctRun(ctx: DeliveryDeps, plan: DeliveryPlan, options: DeliveryOptions = {}): Promise<CorrectionSummary> {
  const store = options.store ?? ctx.runs;
  if ((await store.content(plan.runKey)) === undefined) return { runKey: plan.runKey, outcome: "never-sent", updated: 0, failed: 0 };
  const owner = options.owner ?? `correction-${newId()}`;
  passStarted(owner);
  try {
    return await correctClaimed(ctx, plan, store, owner, options);
  } finally {
    passEnded(owner);
  }
}

async function correctClaimed(ctx: DeliveryDeps, plan: DeliveryPlan, store: RunStore, owner: string, options: DeliveryOptions): Promise<CorrectionSummary> {
  const leaseMs = options.leaseMs ?? DELIVERY_DEFAULTS.leaseMs;
  const claimed = await store.claim(plan.runKey, owner, ctx.now(), leaseMs, plan.compose, { instance: THIS_INSTANCE, isDead: knownDead });
  if ("heldBy" in claimed) return { runKey: plan.runKey, outcome: "held-elsewhere", updated: 0, failed: 0 };
  const content = await plan.compose();
  let lease = await store.replaceContent(claimed.lease, content, ctx.now());
  let updated = 0;
  let failed = 0;
  const pacer = options.pacer ?? sharedPacer;
  for (const row of (await store.rows(plan.runKey)).filter((r) => r.state === "sent" && r.activityId)) {
    const channel = await ctx.channels.get(row.tenantId, row.conversationId);
    if (!channel || !isTrustedServiceUrl(channel.ref.serviceUrl, ctx.config.auth.mode === "local")) {
      failed++;
      continue;
    }
    const card = plan.render(content, channel);
    for (let attempt = 1; ; attempt++) {
      try {
        await pacer.send(row.conversationId, () => ctx.messenger.update(channel.ref, row.activityId, card));
        await store.update(row, { correctedAt: ctx.now().toISOString() }, lease.fence, ctx.now()).catch(() => undefined);
        updated++;
        break;
      } catch (error) {
        const status = error instanceof DeliveryError ? error.status : undefined;
        // An update is safe to repeat (it replaces the same activity), but only retryable answers are retried.
        if (classifyStatus(status) !== "retry" || attempt >= (options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts)) {
          ctx.logger.warn(
            { event: "correction.failed", runKey: plan.runKey, conversation: row.conversationId, reason: reasonFor(status) },
            "a sent card could not be corrected",
          );
          failed++;
          break;
        }
        await (options.sleep ?? realSleep)(retryDelayMs(attempt, error instanceof DeliveryError ? error.retryAfterMs : undefined, options.random));
      }
    }
    lease = await store.renew(lease, ctx.now(), leaseMs);
  }
  await store.release(lease, ctx.now(), { corrected: updated });
  ctx.logger.info({ event: "delivery.corrected", runKey: plan.runKey, updated, failed }, `corrected ${plan.label}`);
  return { runKey: plan.runKey, outcome: "corrected", updated, failed };
}
