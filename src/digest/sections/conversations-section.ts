import type { FeedEvent } from "../../activity-feed/feed-event";
import { londonLabel } from "../../domain/london-time";
import { conversationsInWeek } from "../../meetings/meeting-queries";
import type { DigestSectionSource } from "../digest-section-source";
import { clip, eventLines, latestPerSubject, plural } from "./feed-lines";

const WORDS = {
  "conversation.convened": "convened",
  "conversation.cancelled": "cancelled",
} as const;

type ConversationEvent = Extract<FeedEvent, { kind: keyof typeof WORDS }>;

function isConversationEvent(e: FeedEvent): e is ConversationEvent {
  return e.kind in WORDS;
}

/**
 * Cross-borough conversations taking place in the week (London time, not cancelled; the convening
 * feature's conversationsInWeek, a range query on start times), then those convened or cancelled
 * during the week (feed rows). Each conversation is one line, at what the week holds for it: one
 * convened this week and taking place this week says both on its "takes place" line; one convened
 * and cancelled shows as cancelled.
 */
export const conversationsSection: DigestSectionSource = {
  id: "conversations",
  title: "Conversations",
  order: 40,
  async build({ ctx, week, events }) {
    const meetings = await conversationsInWeek(ctx, week);
    const rows = events.filter(isConversationEvent);
    if (meetings.length === 0 && rows.length === 0) return { summary: "", lines: [] };
    const convened = rows.filter((e) => e.kind === "conversation.convened").length;
    const cancelled = rows.filter((e) => e.kind === "conversation.cancelled").length;
    const subject = (e: ConversationEvent) => e.subjectId || e.key;
    const convenedThisWeek = new Set(rows.filter((e) => e.kind === "conversation.convened").map(subject));
    const taking = new Set(meetings.map((m) => m.id));
    // A conversation convened and cancelled in the week shows once, as cancelled.
    const cancelledIds = new Set(rows.filter((e) => e.kind === "conversation.cancelled").map(subject));
    const others = latestPerSubject(rows.filter((e) => e.kind === "conversation.cancelled" || !cancelledIds.has(subject(e)))).filter(
      (e) => !taking.has(subject(e)),
    );
    return {
      summary: `${plural(meetings.length, "conversation")} this week; ${convened} convened and ${cancelled} cancelled this week.`,
      lines: [
        ...meetings.map((m) => ({
          borough: m.convenerBorough || undefined,
          text: ["takes place", londonLabel(new Date(m.startsAt)), convenedThisWeek.has(m.id) ? "convened this week" : ""].filter(Boolean).join(" · "),
          subject: clip(m.topic),
        })),
        ...eventLines(others, (e) =>
          [WORDS[e.kind], typeof e.data?.startsAt === "string" ? `for ${londonLabel(new Date(e.data.startsAt))}` : ""].filter(Boolean).join(" · "),
        ),
      ],
    };
  },
};
