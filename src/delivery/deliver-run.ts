import type { DeliveryDeps } from "./delivery-deps";
import type { ChannelRecord } from "../channels/channel-store";
import { newId } from "../domain/ids";
import { DeliveryError } from "../messaging/messenger";
import { isTrustedServiceUrl } from "../messaging/trusted-service-url";
import { retryDelayMs } from "./backoff";
import { classifyStatus, reasonFor } from "./classify-status";
import type { DeliveryRow, RunSummary } from "./delivery-state";
import { LeaseKeeper } from "./lease-keeper";
import { knownDead, passEnded, passStarted, THIS_INSTANCE } from "./live-passes";
import { realSleep, sharedPacer } from "./pacer";
import { reportProblems } from "./report-problems";
import { LeaseLostError, RowChangedError, type RunStore } from "./run-store";
import type { DeliveryOptions, DeliveryPlan } from "./delivery-plan";

export type { DeliveryOptions, DeliveryPlan } from "./delivery-plan";

/**
 * The lease is short because it is renewed every quarter of it while a pass runs: a holder whose
 * renewals stop is dead, and its run can be taken over half a minute later.
 */
export const DELIVERY_DEFAULTS = { leaseMs: 30_000, concurrency: 4, maxAttempts: 5 } as const;

interface Pass {
  ctx: DeliveryDeps;
  plan: DeliveryPlan;
  store: RunStore;
  keeper: LeaseKeeper;
  content: string;
  channels: Map<string, ChannelRecord>;
  options: Required<Pick<DeliveryOptions, "maxAttempts" | "sleep" | "random" | "pacer">>;
}

type Tally = "sent" | "alreadySent" | "failed" | "unknown";

/**
 * Sends a run to every channel of its audience, exactly once per channel however many instances try:
 * claim the run (conditional create, else take over an expired lease), add a pending row per channel,
 * then move each row pending -> sending -> sent with conditional writes. A row found in `sending` was
 * mid-send when its instance stopped: it becomes `unknown` and is reported, never resent.
 */
export async function deliverRun(ctx: DeliveryDeps, plan: DeliveryPlan, options: DeliveryOptions = {}): Promise<RunSummary> {
  const store = options.store ?? ctx.runs;
  const leaseMs = options.leaseMs ?? DELIVERY_DEFAULTS.leaseMs;
  const owner = options.owner ?? `pass-${newId()}`;
  passStarted(owner);
  try {
    const claimed = await store.claim(plan.runKey, owner, ctx.now(), leaseMs, plan.compose, { instance: THIS_INSTANCE, isDead: knownDead });
    if ("heldBy" in claimed) {
      ctx.logger.info({ event: "delivery.held", runKey: plan.runKey, heldBy: claimed.heldBy }, "another instance is sending this run");
      return { ...emptySummary(plan), outcome: "held-elsewhere" };
    }
    const keeper = new LeaseKeeper(claimed.lease, store, ctx.now, leaseMs).start();
    try {
      return await deliverClaimed({ ctx, plan, store, keeper, content: claimed.content, options });
    } catch (error) {
      // The pass died (storage failed under it): hand the lease back now if storage allows, so the
      // next pass need not wait for it to run out. If it does not, this instance still knows the pass
      // is dead and takes the lease over at once.
      if (!(error instanceof LeaseLostError)) {
        await store.release(keeper.lease, ctx.now(), { abandonedAt: ctx.now().toISOString() }).catch(() => undefined);
      }
      throw error;
    } finally {
      keeper.stop();
    }
  } finally {
    passEnded(owner);
  }
}

function emptySummary(plan: DeliveryPlan): Omit<RunSummary, "outcome"> {
  return { runKey: plan.runKey, channels: 0, sent: 0, alreadySent: 0, failed: 0, unknown: 0, unfinished: 0 };
}

async function deliverClaimed(claimed: {
  ctx: DeliveryDeps;
  plan: DeliveryPlan;
  store: RunStore;
  keeper: LeaseKeeper;
  content: string;
  options: DeliveryOptions;
}): Promise<RunSummary> {
  const { ctx, plan, store, keeper, options } = claimed;
  const targets = await ctx.channels.withRole(plan.audience);
  for (const channel of targets) await store.ensureRow(plan.runKey, channel.ref.tenantId, channel.ref.conversationId, keeper.lease.fence, ctx.now());
  const rows = await store.rows(plan.runKey);
  const channels = new Map(targets.map((c) => [`${c.ref.tenantId}|${c.ref.conversationId}`, c]));
  const pass: Pass = {
    ctx,
    plan,
    store,
    keeper,
    content: claimed.content,
    channels,
    options: {
      maxAttempts: options.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? Math.random,
      pacer: options.pacer ?? sharedPacer,
    },
  };
  const tally = { sent: 0, alreadySent: 0, failed: 0, unknown: 0, unfinished: 0 };
  let lost = false;
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row && !lost; row = queue.shift()) {
      try {
        tally[await deliverRow(pass, row)]++;
      } catch (error) {
        if (error instanceof LeaseLostError) lost = true;
        else {
          // Storage failed around this row: it stays as it is (pending or sending) for a later pass.
          ctx.logger.error({ err: error, runKey: plan.runKey, conversation: row.conversationId }, "a delivery could not be recorded");
          tally.unfinished++;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DELIVERY_DEFAULTS.concurrency) }, worker));
  const summary: RunSummary = {
    ...emptySummary(plan),
    ...tally,
    channels: rows.length,
    outcome: lost ? "lease-lost" : rows.length === 0 ? "no-channels" : "delivered",
  };
  if (!lost) {
    await reportProblems(ctx, store, plan, keeper.lease.fence, options);
    await store
      .release(keeper.lease, ctx.now(), { channels: summary.channels, sent: tally.sent + tally.alreadySent, failed: tally.failed, unknown: tally.unknown })
      .catch((error) => {
        ctx.logger.warn({ err: error, runKey: plan.runKey }, "could not release the run's lease; it will expire");
      });
  }
  ctx.logger.info({ event: "delivery.pass", ...summary }, `delivered ${plan.label}`);
  return summary;
}

