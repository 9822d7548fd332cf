/**
 * Text people type, made safe to keep: control characters other than tab and line breaks are dropped
 * (they can hide text or break the formats we write: cards, CSV, HTML), and line endings become "\n".
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A lone UTF-16 surrogate: half of an emoji or another character beyond the Basic Multilingual Plane,
 * cut off from its other half. In `u` mode a well-formed pair is one code point and does not match.
 * Such text is not valid Unicode: JSON writes each one as a six-character escape (a card full of them
 * passes its weight limit), UTF-8 cannot hold it, and other systems replace or refuse it.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;
const LONE_SURROGATES = /\p{Surrogate}/gu;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

/** As typed text is stored: line endings normalised, control characters dropped, ends trimmed. */
export function cleanTypedText(text: string): string {
  return withoutControlCharacters(text.replace(/\r\n?/g, "\n")).trim();
}

/** True when every surrogate in the text is one half of a pair (the text is well-formed Unicode). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/**
 * The message for a field whose text holds a lone surrogate, naming the field and where the broken
 * character is (counted in characters as a person sees them); undefined when the text is well-formed.
 */
export function brokenCharacterProblem(label: string, text: string): string | undefined {
  const match = LONE_SURROGATE.exec(text);
  if (!match) return undefined;
  const position = [...text.slice(0, match.index)].length + 1;
  return `${label} holds a broken character at character ${position.toLocaleString("en-GB")} (half of an emoji or symbol, often left when text is cut or pasted): delete it or type it again. Nothing was saved.`;
}

/** Text to show again on a card: each lone surrogate becomes U+FFFD (the replacement character "�"). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, "\uFFFD");
}

/**
 * The first `max` UTF-16 units of the text without cutting a surrogate pair in half (a cut that would
 * split one keeps the text one unit shorter).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
