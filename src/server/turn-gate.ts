/**
 * Bounds the bot turns this instance works on at once. A burst beyond what storage can serve only
 * makes every turn slower and the process larger (1,000 submits at once once took p95 5.7 s and
 * 317 MB): up to `maxInFlight` run, up to `maxWaiting` more wait their turn in order (for at most
 * `maxWaitMs`), before their bodies are read, and the rest are answered at once with 503 and
 * Retry-After, which Teams and the Bot Connector honour.
 */
export class TurnGate {
  private inFlight = 0;
  private readonly waiting: ((admitted: boolean) => void)[] = [];

  constructor(
    readonly maxInFlight: number = TURN_LIMITS.maxInFlight,
    readonly maxWaiting: number = TURN_LIMITS.maxWaiting,
    readonly maxWaitMs: number = TURN_LIMITS.maxWaitMs,
  ) {}

  /**
   * Resolves with a release function once the turn may run, or with undefined when it is refused:
   * the queue is full, or the turn waited `maxWaitMs` (Teams would have given up on it by the time it ran).
   */
  async enter(): Promise<(() => void) | undefined> {
    if (this.inFlight >= this.maxInFlight) {
      if (this.waiting.length >= this.maxWaiting) return undefined;
      const admitted = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          const at = this.waiting.indexOf(wake);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve(false);
        }, this.maxWaitMs);
        timer.unref?.();
        const wake = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        this.waiting.push(wake);
      });
      if (!admitted) return undefined;
    } else this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiting turn, so the count never overshoots.
      if (next) next(true);
      else this.inFlight--;
    };
  }

  /** For the log and tests: turns running and waiting now. */
  load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }
}

/**
 * 32 turns at once keep a 2-core instance and its storage busy without queueing inside the storage
 * client; up to 224 more wait, each at most 5 s, so a turn that runs still answers inside the 15 s
 * Teams allows it (an invoke has about 5 s more).
 */
export const TURN_LIMITS = { maxInFlight: 32, maxWaiting: 224, maxWaitMs: 5000, retryAfterSeconds: 2 } as const;
