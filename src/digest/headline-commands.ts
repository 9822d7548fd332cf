import type { DigestDeps } from "./digest-deps";
import type { CommandHandler } from "../domain/handlers";
import { noticeCard } from "../cards/notice-card";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { withinTurn } from "../delivery/background";
import { deliverRun, type DeliveryOptions, type DeliveryPlan } from "../delivery/deliver-run";
import type { RunSummary } from "../delivery/delivery-state";
import { isCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { safeKey } from "../storage/table-limits";
import { digestHeadlines } from "./compose-digest";
import { chartView, headlineNote, headlineViews, type HeadlineView } from "./digest-card";
import type { DigestChart, DigestHeadline } from "./digest-data";
import { headlineChart } from "./headline-plot";
import { summaryCard } from "./digest-commands";
import { showPrivately } from "./show-privately";

/** Data bound to cards/headlines.json. */
export interface HeadlinesCardData {
  /** "": these headlines belong to no digest week (the convene button then reads the approved headlines). */
  week: string;
  heading: string;
  headlines: HeadlineView[];
  headlineNote: string;
  chartUrl: string;
  chartAlt: string;
}

/** Headlines as posted or shown: the headlines, their forest plot and the numbers behind it. */
export interface HeadlinesContent {
  headlines: DigestHeadline[];
  chart?: DigestChart;
}

export function headlinesCard(content: HeadlinesContent, heading = "Data headlines"): AdaptiveCard {
  return renderCard<HeadlinesCardData>("headlines", {
    week: "",
    heading,
    headlines: headlineViews(content.headlines),
    headlineNote: headlineNote(content.headlines),
    ...chartView(content.chart),
  });
}

async function headlinesContent(ctx: DigestDeps): Promise<HeadlinesContent> {
  const headlines = await digestHeadlines(ctx, HEADLINES_SHOWN);
  const chart = await headlineChart(ctx, headlines);
  return chart ? { headlines, chart } : { headlines };
}

const HEADLINES_SHOWN = 5;

/** `headlines`: the current top headlines, to the asker only. */
export const showHeadlines: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn) =>
  showPrivately(ctx, turn, headlinesCard(await headlinesContent(ctx)), "headlines");

/**
 * The approved headlines as a delivery to the DCS channels: the run key names the analysis run, so
 * each set of headlines reaches each channel once, with the digest's guarantees.
 */
export async function headlinesPlan(ctx: DigestDeps): Promise<DeliveryPlan | undefined> {
  const runId = await ctx.approvals.approvedRunId();
  if (!runId) return undefined;
  return {
    runKey: `headlines-${safeKey(runId)}`,
    label: "the data headlines",
    audience: "dcs",
    compose: async () => JSON.stringify(await headlinesContent(ctx)),
    render: (content) => headlinesCard(readContent(content), "New data headlines"),
  };
}

/** Stored content: runs stored before the chart was added hold the bare list of headlines. */
function readContent(content: string): HeadlinesContent {
  const parsed = JSON.parse(content) as HeadlinesContent | DigestHeadline[];
  return Array.isArray(parsed) ? { headlines: parsed } : parsed;
}

export async function postHeadlines(ctx: DigestDeps, options?: DeliveryOptions): Promise<RunSummary | undefined> {
  const plan = await headlinesPlan(ctx);
  return plan ? deliverRun(ctx, plan, options) : undefined;
}

/** `post headlines` (coordinators): posts the latest stored headlines to every DCS channel, once. */
export const postHeadlinesCommand: CommandHandler<DigestDeps> = async (ctx: DigestDeps, turn: Turn) => {
  if (!isCoordinator(turn.actor)) throw new HubError("forbidden", "Only an LIIA coordinator can post headlines.");
  const result = await withinTurn(ctx, postHeadlines(ctx));
  if (!result.done) return noticeCard("Posting", "The data headlines are going out; any problem will be reported in the coordinators' channel.");
  if (!result.value)
    return noticeCard(
      "No approved headlines yet",
      "No headlines have been approved yet: an analyst stores them (npm run analyse -- --store <files>), one coordinator types propose headlines and a second types approve headlines.",
      "Warning",
    );
  return summaryCard("the data headlines", result.value);
};
