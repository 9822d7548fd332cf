import type { RunLease } from "./delivery-state";
import { LeaseLostError, type RunStore } from "./run-store";

/**
 * Holds a run's lease for the workers of one pass: renews it when half its time is gone, one renewal
 * at a time (two renewals with the same ETag would make the second fail as if the lease were lost).
 * While the pass runs, a heartbeat renews it too, so a pass waiting out a long Retry-After keeps its
 * lease, and a lease whose renewals stop means its holder is dead.
 */
export class LeaseKeeper {
  private renewing?: Promise<RunLease>;
  private heartbeat?: NodeJS.Timeout;
  private lost?: LeaseLostError;
  constructor(
    public lease: RunLease,
    private readonly store: RunStore,
    private readonly now: () => Date,
    private readonly leaseMs: number,
  ) {}

  /** Starts renewing on a timer (a quarter of the lease) until `stop`; the timer keeps no process alive. */
  start(): this {
    this.heartbeat = setInterval(() => {
      this.hold().catch((error) => {
        // A lost lease is remembered for the workers; a storage failure is tried again next beat.
        if (error instanceof LeaseLostError) this.lost = error;
      });
    }, this.leaseMs / 4);
    this.heartbeat.unref?.();
    return this;
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Resolves while the lease is ours; throws LeaseLostError if another instance took the run. */
  async hold(): Promise<RunLease> {
    while (this.renewing) await this.renewing;
    if (this.lost) throw this.lost;
    if (this.lease.leaseUntil - this.now().getTime() > this.leaseMs / 2) return this.lease;
    this.renewing = this.store.renew(this.lease, this.now(), this.leaseMs);
    try {
      this.lease = await this.renewing;
      return this.lease;
    } finally {
      this.renewing = undefined;
    }
  }
}
