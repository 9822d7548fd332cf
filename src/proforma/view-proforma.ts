import type { ProformaDeps } from "./proforma-deps";
import type { AdaptiveCard } from "../cards/render-card";
import { isCoordinator } from "../domain/actor";
import type { Turn } from "../domain/conversation";
import { HubError } from "../domain/errors";
import type { StoredProforma } from "./proforma";
import type { ProformaPointer, ProformaVerbData } from "./proforma-verbs";
import { assertCanEdit, canEdit, canPublish } from "./proforma-access";
import { formValues, proformaFormCard, proformaEntryCard, proformaHistoryCard } from "./proforma-cards";
import { MAX_REFRESH_USERS, type EntryView } from "./proforma-entry-card";

/** Reads the record a button points at; the card only says where, the server decides who may see it. */
export async function loadFromCard(ctx: ProformaDeps, pointer: ProformaPointer): Promise<StoredProforma> {
  const { submissionId, entryBorough } = pointer;
  if (!submissionId || !entryBorough) throw new HubError("invalid-input", "This card does not point at a proforma the bot knows.");
  const stored = await ctx.proformas.read(entryBorough, submissionId);
  if (!stored) throw new HubError("not-found", "This proforma is no longer stored.");
  return stored;
}

/**
 * The Teams user ids of the people who see the editable view: the author and the coordinators, found
 * by point reads of their one-to-one chats with the bot (capped to keep the card light).
 */
async function refreshUserIds(ctx: ProformaDeps, stored: StoredProforma): Promise<string[]> {
  const p = stored.proforma;
  const people = [...new Set([p.authorId, ...ctx.config.coordinators])].slice(0, MAX_REFRESH_USERS);
  const chats = await Promise.all(people.map((objectId) => ctx.channels.personalChat(p.tenantId, objectId).catch(() => undefined)));
  return chats.map((c) => c?.ref.userId).filter((u): u is string => typeof u === "string" && u.length > 0);
}

export async function entryCardFor(
  ctx: ProformaDeps,
  turn: Turn,
  stored: StoredProforma,
  section: number,
  banner?: EntryView["banner"],
): Promise<AdaptiveCard> {
  return proformaEntryCard({
    proforma: stored.proforma,
    etag: stored.etag,
    canEdit: canEdit(turn.actor, stored.proforma),
    canReview: isCoordinator(turn.actor),
    canPublish: canPublish(turn.actor, stored.proforma),
    section,
    banner,
    refreshUserIds: await refreshUserIds(ctx, stored),
  });
}

function versionWords(p: StoredProforma["proforma"]): string {
  return p.version > 0 ? `now version ${p.version}` : "a draft save";
}

/** A stale card's answer: the current version, and a plain word that nothing was overwritten. */
export function staleCard(ctx: ProformaDeps, turn: Turn, current: StoredProforma): Promise<AdaptiveCard> {
  ctx.logger.info({ event: "proforma.stale", id: current.proforma.id, version: current.proforma.version }, "stale card refused");
  return entryCardFor(ctx, turn, current, 0, {
    heading: "Changed since you opened it",
    text: `Someone saved a change (${versionWords(current.proforma)}) after you opened your card, so nothing was overwritten. This is the current version: open it again to make your change.`,
    color: "Warning",
  });
}

/** `proforma.view` (also the card's refresh): the author and coordinators get their buttons, others read only. */
export async function viewProforma(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.view">): Promise<AdaptiveCard> {
  const stored = await loadFromCard(ctx, data);
  if (stored.proforma.status === "draft" && !canEdit(turn.actor, stored.proforma)) {
    throw new HubError("forbidden", "This proforma is still a draft: only its author and LIIA coordinators can see it.");
  }
  return entryCardFor(ctx, turn, stored, data.section);
}

/** `proforma.edit` / `proforma.resume`: the form at a step, holding the stored values and the ETag. */
export async function openForEditing(ctx: ProformaDeps, turn: Turn, data: ProformaVerbData<"proforma.edit">): Promise<AdaptiveCard> {
  const stored = await loadFromCard(ctx, data);
  assertCanEdit(turn.actor, stored.proforma);
  const p = stored.proforma;
  return proformaFormCard({
    submissionId: p.id,
    entryBorough: p.borough,
    etag: stored.etag,
    step: data.step,
    mode: p.status === "submitted" || p.status === "published" ? "edit" : p.status === "returned" ? "returned" : "draft",
    values: formValues(p),
  });
}

/** `proforma.history`: every kept version, who and when and what changed (author and coordinators). */
export async function proformaHistory(ctx: ProformaDeps, turn: Turn, data: ProformaPointer): Promise<AdaptiveCard> {
  const stored = await loadFromCard(ctx, data);
  if (!canEdit(turn.actor, stored.proforma)) throw new HubError("forbidden", "Only the author and LIIA coordinators can see a proforma's history.");
  return proformaHistoryCard(stored.proforma, await ctx.proformas.versions(stored.proforma.id, stored.proforma.borough));
}
