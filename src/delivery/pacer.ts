/**
 * Keeps proactive sends within Teams' limits: at most one message a second in any one conversation
 * (Teams allows 7/s, 60 per 30 s; one a second stays inside both) and 30 requests in any one-second
 * window in all (the per-app, per-tenant limit in the older docs; the current one is 50). The window
 * slides and counts a request from the moment it is let through until a second after it ends: a
 * request reaches Teams somewhere in between, so counting only starts (or calendar seconds) would let
 * requests held up on the way (a slow storage write before the post) arrive bunched, 32 in one second.
 * A 429's Retry-After holds back that conversation; a burst of 429s across conversations (three within
 * a second) means Teams is throttling the whole app, and pauses every send for the longest
 * Retry-After. The clock and sleep can be replaced in tests.
 */
export interface PacerOptions {
  perConversationMs?: number;
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Pacer {
  private readonly perConversationMs: number;
  private readonly perSecond: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly lastByConversation = new Map<string, number>();
  /** When recent requests ended, oldest first. */
  private readonly ended: number[] = [];
  private inFlight = 0;
  private readonly waitingForAnEnd: (() => void)[] = [];
  private pausedUntil = 0;
  private readonly recentThrottles: number[] = [];

  constructor(options: PacerOptions = {}) {
    this.perConversationMs = options.perConversationMs ?? 1000;
    this.perSecond = options.perSecond ?? 30;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Runs one request to this conversation when the limits allow it, and counts it until a second
   * after it ends. Everything between being let through and Teams' answer belongs inside `work`.
   */
  async send<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    await this.admit(conversationId);
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.ended.push(this.now());
      this.waitingForAnEnd.splice(0).forEach((wake) => wake());
    }
  }

  private async admit(conversationId: string): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.ended.length > 0 && this.ended[0]! <= t - 1000) this.ended.shift();
      const last = this.lastByConversation.get(conversationId);
      const full = this.inFlight + this.ended.length >= this.perSecond;
      if (full && this.ended.length === 0) {
        // Every counted request is still running: wait for one to end.
        await new Promise<void>((resolve) => this.waitingForAnEnd.push(resolve));
        continue;
      }
      const waits = [last === undefined ? 0 : last + this.perConversationMs - t, full ? this.ended[0]! + 1000 - t : 0, this.pausedUntil - t];
      const wait = Math.max(...waits);
      if (wait <= 0) {
        this.lastByConversation.set(conversationId, t);
        this.inFlight++;
        return;
      }
      await this.sleep(Math.ceil(wait));
    }
  }

  /** Holds every send for a while. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Teams answered 429 with Retry-After for this conversation: hold it back, and everything if 429s come in a burst. */
  throttled(conversationId: string, retryAfterMs: number): void {
    const t = this.now();
    const last = this.lastByConversation.get(conversationId) ?? t;
    this.lastByConversation.set(conversationId, Math.max(last, t + retryAfterMs - this.perConversationMs));
    while (this.recentThrottles.length > 0 && this.recentThrottles[0]! <= t - 1000) this.recentThrottles.shift();
    this.recentThrottles.push(t);
    if (this.recentThrottles.length >= 3) this.pause(retryAfterMs);
  }

  /** Forgets conversations not sent to for a minute, so a long-running service does not grow. */
  prune(): void {
    const t = this.now();
    for (const [id, at] of this.lastByConversation) if (at < t - 60_000) this.lastByConversation.delete(id);
  }
}

/** One pacer per process: every run this instance sends shares the limits. */
export const sharedPacer = new Pacer();
