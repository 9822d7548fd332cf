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
}
