import type { ChannelDeps } from "./channels-deps";
import type { CommandHandler } from "../domain/handlers";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { inert } from "../cards/inert-text";
import { noticeCard } from "../cards/notice-card";
import { assertCoordinator } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import type { ChannelRecord, ChannelRole } from "./channel-store";
import { parseRegistration } from "./parse-registration";

const ROLE_TITLES: Record<ChannelRole, string> = {
  dcs: "DCS channel",
  borough: "borough channel",
  leads: "leads' channel",
  coordinators: "coordinators' channel",
};

export function roleTitle(role: ChannelRole, borough?: string): string {
  const name = borough ? boroughByCode(borough)?.name : undefined;
  return name ? `${name} ${ROLE_TITLES[role]}` : ROLE_TITLES[role];
}

/** `register this channel as dcs [borough] | borough <name> | leads | coordinators` (coordinators only). */
export const registerChannel: CommandHandler<ChannelDeps> = async (ctx: ChannelDeps, turn: Turn, args: string) => {
  assertCoordinator(turn.actor, "register channels");
  const parsed = parseRegistration(args);
  if ("error" in parsed) throw new HubError("invalid-input", parsed.error);
  const { conversation } = turn;
  if (conversation.conversationType === "personal") {
    throw new HubError("invalid-input", "Register a team channel or a group chat: this is a one-to-one chat.");
  }
  // The name people read in `channels`: Teams' team and channel names (or the chat's topic), kept now.
  await ctx.channels.remember(conversation, (await turn.conversationName?.()) ?? "", ctx.now());
  await ctx.channels.setRole(conversation.tenantId, conversation.conversationId, parsed.role, parsed.borough, ctx.now());
  ctx.logger.info({ event: "channel.registered", conversation: conversation.conversationId, role: parsed.role, borough: parsed.borough }, "channel registered");
  return noticeCard("Channel registered", `This conversation is now the ${roleTitle(parsed.role, parsed.borough)}.`, "Good");
};

/** `unregister this channel` (coordinators only): the conversation keeps its reference but loses its role. */
export const unregisterChannel: CommandHandler<ChannelDeps> = async (ctx: ChannelDeps, turn: Turn) => {
  assertCoordinator(turn.actor, "unregister channels");
  const { conversation } = turn;
  const record = await ctx.channels.get(conversation.tenantId, conversation.conversationId);
  if (!record?.role) return noticeCard("Not registered", "This conversation has no role to remove.");
  await ctx.channels.setRole(conversation.tenantId, conversation.conversationId, undefined, undefined, ctx.now());
  return noticeCard("Channel unregistered", `This conversation is no longer the ${roleTitle(record.role, record.borough)}.`, "Good");
};

/** Data bound to cards/channels.json; channel names come from Teams and are shown inert. */
export interface ChannelsCardData {
  channels: { name: string; role: string; type: string }[];
}

/** When Teams gave no name: what the conversation is, as far as the reference says. */
function unnamed(r: ChannelRecord): string {
  if (r.ref.conversationType !== "channel") return "A group chat without a topic";
  return r.ref.teamId && r.ref.teamId === r.ref.conversationId ? "The General channel of a team" : "A team channel";
}

export function channelsCard(records: ChannelRecord[]): AdaptiveCard {
  const order: ChannelRole[] = ["coordinators", "leads", "dcs", "borough"];
  const registered = records
    .filter((r): r is ChannelRecord & { role: ChannelRole } => r.role !== undefined)
    .sort(
      (a, b) =>
        order.indexOf(a.role) - order.indexOf(b.role) || (boroughByCode(a.borough ?? "")?.name ?? "").localeCompare(boroughByCode(b.borough ?? "")?.name ?? ""),
    );
  return renderCard<ChannelsCardData>("channels", {
    channels: registered.slice(0, 60).map((r) => ({
      name: inert(r.name || unnamed(r)),
      role: roleTitle(r.role, r.borough),
      type: r.ref.conversationType === "channel" ? "team channel" : "group chat",
    })),
  });
}

/** `channels` (coordinators only): the registered conversations and their roles. */
export const listChannels: CommandHandler<ChannelDeps> = async (ctx: ChannelDeps, turn: Turn) => {
  assertCoordinator(turn.actor, "see the channel registry");
  return channelsCard(await ctx.channels.list());
};
