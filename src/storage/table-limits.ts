import { HubError } from "../domain/errors";

/**
 * Azure Table Storage limits, checked before every write because Azurite does not enforce them all
 * (see learn.microsoft.com "Understanding the Table service data model"): keys up to 1 KiB with no
 * / \ # ? or control characters, strings up to 64 KiB (32,768 UTF-16 units), at most 255 properties
 * (252 of ours beside PartitionKey, RowKey and Timestamp), and 1 MiB an entity.
 */
export const MAX_STRING_UNITS = 32 * 1024;
export const MAX_PROPERTIES = 252;
export const MAX_ENTITY_BYTES = 1024 * 1024;
export const MAX_KEY_UNITS = 512;
export const MAX_BATCH = 100;

// eslint-disable-next-line no-control-regex -- control characters are what the service forbids in keys
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

export function assertValidKey(key: string, which: "PartitionKey" | "RowKey"): void {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_UNITS || FORBIDDEN_KEY_CHARS.test(key)) {
    throw new HubError("internal", "A storage key was not valid.", { key: which });
  }
}

/**
 * Makes any identifier safe as a key: the forbidden characters and % itself are percent-encoded, so
 * distinct inputs give distinct keys; a key over the service's 1 KiB is refused.
 */
export function safeKey(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what the service forbids in keys
  const key = text.replace(/[%/\\#?\u0000-\u001f\u007f-\u009f]/g, (c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase());
  if (key.length > MAX_KEY_UNITS) throw new HubError("too-large", "An identifier is too long to store.");
  return key;
}

/** Approximate stored size of a property value, as the service counts it (UTF-16 strings, 8-byte numbers). */
function valueBytes(value: unknown): number {
  if (typeof value === "string") return value.length * 2 + 4;
  if (typeof value === "number" || value instanceof Date) return 8;
  if (typeof value === "boolean") return 1;
  if (value === null || value === undefined) return 0;
  return 8;
}

export function assertEntityFits(entity: Record<string, unknown>): void {
  const names = Object.keys(entity).filter((k) => k !== "partitionKey" && k !== "rowKey" && k !== "etag" && k !== "timestamp");
  if (names.length > MAX_PROPERTIES) throw new HubError("too-large", "This record has too many parts to store.");
  assertValidKey(String(entity.partitionKey), "PartitionKey");
  assertValidKey(String(entity.rowKey), "RowKey");
  let bytes = 4 + String(entity.partitionKey).length * 2 + String(entity.rowKey).length * 2;
  for (const name of names) {
    const value = entity[name];
    if (typeof value === "string" && value.length > MAX_STRING_UNITS) {
      throw new HubError("too-large", `The field ${name} is too long to store (at most ${MAX_STRING_UNITS} characters).`, { [name]: "too long" });
    }
    bytes += 8 + name.length * 2 + valueBytes(value);
  }
  if (bytes > MAX_ENTITY_BYTES) throw new HubError("too-large", "This record is too large to store (over 1 MiB).");
}

export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown })?.statusCode;
  return typeof code === "number" ? code : undefined;
}

/** True when storage could not be reached at all (refused, timed out, reset), as opposed to a refusal. */
export function isUnreachable(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string; name?: string };
  if (e?.statusCode !== undefined && e.statusCode !== 0 && e.statusCode < 500) return false;
  return true;
}
