/** Backoff for retried sends (other policies, such as the digest schedule's, pass their own): Retry-After when Teams gives one, else exponential with jitter. */
export const BACKOFF = { baseMs: 1000, capMs: 30_000, jitterMs: 250 } as const;

/**
 * The wait before retry number `attempt` (1 for the first retry). Retry-After is honoured and gets a
 * little jitter so instances do not return in step; without it the wait doubles from 1 s up to 30 s,
 * each drawn between half and all of that ("equal jitter").
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
  policy: { baseMs: number; capMs: number; jitterMs: number } = BACKOFF,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 5 * 60_000) + Math.floor(random() * policy.jitterMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
