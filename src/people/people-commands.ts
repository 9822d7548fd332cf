import type { PeopleDeps } from "./people-deps";
import type { CommandHandler } from "../domain/handlers";
import { recordAudit } from "../audit/record-audit";
import { inert } from "../cards/inert-text";
import { noticeCard } from "../cards/notice-card";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { assertCoordinator } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { parseRoleCommand, type RoleChange } from "./parse-role-command";
import type { Person } from "./person";

/** The tenant a person belongs to: as given; else the council tenant mapped to the borough; else the coordinator's. */
function tenantFor(ctx: PeopleDeps, turn: Turn, change: RoleChange): string {
  if (change.tenantId) return change.tenantId;
  if (change.borough) {
    const mapped = Object.entries(ctx.config.tenantBoroughs).filter(([, code]) => code === change.borough);
    if (mapped.length === 1) return mapped[0]![0];
  }
  return turn.actor.tenantId;
}

/** `role <object id> <coordinator|dcs|lead|staff> [borough] [tenant id]` (coordinators only). */
export const setRole: CommandHandler<PeopleDeps> = async (ctx: PeopleDeps, turn: Turn, args: string) => {
  assertCoordinator(turn.actor, "give people roles");
  const change = parseRoleCommand(args);
  if ("error" in change) throw new HubError("invalid-input", change.error);
  const tenantId = tenantFor(ctx, turn, change);
  const existing = await ctx.people.get(tenantId, change.objectId);
  const borough = change.borough ?? existing?.borough ?? ctx.config.tenantBoroughs[tenantId] ?? "";
  if ((change.role === "dcs" || change.role === "lead") && !borough) {
    throw new HubError(
      "invalid-input",
      `A ${change.role === "dcs" ? "DCS" : "lead"} belongs to a borough: add the borough, e.g. role ${change.objectId} ${change.role} Newham.`,
    );
  }
  const at = ctx.now().toISOString();
  const person: Person = {
    tenantId,
    objectId: change.objectId,
    name: existing?.name ?? "",
    jobTitle: existing?.jobTitle ?? "",
    borough,
    roles: change.role === "staff" ? ["staff"] : [change.role, "staff"],
    updatedAt: at,
    updatedBy: turn.actor.id,
  };
  await ctx.people.put(person);
  const where = boroughByCode(borough)?.name;
  const detail = `${change.objectId} is now ${change.role}${where ? ` for ${where}` : ""}.`;
  await recordAudit(ctx, turn.actor, {
    key: `role.set:${tenantId}:${change.objectId}:${change.role}:${borough}:${at.slice(0, 16)}`,
    action: "role.set",
    recordId: change.objectId,
    borough,
    detail,
  });
  ctx.logger.info({ event: "role.set", objectId: change.objectId, tenantId, role: change.role, borough, by: turn.actor.id }, "role set");
  return noticeCard("Role set", detail, "Good");
};

/** Data bound to cards/people.json. */
export interface PeopleCardData {
  people: { name: string; objectId: string; roles: string; borough: string }[];
}

export function peopleCard(people: Person[]): AdaptiveCard {
  const sorted = [...people].sort(
    (a, b) => (boroughByCode(a.borough)?.name ?? "").localeCompare(boroughByCode(b.borough)?.name ?? "") || a.objectId.localeCompare(b.objectId),
  );
  return renderCard<PeopleCardData>("people", {
    people: sorted.slice(0, 80).map((p) => ({
      name: inert(p.name || "(name not yet seen)"),
      objectId: p.objectId,
      roles: p.roles.filter((r) => r !== "staff").join(", ") || "staff",
      borough: boroughByCode(p.borough)?.name ?? "LIIA / no borough",
    })),
  });
}

/** `people` (coordinators only): everyone given a role, with their borough. */
export const listPeople: CommandHandler<PeopleDeps> = async (ctx: PeopleDeps, turn: Turn) => {
  assertCoordinator(turn.actor, "see people's roles");
  return peopleCard(await ctx.people.list());
};
