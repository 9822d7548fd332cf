import type { Actor } from "./actor";

/**
 * Where a message can be posted later: the parts of a Bot Framework conversation reference we keep
 * (service URL, tenant, conversation id), as plain data.
 */
export interface ConversationRef {
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  channelId: string;
  conversationType: "personal" | "groupChat" | "channel";
  botId: string;
  /** The Teams team and channel ids, for channel conversations. */
  teamId?: string;
  /** For a personal chat: the Teams user id of the person (29:...), and their Entra object id. */
  userId?: string;
  userObjectId?: string;
}

/** One request from a person: who, and in which conversation. */
export interface Turn {
  actor: Actor;
  conversation: ConversationRef;
  /**
   * What Teams calls the conversation ("Team › Channel", a group chat's topic), asked of Teams when
   * the activity does not say; empty when it is not known. Only the edge that talks to Teams sets it.
   */
  conversationName?: () => Promise<string>;
}

/**
 * The conversation to keep for a team channel: the channel itself. Teams names a channel message's
 * conversation by its thread, `<channel id>;messageid=<root post id>` (channelData.channel.id holds the
 * channel); posting to that id later adds a reply to the thread where someone once typed a command,
 * out of sight, while posting to the channel's id starts a new post in the channel.
 */
export function channelConversationId(conversationId: string, channelDataChannelId?: unknown): string {
  if (typeof channelDataChannelId === "string" && channelDataChannelId && conversationId.startsWith(channelDataChannelId)) return channelDataChannelId;
  const thread = conversationId.search(/;messageid=/i);
  return thread > 0 ? conversationId.slice(0, thread) : conversationId;
}
