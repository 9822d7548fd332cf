import { newId } from "../domain/ids";

/**
 * This process's delivery passes. Each run's lease records the instance (process) that holds it; a
 * lease held by this instance for a pass that is no longer running here belongs to a pass that died
 * (storage failed under it, say), so it can be taken over at once instead of waiting for it to expire.
 * Another instance's lease is known dead only when its renewals stop and it runs out.
 */
export const THIS_INSTANCE = `instance-${newId()}`;

const live = new Set<string>();

export function passStarted(owner: string): void {
  live.add(owner);
}

export function passEnded(owner: string): void {
  live.delete(owner);
}

/** True when a lease's holder is known to be dead: a pass of this instance that is not running. */
export function knownDead(holder: { owner: string; instance: string }): boolean {
  return holder.instance === THIS_INSTANCE && !live.has(holder.owner);
}
