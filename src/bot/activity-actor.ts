import type { Activity } from "botbuilder";
import type { Config } from "../config/config";
import type { Actor, Role } from "../domain/actor";

/** The tenant an activity comes from, as Teams states it. */
export function tenantOf(activity: Activity): string {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof channelTenant === "string" && channelTenant) return channelTenant.toLowerCase();
  const conversationTenant = activity.conversation?.tenantId;
  return typeof conversationTenant === "string" && conversationTenant ? conversationTenant.toLowerCase() : "";
}

/**
 * Who is asking: the Entra object id and name from the activity (set by Teams, not by card data), the
 * roles and borough decided here on the server.
 */
export function actorOf(activity: Activity, config: Config): Actor {
  const id = (activity.from?.aadObjectId || activity.from?.id || "").toLowerCase();
  const tenantId = tenantOf(activity) || "local";
  const roles: Role[] = ["staff"];
  const localCoordinator = config.auth.mode === "local" && config.coordinators.length === 0;
  if (localCoordinator || config.coordinators.includes(id)) roles.push("coordinator");
  return {
    id,
    name: (activity.from?.name ?? "").slice(0, 200),
    tenantId,
    roles,
    borough: config.tenantBoroughs[tenantId],
  };
}
