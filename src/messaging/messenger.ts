import type { AdaptiveCard } from "../cards/render-card";
import type { ConversationRef } from "../domain/conversation";

/** Posts and updates cards in conversations the bot was added to, outside any turn (proactive). */
export interface Messenger {
  post(ref: ConversationRef, card: AdaptiveCard): Promise<{ activityId: string }>;
  update(ref: ConversationRef, activityId: string, card: AdaptiveCard): Promise<void>;
}

/**
 * A send that failed, with what the Bot Connector said: its HTTP status (undefined when no answer
 * came back at all: the outcome is then unknown) and how long it asked us to wait.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}
