import type { AuditEntry } from "../audit/audit-entry";
import { isSubmissionId } from "../domain/ids";
import type { ProformaStore } from "./proforma-store";
import type { ProformaVersion } from "./proforma-version";

/** A proforma's kept versions are its audit lines too: each says who saved what and when. */
export function versionAuditLine(v: ProformaVersion): AuditEntry {
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

/** The audit trail's history of a record, when it is a proforma: its kept versions, as audit lines. */
export async function versionAuditLines(proformas: Pick<ProformaStore, "versions">, recordId: string): Promise<AuditEntry[]> {
  return isSubmissionId(recordId) ? (await proformas.versions(recordId)).map(versionAuditLine) : [];
}
