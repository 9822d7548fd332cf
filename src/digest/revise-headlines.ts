import type { DigestHeadline } from "./digest-data";

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

/** "1 December 2026", London time. */
export function londonDate(at: Date): string {
  return DAY.format(at);
}

export function figureText(h: Pick<DigestHeadline, "ratio" | "ratioLow" | "ratioHigh">): string {
  return `${h.ratio.toFixed(2)} (${h.ratioLow.toFixed(2)} to ${h.ratioHigh.toFixed(2)})`;
}

/**
 * A correction after sending: each headline whose figures changed from what the channels were sent
 * says "revised on <date>, was <old figure>"; one that did not change keeps any earlier revision note,
 * so correcting twice does not lose what the first correction said.
 */
export function reviseHeadlines(sent: readonly DigestHeadline[], next: readonly DigestHeadline[], at: Date): DigestHeadline[] {
  const before = new Map(sent.filter((h) => h.key).map((h) => [h.key!, h]));
  return next.map((h) => {
    const old = h.key ? before.get(h.key) : undefined;
    if (!old) return h;
    if (figureText(old) !== figureText(h)) return { ...h, revised: { on: londonDate(at), was: figureText(old) } };
    return old.revised ? { ...h, revised: old.revised } : h;
  });
}
