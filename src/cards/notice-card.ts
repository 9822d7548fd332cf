import { HubError, toHubError } from "../domain/errors";
import { inert } from "./inert-text";
import { renderCard, type AdaptiveCard } from "./render-card";

/** Data bound to cards/notice.json. */
export interface NoticeCardData {
  heading: string;
  message: string;
  color: "Default" | "Good" | "Warning" | "Attention";
  reference: string;
}

export function noticeCard(heading: string, message: string, color: NoticeCardData["color"] = "Default", reference = ""): AdaptiveCard {
  return renderCard<NoticeCardData>("notice", { heading, message: inert(message), color, reference });
}

const HEADINGS: Partial<Record<HubError["code"], string>> = {
  "storage-unavailable": "Not saved: please try again",
  forbidden: "Not allowed",
  "not-found": "Not found",
  "invalid-input": "Please check what you sent",
  "changed-since-opened": "Changed since you opened it",
  "too-large": "Too large",
  "rate-limited": "Too many requests",
  internal: "Something went wrong",
};

/** The one place an error becomes a card: the message is the error's own, never a stack or storage text. */
export function errorCard(error: unknown, reference = ""): AdaptiveCard {
  const e = toHubError(error);
  const color = e.code === "storage-unavailable" || e.code === "internal" ? "Attention" : "Warning";
  return noticeCard(HEADINGS[e.code] ?? "Something went wrong", e.message, color, reference);
}
