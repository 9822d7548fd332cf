import type { DigestDeps } from "./digest-deps";
import { correctRun, type CorrectionSummary } from "../delivery/correct-run";
import { deliverRun, type DeliveryOptions, type DeliveryPlan } from "../delivery/deliver-run";
import type { RunSummary } from "../delivery/delivery-state";
import { composeDigest } from "./compose-digest";
import { digestCard } from "./digest-card";
import { reviseHeadlines } from "./revise-headlines";
import type { DigestData } from "./digest-data";
import { isoWeek } from "../domain/iso-week";
import { previousWeek } from "./digest-week";

export function digestRunKey(week: string): string {
  return `digest-${week}`;
}

/** The week's digest as a delivery: one card per DCS channel, its own borough's items first. */
export function digestPlan(ctx: DigestDeps, week: string): DeliveryPlan {
  return {
    runKey: digestRunKey(week),
    label: `the digest for ${week}`,
    audience: "dcs",
    compose: async () => {
      const data = await composeDigest(ctx, week);
      // A correction after sending: headlines whose figures changed say so, with what they were.
      const sent = await ctx.runs.content(digestRunKey(week));
      if (sent !== undefined) data.headlines = reviseHeadlines((JSON.parse(sent) as DigestData).headlines ?? [], data.headlines, ctx.now());
      return JSON.stringify(data);
    },
    render: (content, channel) => digestCard(JSON.parse(content) as DigestData, { leadBorough: channel.borough }),
  };
}

/** Sends a week's digest to every DCS channel that has not had it: exactly once per channel. */
export function sendDigest(ctx: DigestDeps, week: string, options?: DeliveryOptions): Promise<RunSummary> {
  return deliverRun(ctx, digestPlan(ctx, week), options);
}

/** Recomposes a week's digest and updates the cards already sent, in place. */
export function correctDigest(ctx: DigestDeps, week: string, options?: DeliveryOptions): Promise<CorrectionSummary> {
  return correctRun(ctx, digestPlan(ctx, week), options);
}

/**
 * The digest last sent: this week's when it went out (a `digest send now`), else the week before (the
 * Monday digest covers the week just ended); undefined when neither was sent.
 */
export async function lastSentWeek(ctx: DigestDeps, now: Date): Promise<string | undefined> {
  const current = isoWeek(now);
  for (const week of [current, previousWeek(current)]) if ((await ctx.runs.content(digestRunKey(week))) !== undefined) return week;
  return undefined;
}
