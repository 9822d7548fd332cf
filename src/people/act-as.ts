import type { PeopleDeps } from "./people-deps";
import type { CommandHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import { HubError } from "../domain/errors";
import { isPersonId, PERSON_ID_WORDS } from "./person-id";

export const ACT_AS_USAGE = "Write: act as <person id> [name], e.g. act as user-id-1 Megan Bowen; act as me goes back to yourself.";

/**
 * `act as <person id> [name]` / `act as me` (local mode only). The Agents Playground has one user, so
 * a nomination could never be accepted by its nominee there: in local mode the client user may try
 * the bot as another person, who has their own record and rights (and is not a coordinator unless
 * given that role). Refused whenever the bot checks Teams tokens.
 */
export const actAs: CommandHandler<PeopleDeps> = async (ctx, turn, args) => {
  if (ctx.config.auth.mode !== "local") throw new HubError("forbidden", "act as works only in local mode, on the computer running the bot.");
  const me = turn.actor.actingFor ?? { tenantId: turn.actor.tenantId, objectId: turn.actor.id, name: turn.actor.name };
  const [id = "", ...nameWords] = args.trim().split(/\s+/).filter(Boolean);
  const at = ctx.now().toISOString();
  if (/^me$/i.test(id) && nameWords.length === 0) {
    await ctx.people.setActingAs(me.tenantId, me.objectId, undefined, at);
    return noticeCard("You are yourself again", `You act as ${me.name || "yourself"} again.`, "Good");
  }
  if (!id) throw new HubError("invalid-input", ACT_AS_USAGE);
  if (!isPersonId(id)) throw new HubError("invalid-input", `"${id.slice(0, 60)}" is not ${PERSON_ID_WORDS}. ${ACT_AS_USAGE}`);
  const objectId = id.toLowerCase();
  if (objectId === me.objectId) {
    await ctx.people.setActingAs(me.tenantId, me.objectId, undefined, at);
    return noticeCard("You are yourself again", `You act as ${me.name || "yourself"} again.`, "Good");
  }
  const known = await ctx.people.get(me.tenantId, objectId);
  const name = nameWords.join(" ").slice(0, 120) || known?.name || "";
  await ctx.people.setActingAs(me.tenantId, me.objectId, { objectId, name }, at);
  if (name && name !== known?.name) await ctx.people.noteSeen(me.tenantId, objectId, name, at);
  return noticeCard(
    `You now act as ${name || objectId}`,
    `Until you type act as me, what you type and press counts as ${name || objectId} (${objectId}), with their roles and borough. Type nominations to see what waits for them.`,
    "Good",
  );
};
