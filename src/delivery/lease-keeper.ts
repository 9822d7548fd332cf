import type { RunLease } from "./delivery-state";
import type { RunStore } from "./run-store";

/**
 * Holds a run's lease for the workers of one pass: renews it when half its time is gone, one renewal
 * at a time (two renewals with the same ETag would make the second fail as if the lease were lost).
 */
export class LeaseKeeper {
  private renewing?: Promise<RunLease>;
  constructor(
    public lease: RunLease,
    private readonly store: RunStore,
    private readonly now: () => Date,
    private readonly leaseMs: number,
  ) {}

  /** Resolves while the lease is ours; throws LeaseLostError if another instance took the run. */
  async hold(): Promise<RunLease> {
    while (this.renewing) await this.renewing;
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
