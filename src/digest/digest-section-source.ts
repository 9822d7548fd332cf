import type { DigestDeps } from "./digest-deps";
import type { FeedEvent } from "../activity-feed/feed-event";
import type { DigestLine } from "./digest-data";

/** What a section source is given: the week, its activity-feed rows (read once) and the app's stores. */
export interface DigestSourceInput {
  ctx: DigestDeps;
  week: string;
  events: readonly FeedEvent[];
}

export interface DigestSectionContent {
  summary: string;
  lines: DigestLine[];
}

/**
 * One section of the weekly digest. A feature contributes its section by adding a source to
 * DIGEST_SECTIONS (digest-sections.ts). A source reads the week's feed rows it is given, and may make
 * point reads of current state (e.g. one roster per borough); it must not scan an archive, so the
 * digest's cost follows the week. An empty result shows as "Nothing this week", never a missing section.
 */
export interface DigestSectionSource {
  id: string;
  title: string;
  /** Sections are shown in ascending order. */
  order: number;
  build(input: DigestSourceInput): Promise<DigestSectionContent>;
}
