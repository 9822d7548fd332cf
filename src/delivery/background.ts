import type { DeliveryDeps } from "./delivery-deps";

const running = new WeakMap<DeliveryDeps, Set<Promise<unknown>>>();

/**
 * Runs slow work (a delivery pass) without holding up a Teams turn, which must answer within about
 * 15 s: waits up to `answerWithinMs` for the result, else lets it finish on its own and says so.
 */
export async function withinTurn<T>(ctx: DeliveryDeps, work: Promise<T>, answerWithinMs = 8000): Promise<{ done: true; value: T } | { done: false }> {
  let set = running.get(ctx);
  if (!set) running.set(ctx, (set = new Set()));
  const tracked = work.then(
    (value) => ({ done: true as const, value }),
    (error) => {
      ctx.logger.error({ err: error }, "a background delivery failed");
      throw error;
    },
  );
  const kept = tracked.catch(() => undefined);
  set.add(kept);
  void kept.finally(() => set!.delete(kept));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => (timer = setTimeout(() => resolve({ done: false }), answerWithinMs)));
  try {
    return await Promise.race([tracked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when every background pass started through this app context has ended. */
export async function settleBackground(ctx: DeliveryDeps): Promise<void> {
  const set = running.get(ctx);
  while (set && set.size > 0) await Promise.all([...set]);
}
