import type { DigestDeps } from "./digest-deps";
import type { AdaptiveCard } from "../cards/render-card";
import { noticeCard } from "../cards/notice-card";
import type { Turn } from "../domain/conversation";

/**
 * Shows a card to the asker only: as the reply in a one-to-one chat; from a channel or group chat,
 * posted to the asker's one-to-one chat with the bot, with a short note in the channel.
 */
export async function showPrivately(ctx: DigestDeps, turn: Turn, card: AdaptiveCard, command: string): Promise<AdaptiveCard> {
  if (turn.conversation.conversationType === "personal") return card;
  const chat = await ctx.channels.personalChat(turn.actor.tenantId, turn.actor.id);
  if (!chat) return noticeCard("Ask me in a one-to-one chat", `To keep this to you, open a chat with me and type ${command} there.`);
  try {
    await ctx.messenger.post(chat.ref, card);
  } catch (error) {
    ctx.logger.warn({ err: error, command }, "could not post to the asker's one-to-one chat");
    return noticeCard("Ask me in a one-to-one chat", `I could not reach our one-to-one chat: type ${command} there.`, "Warning");
  }
  return noticeCard("Sent to you", "I have put it in our one-to-one chat, so only you see it.");
}
