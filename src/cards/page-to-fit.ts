import { isHubError } from "../domain/errors";
import type { AdaptiveCard } from "./render-card";

/**
 * The card for the first page of `items` that fits in a card: up to `pageSize` items, fewer when what
 * people typed makes each one heavy (renderCard refuses a card over its weight). Answers the card and
 * how many items it shows (at least one: a single item always fits, its texts being bounded).
 */
export function pageToFit<T>(
  items: readonly T[],
  pageSize: number,
  render: (page: readonly T[], shown: number) => AdaptiveCard,
): { card: AdaptiveCard; shown: number } {
  let n = Math.min(pageSize, items.length);
  for (;;) {
    try {
      return { card: render(items.slice(0, n), n), shown: n };
    } catch (error) {
      if (!isHubError(error, "too-large") || n <= 1) throw error;
      n = Math.max(1, Math.floor(n * 0.7));
    }
  }
}
