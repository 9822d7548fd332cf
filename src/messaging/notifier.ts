import type { AdaptiveCard } from "../domain/card";
import type { ChannelRecord, ChannelRole, ChannelStore } from "../channels/channel-store";
import type { ConversationRef } from "../domain/conversation";
import type { Logger } from "../logging/logger";
import type { Messenger } from "./messenger";

/** A card that reached a conversation: where, and the activity id to update it later. */
export interface Delivered {
  ref: ConversationRef;
  activityId: string;
}

/**
 * Posts cards to people and to the channels registered with a role. A failed delivery is logged and
 * answered as `undefined`, never thrown: the use case that sends it has already stored its change.
 */
export class Notifier {
  constructor(
    private readonly channels: ChannelStore,
    private readonly messenger: Messenger,
    private readonly logger: Logger,
  ) {}

  /** Posts a card to a person's one-to-one chat with the bot, if the bot has one. */
  async sendToPerson(tenantId: string, objectId: string, card: AdaptiveCard): Promise<Delivered | undefined> {
    const chat = await this.channels.personalChat(tenantId, objectId).catch(() => undefined);
    if (!chat) return undefined;
    return this.deliver(chat.ref, card);
  }

  /** The registered conversations with a role (and, if given, of one borough), by the channel store's role query. */
  async channelsWithRole(role: ChannelRole, borough?: string): Promise<ChannelRecord[]> {
    const all = await this.channels.withRole(role);
    return all.filter((c) => borough === undefined || c.borough === borough);
  }

  async deliver(ref: ConversationRef, card: AdaptiveCard): Promise<Delivered | undefined> {
    try {
      const { activityId } = await this.messenger.post(ref, card);
      return { ref, activityId };
    } catch (error) {
      this.logger.warn({ err: error, conversation: ref.conversationId }, "a card could not be delivered");
      return undefined;
    }
  }
}
