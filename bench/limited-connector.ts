import { FakeConnector, type ConnectorCall, type FakeAnswer } from "../tests/support/fake-connector";

/**
 * A fake Bot Connector that enforces Teams' limits (7 messages a second per conversation, 50 requests
 * a second per tenant: learn.microsoft.com "Optimize your bot: rate limiting") and answers a share of
 * sends with 429 and Retry-After, as Teams does under load.
 */
export class LimitedConnector extends FakeConnector {
  readonly throttled: ConnectorCall[] = [];
  private readonly perConversation = new Map<string, number[]>();
  private readonly all: number[] = [];
  private seed = 12345;

  constructor(private readonly options: { throttleShare: number; retryAfterSeconds: number }) {
    super();
    this.answer = (call) => this.decide(call);
  }

  /** A small deterministic generator (Park-Miller), so runs are comparable. */
  private random(): number {
    this.seed = (this.seed * 48271) % 2147483647;
    return this.seed / 2147483647;
  }

  private decide(call: ConnectorCall): FakeAnswer | undefined {
    const t = call.at;
    const window = (list: number[]) => {
      while (list.length > 0 && list[0]! <= t - 1000) list.shift();
      return list;
    };
    const conv = window(this.perConversation.get(call.conversationId) ?? []);
    this.perConversation.set(call.conversationId, conv);
    const tenant = window(this.all);
    const overLimit = conv.length >= 7 || tenant.length >= 50;
    if (overLimit || this.random() < this.options.throttleShare) {
      this.throttled.push(call);
      return { status: 429, headers: { "retry-after": String(this.options.retryAfterSeconds) } };
    }
    conv.push(t);
    tenant.push(t);
    return undefined;
  }
}
