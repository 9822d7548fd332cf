import { EMPTY_DETAILS, fullContent, type Proforma, type ProformaContent, type ProformaDetails, type ProformaStatus, STATUSES } from "./proforma";

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string };

/** Content fields held as lists; stored as JSON text. */
const LIST_FIELDS = ["outcomeAreas", "priorities", "targetGroups", "ethnicGroups", "levels", "links"] as const;
const TEXT_FIELDS = [
  "title",
  "summary",
  "impact",
  "contactName",
  "consentScope",
  ...(Object.keys(EMPTY_DETAILS) as (keyof ProformaDetails)[]).filter((k) => !(LIST_FIELDS as readonly string[]).includes(k)),
];

function str(e: Record<string, unknown>, k: string): string {
  const v = e[k];
  return typeof v === "string" ? v : "";
}

function list(e: Record<string, unknown>, k: string): string[] {
  try {
    const parsed = JSON.parse(str(e, k) || "[]");
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The typed content as entity properties: text as text, lists as JSON. */
export function contentToProperties(c: ProformaContent): Record<string, unknown> {
  const full = fullContent(c) as unknown as Record<string, unknown>;
  const props: Record<string, unknown> = { borough: c.borough, noPersonalData: c.noPersonalData === true };
  for (const k of TEXT_FIELDS) props[k] = full[k] ?? "";
  for (const k of LIST_FIELDS) props[k] = JSON.stringify(full[k] ?? []);
  return props;
}

export function contentFromProperties(e: Record<string, unknown>, borough: string): ProformaContent & ProformaDetails {
  const out: Record<string, unknown> = { borough, noPersonalData: e.noPersonalData === true };
  for (const k of TEXT_FIELDS) out[k] = str(e, k);
  for (const k of LIST_FIELDS) out[k] = list(e, k);
  return out as unknown as ProformaContent & ProformaDetails;
}

/** proformas: PartitionKey borough GSS code, RowKey the proforma's ULID. */
export function toEntity(p: Proforma): Entity {
  const { borough: _borough, ...content } = contentToProperties(p);
  return {
    partitionKey: p.borough,
    rowKey: p.id,
    ...content,
    status: p.status,
    authorId: p.authorId,
    authorName: p.authorName,
    tenantId: p.tenantId,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
    revision: p.revision ?? p.version,
    demo: p.demo,
    reviewComment: p.reviewComment ?? "",
    publishedAt: p.publishedAt ?? "",
  };
}

export function fromEntity(e: Record<string, unknown>): Proforma {
  const status = str(e, "status") as ProformaStatus;
  return {
    ...contentFromProperties(e, str(e, "partitionKey")),
    id: str(e, "rowKey"),
    status: STATUSES.includes(status) ? status : "submitted",
    authorId: str(e, "authorId"),
    authorName: str(e, "authorName"),
    tenantId: str(e, "tenantId"),
    createdAt: str(e, "createdAt"),
    updatedAt: str(e, "updatedAt"),
    version: typeof e.version === "number" ? e.version : 1,
    revision: typeof e.revision === "number" ? e.revision : typeof e.version === "number" ? e.version : 1,
    demo: e.demo === true,
    reviewComment: str(e, "reviewComment"),
    publishedAt: str(e, "publishedAt"),
  };
}