/** One channel's row: returns what became of it. Throws LeaseLostError when the run was taken over. */
async function deliverRow(pass: Pass, listed: DeliveryRow): Promise<Tally> {
  const { ctx, store, keeper, options } = pass;
  let row = (await store.row(listed.runKey, listed.rowKey)) ?? listed;
  const fence = () => keeper.lease.fence;
  if (row.state === "sent") return "alreadySent";
  if (row.state === "failed") return "failed";
  if (row.state === "unknown") return "unknown";
  if (row.state === "sending") {
    await keeper.hold();
    return settle(pass, row, { state: "unknown", reason: "the instance sending it stopped mid-send: the card may or may not have been posted" }, "unknown");
  }
  const channel = pass.channels.get(`${row.tenantId}|${row.conversationId}`) ?? (await ctx.channels.get(row.tenantId, row.conversationId));
  if (!channel || channel.role !== pass.plan.audience) {
    return settle(pass, row, { state: "failed", reason: "the channel is no longer registered for this" }, "failed");
  }
  if (!isTrustedServiceUrl(channel.ref.serviceUrl, ctx.config.auth.mode === "local")) {
    ctx.logger.warn(
      { event: "delivery.untrusted-service-url", conversation: row.conversationId },
      "refused to send to a stored service URL that is not a Bot Connector",
    );
    return settle(
      pass,
      row,
      { state: "failed", lastStatus: 400, reason: "its stored service URL is not a Teams Bot Connector, so nothing was sent" },
      "failed",
    );
  }
  const card = pass.plan.render(pass.content, channel);
  for (let attempt = row.attempts + 1; ; attempt++) {
    let status: number | undefined;
    let retryAfter: number | undefined;
    // The row's move to `sending` and the post are paced together: the post reaches Teams only after it.
    const outcome = await options.pacer.send(row.conversationId, async () => {
      await keeper.hold();
      try {
        row = await store.update(row, { state: "sending", attempts: attempt }, fence(), ctx.now());
      } catch (error) {
        if (error instanceof RowChangedError) return "changed" as const;
        throw error;
      }
      try {
        return await ctx.messenger.post(channel.ref, card);
      } catch (error) {
        status = error instanceof DeliveryError ? error.status : undefined;
        retryAfter = error instanceof DeliveryError ? error.retryAfterMs : undefined;
        if (!(error instanceof DeliveryError)) ctx.logger.error({ err: error, runKey: row.runKey }, "send failed unexpectedly");
        return undefined;
      }
    });
    if (outcome === "changed") return "alreadySent";
    if (outcome) return settle(pass, row, { state: "sent", activityId: outcome.activityId, lastStatus: 201, reason: "" }, "sent");
    const verdict = classifyStatus(status);
    if (verdict === "unknown") return settle(pass, row, { state: "unknown", lastStatus: status ?? 0, reason: reasonFor(status) }, "unknown");
    if (verdict === "permanent" || attempt >= options.maxAttempts)
      return settle(pass, row, { state: "failed", lastStatus: status ?? 0, reason: reasonFor(status) }, "failed");
    // Nothing was posted: the row goes back to pending, so a crash while waiting leaves it safe to send.
    row = await store.update(row, { state: "pending", lastStatus: status ?? 0, reason: reasonFor(status) }, fence(), ctx.now());
    const wait = retryDelayMs(attempt, retryAfter, options.random);
    if (status === 429 && retryAfter !== undefined) options.pacer.throttled(row.conversationId, retryAfter);
    ctx.logger.info({ event: "delivery.retry", runKey: row.runKey, conversation: row.conversationId, status, wait }, "retrying a send");
    await options.sleep(wait);
  }
}

async function settle(pass: Pass, row: DeliveryRow, changes: Parameters<RunStore["update"]>[1], tally: Tally): Promise<Tally> {
  try {
    await pass.store.update(row, changes, pass.keeper.lease.fence, pass.ctx.now());
  } catch (error) {
    if (!(error instanceof RowChangedError)) throw error;
    pass.ctx.logger.warn({ runKey: row.runKey, conversation: row.conversationId }, "a delivery row changed under us");
  }
  if (tally !== "sent")
    pass.ctx.logger.warn(
      { event: `delivery.${tally}`, runKey: row.runKey, conversation: row.conversationId, reason: changes.reason },
      "a channel was not delivered",
    );
  return tally;
}
