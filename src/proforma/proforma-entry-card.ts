import { boroughByCode } from "../domain/boroughs";
import { inert } from "../cards/inert-text";
import { renderCard, type AdaptiveCard } from "../cards/render-card";
import { CONSENT_SCOPES, FIELD_LABELS, choiceTitle, fullContent, type Proforma } from "./proforma";
import { ALL_FIELDS, STEPS, type FieldSpec } from "./proforma-fields";
import type { ProformaVersion } from "./proforma-version";
import { verbData } from "../domain/verbs";
import { PROFORMA_VERB_DATA, type ProformaVerb } from "./proforma-verbs";

/** The author and up to nine coordinators refresh to their own view (Teams allows 60; ids weigh ~90 bytes each). */
export const MAX_REFRESH_USERS = 10;

/** A review comment's limit in UTF-16 units. */
export const COMMENT_LIMIT = 1000;

type Banner = { heading: string; text: string; color: "Good" | "Warning" | "Attention" | "Default"; style: "good" | "warning" | "attention" | "default" };

/** Data bound to cards/proforma-entry.json. */
export interface ProformaEntryData {
  refresh: { action: { type: "Action.Execute"; title: string; verb: "proforma.view"; data: Record<string, unknown> }; userIds: string[] };
  banner: Banner;
  title: string;
  subtitle: string;
  reviewComment: string;
  facts: { title: string; value: string }[];
  sectionTitle: string;
  sectionFields: { label: string; text: string }[];
  /** Section buttons in rows of three (a card shows at most five actions in a set). */
  sectionRows: { buttons: { title: string; data: Record<string, unknown> }[] }[];
  actions: { title: string; verb: ProformaVerb; style: "default" | "positive" | "destructive"; data: Record<string, unknown> }[];
  returnAction: Record<string, unknown> | null;
  commentLimit: number;
}

export interface EntryView {
  proforma: Proforma;
  etag: string;
  /** What the person looking may do (decided on the server from their roles, never card data). */
  canEdit: boolean;
  canReview: boolean;
  /** From the one publishing rule (proforma-access.ts canPublish). */
  canPublish: boolean;
  section?: number;
  banner?: { heading: string; text: string; color: Banner["color"] };
  /** Teams user ids that refresh the card automatically to their own view (author, coordinators). */
  refreshUserIds?: string[];
}

/** A field's value as plain text for a card: user text inert, choices by their titles. */
function fieldText(f: FieldSpec, value: unknown): string {
  if (f.kind === "confirm") return value === true ? "Confirmed" : "Not confirmed";
  if (f.kind === "choice" || f.kind === "multi") {
    const values = Array.isArray(value) ? value : value ? [value] : [];
    return values.map((v) => (f.id === "borough" ? (boroughByCode(String(v))?.name ?? String(v)) : choiceTitle(f.choices ?? [], String(v)))).join(", ");
  }
  if (Array.isArray(value)) return inert(value.join("\n"));
  return inert(typeof value === "string" ? value : "");
}

function sectionOf(section: number | undefined): number {
  return Number.isInteger(section) && section! >= 0 && section! < STEPS.length ? section! : 0;
}

const BANNER_STYLE: Record<Banner["color"], Banner["style"]> = { Good: "good", Warning: "warning", Attention: "attention", Default: "default" };

