/**
 * What to do after the Bot Connector answered a send (msteams-docs "Status codes from bot conversational
 * APIs" and "rate-limit"): retry 412, 429, 502, 503, 504; never retry 400, 401, 403, 404, 413; and a 500
 * or no answer at all leaves the outcome unknown: the card may have been posted, so it is not resent.
 */
export type SendVerdict = "retry" | "permanent" | "unknown";

const RETRY = new Set([412, 429, 502, 503, 504]);

export function classifyStatus(status: number | undefined): SendVerdict {
  if (status === undefined || status === 0) return "unknown";
  if (RETRY.has(status)) return "retry";
  if (status === 500 || status === 408) return "unknown";
  return "permanent";
}

const REASONS: Record<number, string> = {
  400: "Teams refused the message (bad request or a service URL that is not a Teams Bot Connector)",
  401: "the bot is not registered with Teams",
  403: "the bot is not allowed in this conversation (removed, blocked or disabled by an admin)",
  404: "the conversation no longer exists",
  413: "the card was too large for Teams",
  429: "Teams kept asking us to slow down",
  500: "Teams answered with a server error: the card may or may not have been posted",
};

export function reasonFor(status: number | undefined): string {
  if (status === undefined || status === 0) return "no answer from Teams: the card may or may not have been posted";
  return REASONS[status] ?? `Teams answered ${status}`;
}
