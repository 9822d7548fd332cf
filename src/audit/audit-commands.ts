import type { AuditCommandDeps } from "./audit-deps";
import type { z } from "zod";
import type { CommandHandler, VerbHandler } from "../domain/handlers";
import { bindVerbs } from "../domain/verbs";
import { AUDIT_VERB_DATA } from "./audit-verbs";
import { inert } from "../cards/inert-text";
import { pageToFit } from "../cards/page-to-fit";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { isCoordinator, type Actor } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { cutText } from "../domain/typed-text";
import type { AuditEntry } from "./audit-entry";

/** A record id as the audit command accepts it: the server's ULIDs and Entra GUIDs, nothing else. */
const RECORD_ID = /^[0-9A-Za-z-]{1,64}$/;

/** Lines on one page of the audit card, fewer when long names and details make them heavy. */
export const AUDIT_PAGE_LINES = 20;

/** What a card line shows of a name and a detail (the trail keeps up to 200 and 1,000 characters). */
const SHOWN_NAME = 80;
const SHOWN_DETAIL = 400;

/** The "more" button's data: where the next page starts (the last line shown: its time and key). */
interface MoreData {
  verb: "audit.more";
  recordId: string;
  before: string;
}

/** Data bound to cards/audit.json; names and details may hold what people typed, so they are inert. */
export interface AuditCardData {
  heading: string;
  range: string;
  lines: { action: string; outcome: string; when: string; who: string; record: string; detail: string }[];
  more: MoreData | null;
}

const shown = (text: string, max: number) => (text.length > max ? `${cutText(text, max - 1)}…` : text);

/** Newest first; lines written in the same millisecond by their key, so the order (and a page's cursor) is stable. */
function newestFirst(a: AuditEntry, b: AuditEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}

const cursorOf = (l: AuditEntry) => `${l.at}|${l.key}`;

function line(l: AuditEntry): AuditCardData["lines"][number] {
  return {
    action: l.action,
    outcome: l.outcome === "refused" ? "refused" : "done",
    when: l.at.slice(0, 16).replace("T", " "),
    who: inert(shown(l.actorName || l.actorId || "unknown", SHOWN_NAME)),
    record: inert([l.recordId || "none", boroughByCode(l.borough)?.name].filter(Boolean).join(", ")),
    detail: inert(shown(l.detail, SHOWN_DETAIL)),
  };
}

/**
 * One page of the audit trail, newest first: the lines after `before` (a cursor from the previous
 * page), as many as fit in a card, with a "more" button while older lines remain.
 */
export function auditCard(heading: string, all: readonly AuditEntry[], recordId = "", before = ""): AdaptiveCard {
  const sorted = [...all].sort(newestFirst);
  const start = before ? sorted.findIndex((l) => cursorOf(l) < before) : 0;
  const rest = start < 0 ? [] : sorted.slice(start);
  const skipped = start < 0 ? sorted.length : start;
  return pageToFit(rest, AUDIT_PAGE_LINES, (page, n) =>
    renderCard<AuditCardData>("audit", {
      heading,
      range: sorted.length === 0 ? "" : `Newest first: lines ${skipped + (n ? 1 : 0)} to ${skipped + n} of ${sorted.length}.`,
      lines: page.map(line),
      more: n < rest.length ? { verb: "audit.more", recordId, before: cursorOf(page[n - 1]!) } : null,
    }),
  ).card;
}

function assertCanRead(actor: Actor): void {
  if (!isCoordinator(actor)) throw new HubError("forbidden", "Only an LIIA coordinator can read the audit trail.");
}

async function linesFor(ctx: AuditCommandDeps, recordId: string): Promise<{ heading: string; lines: AuditEntry[] }> {
  if (!recordId) return { heading: "Audit trail: the last two weeks", lines: await ctx.audit.recent(ctx.now()) };
  if (!RECORD_ID.test(recordId)) throw new HubError("invalid-input", "A record id is letters, digits and dashes, as shown on the record's card.");
  const [lines, history] = await Promise.all([ctx.audit.forRecord(recordId), ctx.recordHistory(recordId)]);
  return { heading: `Audit trail of record ${recordId}`, lines: [...lines, ...history] };
}

/** `audit [record id]` (coordinators only): who did what to a record, or the last two weeks' lines; newest first, paged. */
export const showAudit: CommandHandler<AuditCommandDeps> = async (ctx: AuditCommandDeps, turn: Turn, args: string) => {
  assertCanRead(turn.actor);
  const recordId = args.trim();
  const { heading, lines } = await linesFor(ctx, recordId);
  return auditCard(heading, lines, recordId);
};

/** The audit card's "more" button: the next page, older than the last line shown. */
export const moreAudit: VerbHandler<AuditCommandDeps, z.output<(typeof AUDIT_VERB_DATA)["audit.more"]>> = async (ctx, turn, { recordId, before }) => {
  assertCanRead(turn.actor);
  if (!before) throw new HubError("invalid-input", "This button is not one the bot made: type audit to start again.");
  const { heading, lines } = await linesFor(ctx, recordId);
  return auditCard(heading, lines, recordId, before);
};

/** The audit trail's card verbs, each given its data as its schema parsed it. */
export const AUDIT_VERBS = bindVerbs<AuditCommandDeps, typeof AUDIT_VERB_DATA>(AUDIT_VERB_DATA, { "audit.more": moreAudit });
