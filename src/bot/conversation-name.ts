import { setTimeout as delay } from "node:timers/promises";
import { TeamsInfo, type Activity, type TurnContext } from "botbuilder";
import { channelConversationId } from "../domain/conversation";

/** A lookup of names from Teams gives up after this long: a registration never waits on it. */
const LOOKUP_TIMEOUT_MS = 2000;

interface NamedChannelData {
  team?: { id?: unknown; name?: unknown };
  channel?: { id?: unknown; name?: unknown };
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/**
 * "Team › Channel"; Teams gives the General channel no name, and its id is the team's. With only one
 * of the two known, that one alone when `partial` (after asking Teams), else nothing.
 */
function teamChannel(teamName: string, channelName: string, channelId: string, teamId: string, partial: boolean): string {
  const channel = channelName || (channelId && channelId === teamId ? "General" : "");
  if (teamName && channel) return `${teamName} › ${channel}`;
  if (!partial) return "";
  return channel || (teamName ? `a channel in ${teamName}` : "");
}

/**
 * The conversation's name as far as the activity itself says it: a group chat's topic
 * (conversation.name), or a team channel's team and channel names when Teams sent both (it does on
 * installation and channel events, not on ordinary messages). Empty when the activity does not say.
 */
export function nameInActivity(activity: Partial<Activity>): string {
  const data = (activity.channelData ?? {}) as NamedChannelData;
  if (activity.conversation?.conversationType !== "channel") return text(activity.conversation?.name);
  const channelId = channelConversationId(activity.conversation.id ?? "", data.channel?.id);
  return teamChannel(text(data.team?.name), text(data.channel?.name), channelId, text(data.team?.id), false) || text(activity.conversation.name);
}

function withTimeout<T>(work: Promise<T>): Promise<T | undefined> {
  return Promise.race([work, delay(LOOKUP_TIMEOUT_MS, undefined, { ref: false })]);
}

/**
 * The conversation's name, asking Teams for a channel's team and channel names when the activity does
 * not carry them (TeamsInfo: the team's details and its channel list). Empty when Teams does not
 * answer in time or at all: the caller shows its own fallback.
 */
export async function lookUpConversationName(context: TurnContext): Promise<string> {
  const named = nameInActivity(context.activity);
  if (named || context.activity.conversation?.conversationType !== "channel") return named;
  const data = (context.activity.channelData ?? {}) as NamedChannelData;
  const teamId = text(data.team?.id);
  if (!teamId) return "";
  const channelId = channelConversationId(context.activity.conversation.id ?? "", data.channel?.id);
  const [team, channels] = await Promise.all([
    withTimeout(TeamsInfo.getTeamDetails(context, teamId)).catch(() => undefined),
    withTimeout(TeamsInfo.getTeamChannels(context, teamId)).catch(() => undefined),
  ]);
  const channel = Array.isArray(channels) ? channels.find((c) => c?.id === channelId) : undefined;
  return teamChannel(text(team?.name) || text(data.team?.name), text(channel?.name) || text(data.channel?.name), channelId, teamId, true);
}
