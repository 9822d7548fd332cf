import type { ConversationRef } from "../domain/conversation";

/** What a registered conversation is for. */
export type ChannelRole = "dcs" | "borough" | "leads" | "coordinators";

export interface ChannelRecord {
  ref: ConversationRef;
  /** Set by a coordinator with `register this channel as ...`; undefined until then. */
  role?: ChannelRole;
  /** The borough a dcs or borough channel belongs to (GSS code). */
  borough?: string;
  /** What Teams calls the conversation ("Team › Channel", a group chat's topic), when it told us. */
  name: string;
  updatedAt: string;
}

export interface ChannelStore {
  /** Keeps a conversation's reference fresh; never changes its role; an empty name keeps the one stored. */
  remember(ref: ConversationRef, name: string, now: Date): Promise<void>;
  get(tenantId: string, conversationId: string): Promise<ChannelRecord | undefined>;
  setRole(tenantId: string, conversationId: string, role: ChannelRole | undefined, borough: string | undefined, now: Date): Promise<void>;
  forget(tenantId: string, conversationId: string): Promise<void>;
  list(): Promise<ChannelRecord[]>;
  /** The conversations registered with a role (e.g. every DCS channel), by a filtered query. */
  withRole(role: ChannelRole): Promise<ChannelRecord[]>;
  /** The personal chat with a person, if the bot has one (to send them a card one-to-one). */
  personalChat(tenantId: string, objectId: string): Promise<ChannelRecord | undefined>;
  /**
   * Erasure: deletes every personal-chat row of the person, in any tenant (the chat and its
   * `person:` index row), and answers the chats so copies posted there can be forgotten too.
   */
  forgetPersonalChats(objectId: string): Promise<ChannelRecord[]>;
}
