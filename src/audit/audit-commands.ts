import type { AppContext, CommandHandler } from "../app-context";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { isCoordinator } from "../domain/actor";
import { boroughByCode } from "../domain/boroughs";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import { isSubmissionId } from "../domain/ids";
import type { ProformaVersion } from "../proforma/proforma-version";
import type { AuditEntry } from "./audit-entry";

/** A record id as the audit command accepts it: the server's ULIDs and Entra GUIDs, nothing else. */
const RECORD_ID = /^[0-9A-Za-z-]{1,64}$/;

/** Data bound to cards/audit.json; names and details may hold what people typed, so they are inert. */
export interface AuditCardData {
  heading: string;
  lines: { action: string; outcome: string; when: string; who: string; record: string; detail: string }[];
}

export function auditCard(heading: string, lines: AuditEntry[]): AdaptiveCard {
  return renderCard<AuditCardData>("audit", {
    heading,
    lines: lines.slice(0, 40).map((l) => ({
      action: l.action,
      outcome: l.outcome === "refused" ? "refused" : "done",
      when: l.at.slice(0, 16).replace("T", " "),
      who: inert(l.actorName || l.actorId || "unknown"),
      record: inert([l.recordId || "none", boroughByCode(l.borough)?.name].filter(Boolean).join(", ")),
      detail: inert(l.detail),
    })),
  });
}

/** `audit [record id]` (coordinators only): who did what to a record, or the last two weeks' lines. */
export const showAudit: CommandHandler = async (ctx: AppContext, turn: Turn, args: string) => {
  if (!isCoordinator(turn.actor)) throw new HubError("forbidden", "Only an LIIA coordinator can read the audit trail.");
  const recordId = args.trim();
  if (!recordId) return auditCard("Audit trail: the last two weeks", await ctx.audit.recent(ctx.now()));
  if (!RECORD_ID.test(recordId)) throw new HubError("invalid-input", "A record id is letters, digits and dashes, as shown on the record's card.");
  const [lines, versions] = await Promise.all([
    ctx.audit.forRecord(recordId),
    isSubmissionId(recordId) ? ctx.proformas.versions(recordId) : Promise.resolve([]),
  ]);
  const all = [...lines, ...versions.map((v) => versionLine(v))].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return auditCard(`Audit trail of record ${recordId}`, all);
};

/** A proforma's kept versions are its audit lines too: each says who saved what and when. */
function versionLine(v: ProformaVersion): AuditEntry {
  return {
    key: `version:${v.proformaId}:${v.version}`,
    at: v.at,
    actorId: v.actorId,
    actorName: v.actorName,
    action: `proforma.${v.action}`,
    recordId: v.proformaId,
    borough: v.content.borough,
    outcome: "done",
    detail: [v.content.title, `version ${v.version}`, v.version > 1 && v.changed.length ? `changed: ${v.changed.join(", ")}` : "", v.comment]
      .filter(Boolean)
      .join(" · "),
  };
}
