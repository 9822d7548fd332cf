import { decodeTime, monotonicFactory } from "ulid";

/** Time-ordered ids (ULID: 26 Crockford base-32 characters) made by the server only. */
const next = monotonicFactory();

export function newId(now: number = Date.now()): string {
  return next(now);
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isSubmissionId(value: unknown): value is string {
  return typeof value === "string" && ULID.test(value);
}

/** When an id was made, from its ULID time part. */
export function idTime(id: string): Date {
  return new Date(decodeTime(id));
}
