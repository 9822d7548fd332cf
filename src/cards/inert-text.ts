import { withoutControlCharacters } from "../domain/typed-text";

/**
 * Makes a string a user typed safe to show in a card. Cards show user text in TextRun elements, which
 * Teams does not read as markdown; on top of that this breaks the sequences that would still come
 * alive: Adaptive Card date functions ({{DATE(...)}}), template expressions (${...}), Teams mention
 * tags (<at>), and bare links (a zero-width joiner after the scheme stops auto-linking while the text
 * reads the same). Control characters other than line breaks and tabs are dropped.
 */
const ZW = "\u2060";

export function inert(text: string | undefined | null): string {
  if (!text) return "";
  return withoutControlCharacters(text)
    .replace(/\{\{/g, `{${ZW}{`)
    .replace(/\$\{/g, `$${ZW}{`)
    .replace(/<(\/?)at\b/gi, `<${ZW}$1at`)
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${ZW}//`)
    .replace(/\bwww\./gi, `www${ZW}.`);
}
