import type { DigestDeps } from "./digest-deps";
import type { LibraryEntry } from "../proforma/public-view";
import { matchPractice } from "../library/practice-match";
import { publishedPractice } from "../library/published-practice";
import type { DigestHeadline } from "./digest-data";

/** Practice links kept per headline in the stored digest (the card shows fewer). */
export const PRACTICE_KEPT = 5;

/** Headlines with the practice that matches each (or the gap in words), from entries already read. */
export function linkPractice(headlines: readonly DigestHeadline[], entries: readonly LibraryEntry[]): DigestHeadline[] {
  return headlines.map((h) => {
    if (!h.measure || !h.group) return h;
    const answer = matchPractice({ measure: h.measure, level: h.level, group: h.group }, entries);
    if (!answer) return h;
    return { ...h, outcomeArea: answer.outcomeArea, practice: answer.practice.slice(0, PRACTICE_KEPT), practiceTotal: answer.practice.length, gap: answer.gap };
  });
}

/**
 * Each headline with the published practice that answers it, or the gap named plainly: one read of
 * the library for all of them. If the library cannot be read the headlines still go out, claiming no
 * gap (a gap said without looking would be untrue).
 */
export async function withPractice(ctx: DigestDeps, headlines: readonly DigestHeadline[]): Promise<DigestHeadline[]> {
  if (headlines.length === 0) return [];
  try {
    return linkPractice(headlines, await publishedPractice(ctx));
  } catch (error) {
    ctx.logger.warn({ err: error }, "the practice library could not be read for the headlines");
    return [...headlines];
  }
}
