import type { AppContext } from "../../src/composition";
import type { FeedEventOf, FeedKind } from "../../src/activity-feed/feed-event";
import type { ChannelRole } from "../../src/channels/channel-store";
import type { ConversationRef } from "../../src/domain/conversation";
import { Pacer } from "../../src/delivery/pacer";

export const TENANT = "11111111-1111-4111-8111-111111111111";
export const HACKNEY = "E09000012";
export const NEWHAM = "E09000025";

/** Registers a conversation with a role, as `register this channel as ...` would. */
export async function registerChannel(
  ctx: AppContext,
  conversationId: string,
  serviceUrl: string,
  role: ChannelRole,
  borough?: string,
  name = conversationId,
): Promise<ConversationRef> {
  const ref: ConversationRef = {
    conversationId,
    serviceUrl,
    tenantId: TENANT,
    channelId: "msteams",
    conversationType: "channel",
    botId: "28:bot",
    teamId: "19:team@thread.tacv2",
  };
  await ctx.channels.remember(ref, name, ctx.now());
  await ctx.channels.setRole(TENANT, conversationId, role, borough, ctx.now());
  return ref;
}

/** Removes every registered channel, so each test starts with its own. */
export async function clearChannels(ctx: AppContext): Promise<void> {
  for (const c of await ctx.channels.list()) await ctx.channels.forget(c.ref.tenantId, c.ref.conversationId);
}

/** Virtual time for pacing and backoff: sleeping advances the clock at once; every wait is recorded. */
export function virtualTime(): { waits: number[]; sleep: (ms: number) => Promise<void>; pacer: Pacer; now: () => number } {
  let t = 0;
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    t += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
  const now = () => t;
  return {
    waits,
    sleep,
    now,
    pacer: new Pacer({
      now,
      sleep: async (ms) => {
        t += ms;
        await new Promise((r) => setImmediate(r));
      },
    }),
  };
}

export async function feedEvent(
  ctx: AppContext,
  week: string,
  e: { key: string; kind: FeedKind; at: string; borough?: string; title?: string; data?: Record<string, string | number | boolean | null> },
): Promise<void> {
  // Test rows carry only the facts a test is about.
  await ctx.feed.record({ week, subjectId: e.key, ...e } as FeedEventOf<FeedKind>);
}
