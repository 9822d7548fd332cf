import type { AppContext } from "../app-context";
import type { AdaptiveCard } from "../cards/render-card";
import type { ChannelRecord, ChannelRole } from "../channels/channel-store";
import type { ConversationRef } from "../domain/conversation";

/**
 * Posts a card to a person's one-to-one chat with the bot. A failed delivery is logged and reported
 * as `false`, never thrown: the use case that sends it has already stored its change.
 */
export async function sendToPerson(
  ctx: AppContext,
  tenantId: string,
  objectId: string,
  card: AdaptiveCard,
): Promise<{ ref: ConversationRef; activityId: string } | undefined> {
  const chat = await ctx.channels.personalChat(tenantId, objectId).catch(() => undefined);
  if (!chat) return undefined;
  return deliver(ctx, chat.ref, card);
}

/** The registered conversations with a role (and, if given, of one borough). */
export async function channelsWithRole(ctx: AppContext, role: ChannelRole, borough?: string): Promise<ChannelRecord[]> {
  const all = await ctx.channels.list();
  return all.filter((c) => c.role === role && (borough === undefined || c.borough === borough));
}

export async function deliver(ctx: AppContext, ref: ConversationRef, card: AdaptiveCard): Promise<{ ref: ConversationRef; activityId: string } | undefined> {
  try {
    const { activityId } = await ctx.messenger.post(ref, card);
    return { ref, activityId };
  } catch (error) {
    ctx.logger.warn({ err: error, conversation: ref.conversationId }, "a card could not be delivered");
    return undefined;
  }
}
