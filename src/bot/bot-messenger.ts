import { MicrosoftAppCredentials } from "botframework-connector";
import type { AdaptiveCard } from "../cards/render-card";
import type { Config } from "../config/config";
import type { ConversationRef } from "../domain/conversation";
import { DeliveryError, type Messenger } from "../messaging/messenger";
import { isTrustedServiceUrl } from "../messaging/trusted-service-url";

/** Each send gives up after this long; the outcome is then unknown (the card may have been posted). */
const SEND_TIMEOUT_MS = 10_000;

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * Proactive posts straight to the Bot Connector REST API (v3/conversations/{id}/activities), with the
 * bot's own token from botframework-connector. Sending ourselves, rather than through the connector
 * client, leaves retries to the caller, who knows which sends are safe to repeat (the connector
 * client silently retries, which could post a digest twice). A service URL that is not a Bot
 * Connector is refused before any token is attached.
 */
export class BotMessenger implements Messenger {
  private readonly credentials?: MicrosoftAppCredentials;

  constructor(private readonly config: Config) {
    if (config.auth.mode === "bot-framework") {
      this.credentials = new MicrosoftAppCredentials(
        config.auth.appId,
        config.auth.appPassword,
        config.auth.appType === "SingleTenant" ? config.auth.tenantId : undefined,
      );
    }
  }

  async post(ref: ConversationRef, card: AdaptiveCard): Promise<{ activityId: string }> {
    const body = await this.send("POST", ref, `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`, this.activity(ref, card));
    const id = (body as { id?: unknown } | undefined)?.id;
    return { activityId: typeof id === "string" ? id : "" };
  }

  async update(ref: ConversationRef, activityId: string, card: AdaptiveCard): Promise<void> {
    await this.send("PUT", ref, `v3/conversations/${encodeURIComponent(ref.conversationId)}/activities/${encodeURIComponent(activityId)}`, {
      ...this.activity(ref, card),
      id: activityId,
    });
  }

  private activity(ref: ConversationRef, card: AdaptiveCard): Record<string, unknown> {
    return {
      type: "message",
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      from: { id: ref.botId },
      conversation: { id: ref.conversationId, tenantId: ref.tenantId, conversationType: ref.conversationType },
      channelData: { tenant: { id: ref.tenantId } },
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
    };
  }

  private async send(method: "POST" | "PUT", ref: ConversationRef, path: string, body: unknown): Promise<unknown> {
    if (!isTrustedServiceUrl(ref.serviceUrl, this.config.auth.mode === "local")) {
      throw new DeliveryError("Refused to send to an untrusted service URL", 400, undefined);
    }
    const url = new URL(path, ref.serviceUrl.endsWith("/") ? ref.serviceUrl : ref.serviceUrl + "/");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.credentials) headers.authorization = `Bearer ${await this.credentials.getToken()}`;
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    } catch (error) {
      throw new DeliveryError("No answer from the Bot Connector", undefined, undefined, { cause: error });
    }
    const text = await response.text().catch(() => "");
    if (!response.ok) {
      throw new DeliveryError(`The Bot Connector answered ${response.status}`, response.status, retryAfterMs(response.headers.get("retry-after")));
    }
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  }
}
