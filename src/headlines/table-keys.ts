/**
 * Table Storage keys may not contain / \ # ? or control characters (U+0000-U+001F, U+007F-U+009F),
 * and are at most 1 KiB. Each forbidden character is written as ~XX (hex), and ~ itself as ~7E, so
 * distinct inputs give distinct keys.
 */
export function safeKey(text: string): string {
  const key = text.replace(/[~/\\#?\u0000-\u001f\u007f-\u009f]/g, (c) => `~${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);
  if (key.length > 512) throw new RangeError("key too long for Table Storage");
  return key;
}

export function measureRowKey(areaCode: string, period: string, groupKey: string, level: string | null): string {
  return safeKey(`${areaCode}|${period}|${groupKey}|${level ?? ""}`);
}