export function proformaEntryCard(view: EntryView): AdaptiveCard {
  const p = fullContent(view.proforma);
  const section = sectionOf(view.section);
  const key = { submissionId: p.id, entryBorough: p.borough };
  const record = p as unknown as Record<string, unknown>;
  const shownElsewhere = new Set(["title", "borough", "contactName", "consentScope", "noPersonalData", ...STEPS.flatMap((s) => s.viewAlso ?? [])]);
  const step = STEPS[section]!;
  const sectionFields = [...step.fields.filter((f) => !shownElsewhere.has(f.id)), ...(step.viewAlso ?? []).map((id) => ALL_FIELDS.find((f) => f.id === id)!)]
    .map((f) => ({ label: f.label, text: fieldText(f, record[f.id]) }))
    .filter((f) => f.text !== "");
  const live = p.status !== "withdrawn";
  const actions: ProformaEntryData["actions"] = [];
  if (view.canEdit && live) {
    const resume = p.status === "draft" || p.status === "returned";
    actions.push({
      title: resume ? "Resume" : "Edit this section",
      verb: resume ? "proforma.resume" : "proforma.edit",
      style: "default",
      data: verbData(PROFORMA_VERB_DATA, resume ? "proforma.resume" : "proforma.edit", { ...key, step: section }),
    });
  }
  if (view.canPublish)
    actions.push({
      title: "Publish",
      verb: "proforma.publish",
      style: "positive",
      data: verbData(PROFORMA_VERB_DATA, "proforma.publish", { ...key, etag: view.etag }),
    });
  if (view.canEdit && live && p.status !== "draft")
    actions.push({
      title: "Withdraw",
      verb: "proforma.withdraw",
      style: "destructive",
      data: verbData(PROFORMA_VERB_DATA, "proforma.withdraw", { ...key, etag: view.etag }),
    });
  if (view.canEdit) actions.push({ title: "History", verb: "proforma.history", style: "default", data: verbData(PROFORMA_VERB_DATA, "proforma.history", key) });
  const canReturn = view.canReview && (p.status === "submitted" || p.status === "published");
  const banner = view.banner;
  return renderCard<ProformaEntryData>("proforma-entry", {
    refresh: {
      action: { type: "Action.Execute", title: "Refresh", verb: "proforma.view", data: verbData(PROFORMA_VERB_DATA, "proforma.view", { ...key, section }) },
      userIds: (view.refreshUserIds ?? []).slice(0, MAX_REFRESH_USERS),
    },
    banner: banner ? { ...banner, text: inert(banner.text), style: BANNER_STYLE[banner.color] } : { heading: "", text: "", color: "Default", style: "default" },
    title: inert(p.title || "(untitled draft)"),
    subtitle: `${boroughByCode(p.borough)?.name ?? p.borough} · ${p.status}${p.demo ? " · demo entry" : ""} · ${p.version > 0 ? `version ${p.version}` : "not yet shared"}`,
    reviewComment: p.status === "returned" ? inert(p.reviewComment ?? "") : "",
    facts: [
      { title: FIELD_LABELS.contactName!, value: inert([p.contactName, p.contactJobTitle].filter(Boolean).join(", ")) || "Not given" },
      { title: FIELD_LABELS.consentScope!, value: choiceTitle(CONSENT_SCOPES, p.consentScope) || "Not chosen" },
      { title: "Updated", value: p.updatedAt.slice(0, 10) },
      { title: "Reference", value: p.id },
    ],
    sectionTitle: STEPS[section]!.title,
    sectionFields,
    sectionRows: [0, 3].map((start) => ({
      buttons: STEPS.slice(start, start + 3).map((s, n) => ({
        title: start + n === section ? `• ${s.title}` : s.title,
        data: verbData(PROFORMA_VERB_DATA, "proforma.view", { ...key, section: start + n }),
      })),
    })),
    actions,
    returnAction: canReturn ? verbData(PROFORMA_VERB_DATA, "proforma.return", { ...key, etag: view.etag }) : null,
    commentLimit: COMMENT_LIMIT,
  });
}

/** Data bound to cards/proforma-history.json. */
export interface ProformaHistoryData {
  title: string;
  versions: { label: string; action: string; at: string; who: string; changed: string; comment: string }[];
  back: Record<string, unknown>;
}

/** Newest first; at most 30 versions on one card. */
export function proformaHistoryCard(p: Proforma, versions: ProformaVersion[]): AdaptiveCard {
  return renderCard<ProformaHistoryData>("proforma-history", {
    title: inert(p.title || "(untitled draft)"),
    versions: [...versions]
      .reverse()
      .slice(0, 30)
      .map((v) => ({
        // Draft saves are kept apart from the versions of what was shared.
        label: v.action === "draft" ? "Draft save" : `Version ${v.version}`,
        action: v.action,
        at: v.at.slice(0, 16).replace("T", " "),
        who: inert(v.actorName || "someone"),
        changed:
          v.changed.length === 0 ? "no fields" : v.changed.length > 8 ? `${v.changed.length} fields` : v.changed.map((c) => FIELD_LABELS[c] ?? c).join(", "),
        comment: inert(v.comment),
      })),
    back: verbData(PROFORMA_VERB_DATA, "proforma.view", { submissionId: p.id, entryBorough: p.borough }),
  });
}
