import type { DigestDeps } from "./digest-deps";
import { isIsoWeek } from "../domain/iso-week";
import { HubError } from "../domain/errors";
import type { StoredHeadline } from "../headlines/measure-store";
import { MAX_STORED_LINES, type DigestData, type DigestHeadline, type DigestSection } from "./digest-data";
import { DIGEST_SECTIONS } from "./digest-sections";
import type { DigestSectionSource } from "./digest-section-source";
import { weekLabel } from "./digest-week";
import { headlineChart } from "./headline-plot";
import { withPractice } from "./headline-practice";
import { digestStrips } from "./entry-strip";

/** How many data headlines a digest shows. */
export const DIGEST_HEADLINES = 5;

/** Stored headlines as the digest shows them (ratios to two places, a key that outlives the run). */
export function toDigestHeadlines(stored: readonly StoredHeadline[]): DigestHeadline[] {
  return stored.map((h) => ({
    rank: h.rank,
    // A ladder has one headline per step for the same group: the step keeps their keys apart.
    key: `${h.measure}|${h.areaCode}|${h.period}|${h.group}${h.level ? `|${h.level}` : ""}`,
    group: h.group,
    level: h.level ?? null,
    text: h.text,
    label: `${h.group}, ${h.areaName}`,
    measure: h.measure,
    ratio: Math.round(h.ratio * 100) / 100,
    ratioLow: Math.round(h.ratioLow * 100) / 100,
    ratioHigh: Math.round(h.ratioHigh * 100) / 100,
    ...(h.comparison ? { comparison: h.comparison.text } : {}),
    period: h.period,
    source: h.source,
    synthetic: h.synthetic,
  }));
}

/**
 * The headlines the digest and posts may carry: those of the latest run a second coordinator approved
 * (the two-person rule), never a run only its proposer has seen.
 */
export async function digestHeadlines(ctx: DigestDeps, limit = DIGEST_HEADLINES): Promise<DigestHeadline[]> {
  try {
    const runId = await ctx.approvals.approvedRunId();
    return runId ? await withPractice(ctx, toDigestHeadlines(await ctx.measures.headlinesOfRun(runId, limit))) : [];
  } catch (error) {
    ctx.logger.warn({ err: error }, "headlines could not be read for the digest");
    return [];
  }
}

/**
 * Composes the digest of one ISO week: reads that week's activity-feed partition once and gives it to
 * every section source, then adds the latest data headlines. The cost follows the week's rows (plus a
 * few point reads), never the size of the archive.
 */
export async function composeDigest(ctx: DigestDeps, week: string, sources: readonly DigestSectionSource[] = DIGEST_SECTIONS): Promise<DigestData> {
  if (!isIsoWeek(week)) throw new HubError("invalid-input", `"${week.slice(0, 40)}" is not an ISO week: write it like 2026-W48.`);
  const events = await ctx.feed.week(week);
  const sections: DigestSection[] = [];
  for (const source of [...sources].sort((a, b) => a.order - b.order)) {
    try {
      const content = await source.build({ ctx, week, events });
      sections.push({
        id: source.id,
        title: source.title,
        summary: content.summary,
        lines: content.lines.slice(0, MAX_STORED_LINES),
        omitted: Math.max(0, content.lines.length - MAX_STORED_LINES),
      });
    } catch (error) {
      // One broken source must not stop the digest: its section says so, and the log has the detail.
      ctx.logger.error({ err: error, section: source.id, week }, "a digest section could not be composed");
      sections.push({ id: source.id, title: source.title, summary: "This section could not be prepared this week.", lines: [], omitted: 0 });
    }
  }
  const headlines = await digestHeadlines(ctx);
  const chart = await headlineChart(ctx, headlines);
  const strips = await digestStrips(ctx);
  return {
    week,
    weekLabel: weekLabel(week),
    composedAt: ctx.now().toISOString(),
    events: events.length,
    sections,
    headlines,
    ...(chart ? { chart } : {}),
    ...(strips.length ? { strips } : {}),
  };
}
