/**
 * Text people type, made safe to keep: control characters other than tab and line breaks are dropped
 * (they can hide text or break the formats we write: cards, CSV, HTML), and line endings become "\n".
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

/** As typed text is stored: line endings normalised, control characters dropped, ends trimmed. */
export function cleanTypedText(text: string): string {
  return withoutControlCharacters(text.replace(/\r\n?/g, "\n")).trim();
}
