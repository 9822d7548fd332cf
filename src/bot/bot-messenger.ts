import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { AdaptiveCard } from "../cards/render-card";
import type { Config } from "../config/config";
import type { ConversationRef } from "../domain/conversation";
import { DeliveryError, type Messenger } from "../messaging/messenger";
import { isTrustedServiceUrl } from "../messaging/trusted-service-url";

export function toBotReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: { id: ref.conversationId, tenantId: ref.tenantId, conversationType: ref.conversationType, isGroup: ref.conversationType !== "personal", name: "" },
    bot: { id: ref.botId, name: "Disparities Hub" },
    user: ref.userId ? { id: ref.userId, name: "", aadObjectId: ref.userObjectId } : undefined,
  };
}

function deliveryErrorOf(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { statusCode?: number; response?: { headers?: { get?: (n: string) => string | undefined } }; code?: string; message?: string };
  const status = typeof e?.statusCode === "number" && e.statusCode > 0 ? e.statusCode : undefined;
  const header = e?.response?.headers?.get?.("retry-after");
  const seconds = header !== undefined ? Number(header) : NaN;
  const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : header ? Math.max(0, Date.parse(header) - Date.now()) || undefined : undefined;
  return new DeliveryError(status ? `The Bot Connector answered ${status}` : "No answer from the Bot Connector", status, retryAfterMs, { cause: error });
}

/** Proactive posts through botbuilder's CloudAdapter; refuses any service URL that is not a Bot Connector. */
export class BotMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly config: Config,
  ) {}

  private appId(): string {
    return this.config.auth.mode === "bot-framework" ? this.config.auth.appId : "";
  }

  private guard(ref: ConversationRef): void {
    if (!isTrustedServiceUrl(ref.serviceUrl, this.config.auth.mode === "local")) {
      throw new DeliveryError(`Refused to send to an untrusted service URL (${new URL(ref.serviceUrl, "http://invalid").host})`, 400, undefined);
    }
  }

  async post(ref: ConversationRef, card: AdaptiveCard): Promise<{ activityId: string }> {
    this.guard(ref);
    let activityId = "";
    try {
      await this.adapter.continueConversationAsync(this.appId(), toBotReference(ref), async (context) => {
        const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        activityId = response?.id ?? "";
      });
    } catch (error) {
      throw deliveryErrorOf(error);
    }
    return { activityId };
  }

  async update(ref: ConversationRef, activityId: string, card: AdaptiveCard): Promise<void> {
    this.guard(ref);
    try {
      await this.adapter.continueConversationAsync(this.appId(), toBotReference(ref), async (context) => {
        const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
        activity.id = activityId;
        await context.updateActivity(activity);
      });
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }
}
