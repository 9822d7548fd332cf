/**
 * One error type for the whole service. The code decides how it is shown: a card in Teams, a status
 * and JSON body over HTTP. The message is written for the person who will read it; internal detail
 * (storage messages, stacks) stays in `cause` and only reaches the log.
 */
export type ErrorCode =
  | "invalid-input"
  | "not-found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "changed-since-opened"
  | "storage-unavailable"
  | "too-large"
  | "rate-limited"
  | "busy"
  | "internal";

export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "HubError";
  }
}

export function isHubError(error: unknown, code?: ErrorCode): error is HubError {
  return error instanceof HubError && (code === undefined || error.code === code);
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  "invalid-input": 400,
  "not-found": 404,
  forbidden: 403,
  unauthenticated: 401,
  conflict: 409,
  "changed-since-opened": 412,
  "storage-unavailable": 503,
  "too-large": 413,
  "rate-limited": 429,
  busy: 503,
  internal: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/**
 * True for a real fault (a bug, storage down): logged at error level with its stack. Every other code
 * is an ordinary answer to what a person asked (bad input, no right, not found) and is logged at info.
 */
export function isFault(error: HubError): boolean {
  return error.code === "internal" || error.code === "storage-unavailable";
}

/** Turns anything thrown into a HubError that is safe to show; unknown errors become "internal". */
export function toHubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  return new HubError("internal", "Something went wrong on our side. Nothing was changed; please try again.", {}, { cause: error });
}
