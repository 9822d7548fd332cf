import type { Activity } from "botbuilder";
import { channelConversationId, type ConversationRef } from "../domain/conversation";
import type { Identity } from "../people/resolve-actor";

/** The tenant an activity comes from, as Teams states it. */
export function tenantOf(activity: Activity): string {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof channelTenant === "string" && channelTenant) return channelTenant.toLowerCase();
  const conversationTenant = activity.conversation?.tenantId;
  return typeof conversationTenant === "string" && conversationTenant ? conversationTenant.toLowerCase() : "";
}

/**
 * True when the activity names two different tenants: `channelData.tenant.id` and
 * `conversation.tenantId` both present and not the same. Teams always sends the same tenant in both, so
 * a disagreement means a crafted activity, and it is refused whichever one is on the allow-list.
 */
export function tenantsDisagree(activity: Activity): boolean {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const conversationTenant = activity.conversation?.tenantId;
  if (typeof channelTenant !== "string" || !channelTenant || typeof conversationTenant !== "string" || !conversationTenant) return false;
  return channelTenant.toLowerCase() !== conversationTenant.toLowerCase();
}

/**
 * What is wrong with a request body that is meant to be an activity, in plain words, or undefined when
 * it has what every turn reads: a type, who it is from and the conversation it belongs to.
 */
export function activityShapeProblem(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "The request body must be a JSON activity.";
  const a = body as { type?: unknown; from?: { id?: unknown }; conversation?: { id?: unknown } };
  if (typeof a.type !== "string" || !a.type) return "The activity has no type.";
  if (!a.from || typeof a.from !== "object" || typeof a.from.id !== "string" || !a.from.id) return "The activity does not say who it is from (from.id).";
  if (!a.conversation || typeof a.conversation !== "object" || typeof a.conversation.id !== "string" || !a.conversation.id)
    return "The activity does not name its conversation (conversation.id).";
  return undefined;
}

/** Who is asking, from the activity as Teams delivered it (never from card data). */
export function identityOf(activity: Activity): Identity {
  return {
    objectId: (activity.from?.aadObjectId || activity.from?.id || "").toLowerCase(),
    name: (activity.from?.name ?? "").slice(0, 200),
    tenantId: tenantOf(activity) || "local",
  };
}

/**
 * The conversation an activity came from, as a reference the bot can post to later: for a team
 * channel, the channel (not the thread the message was in), so the registry has one row per channel
 * and what is sent there later appears as a new post. Replies to the turn itself still go to the
 * thread: they are sent with the activity's own conversation, not with this reference.
 */
export function conversationRefOf(activity: Activity): ConversationRef {
  const type = activity.conversation?.conversationType;
  const channelData = activity.channelData as { team?: { id?: unknown }; channel?: { id?: unknown } } | undefined;
  const personal = type === "personal" || (!type && !activity.conversation?.isGroup);
  const id = activity.conversation?.id ?? "";
  return {
    conversationId: type === "channel" ? channelConversationId(id, channelData?.channel?.id) : id,
    serviceUrl: activity.serviceUrl ?? "",
    tenantId: tenantOf(activity) || "local",
    channelId: activity.channelId ?? "msteams",
    conversationType: type === "channel" ? "channel" : type === "groupChat" ? "groupChat" : personal ? "personal" : "groupChat",
    botId: activity.recipient?.id ?? "",
    teamId: typeof channelData?.team?.id === "string" ? channelData.team.id : undefined,
    userId: personal ? activity.from?.id : undefined,
    userObjectId: personal ? (activity.from?.aadObjectId || activity.from?.id || "").toLowerCase() : undefined,
  };
}
