import type { DeliveryDeps } from "./delivery-deps";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { DeliveryError } from "../messaging/messenger";
import { retryDelayMs } from "./backoff";
import { classifyStatus } from "./classify-status";
import type { DeliveryOptions, DeliveryPlan } from "./delivery-plan";
import type { DeliveryRow } from "./delivery-state";
import { realSleep, sharedPacer } from "./pacer";
import { RowChangedError, type RunStore } from "./run-store";

/** Data bound to cards/digest-problems.json. */
export interface DeliveryProblemsData {
  label: string;
  problems: { channel: string; state: string; reason: string }[];
}

export function deliveryProblemsCard(label: string, problems: { channel: string; row: DeliveryRow }[]): AdaptiveCard {
  return renderCard<DeliveryProblemsData>("digest-problems", {
    label,
    problems: problems.slice(0, 40).map(({ channel, row }) => ({
      channel: inert(channel),
      state: row.state === "unknown" ? "Outcome unknown, not resent: please look in the channel" : "Not delivered",
      reason: row.reason,
    })),
  });
}

/**
 * Tells the coordinators' channels which channels did not get a run's card, or may not have: an
 * unknown outcome is never resent blindly, so a person checks. Each problem is reported once.
 */
export async function reportProblems(ctx: DeliveryDeps, store: RunStore, plan: DeliveryPlan, fence: number, options: DeliveryOptions): Promise<void> {
  const rows = (await store.rows(plan.runKey)).filter((r) => (r.state === "unknown" || r.state === "failed") && !r.reported);
  if (rows.length === 0) return;
  const coordinators = await ctx.channels.withRole("coordinators");
  const named = await Promise.all(
    rows.map(async (row) => ({ row, channel: (await ctx.channels.get(row.tenantId, row.conversationId))?.name || row.conversationId })),
  );
  if (coordinators.length === 0) {
    ctx.logger.warn(
      { event: "delivery.unreported", runKey: plan.runKey, problems: rows.length },
      "no coordinators' channel is registered to report delivery problems to",
    );
    return;
  }
  const card = deliveryProblemsCard(plan.label, named);
  let reported = false;
  for (const channel of coordinators) {
    if (await postOnce(ctx, channel.ref, card, options)) reported = true;
  }
  if (!reported) return;
  for (const row of rows) {
    await store.update(row, { reported: true }, fence, ctx.now()).catch((error) => {
      if (!(error instanceof RowChangedError)) throw error;
    });
  }
}

/** Posts a report, retrying what may be retried; true when it was posted. */
async function postOnce(
  ctx: DeliveryDeps,
  ref: Parameters<DeliveryDeps["messenger"]["post"]>[0],
  card: AdaptiveCard,
  options: DeliveryOptions,
): Promise<boolean> {
  const pacer = options.pacer ?? sharedPacer;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await pacer.send(ref.conversationId, () => ctx.messenger.post(ref, card));
      return true;
    } catch (error) {
      const status = error instanceof DeliveryError ? error.status : undefined;
      if (classifyStatus(status) !== "retry") {
        ctx.logger.warn({ err: error, conversation: ref.conversationId }, "could not report delivery problems");
        return classifyStatus(status) === "unknown";
      }
      await (options.sleep ?? realSleep)(retryDelayMs(attempt, error instanceof DeliveryError ? error.retryAfterMs : undefined, options.random));
    }
  }
  return false;
}
