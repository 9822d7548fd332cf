import type { Activity } from "botbuilder";
import type { ConversationRef } from "../domain/conversation";
import type { Identity } from "../people/resolve-actor";

/** The tenant an activity comes from, as Teams states it. */
export function tenantOf(activity: Activity): string {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof channelTenant === "string" && channelTenant) return channelTenant.toLowerCase();
  const conversationTenant = activity.conversation?.tenantId;
  return typeof conversationTenant === "string" && conversationTenant ? conversationTenant.toLowerCase() : "";
}

/** Who is asking, from the activity as Teams delivered it (never from card data). */
export function identityOf(activity: Activity): Identity {
  return {
    objectId: (activity.from?.aadObjectId || activity.from?.id || "").toLowerCase(),
    name: (activity.from?.name ?? "").slice(0, 200),
    tenantId: tenantOf(activity) || "local",
  };
}

/** The conversation an activity came from, as a reference the bot can post to later. */
export function conversationRefOf(activity: Activity): ConversationRef {
  const type = activity.conversation?.conversationType;
  const channelData = activity.channelData as { team?: { id?: unknown } } | undefined;
  const personal = type === "personal" || (!type && !activity.conversation?.isGroup);
  return {
    conversationId: activity.conversation?.id ?? "",
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
