import { withoutControlCharacters } from "../domain/typed-text";

/**
 * Makes text safe to show in a card exactly as written. Teams renders TextBlock text and FactSet titles
 * and values as Markdown (a CommonMark subset, raw HTML tags dropped), auto-links bare web and e-mail
 * addresses, and reads `<at>` as a mention; Adaptive Cards read `{{DATE(...)}}` as a date function and
 * the templating reads `${...}`. Each form below is broken by a zero-width word joiner (U+2060): the
 * text reads the same, but no parser sees the sequence any more.
 *
 * | form | example | broken at |
 * |---|---|---|
 * | inline link or image, any scheme | `[Verify](mailto:x@y.org)`, `![x](https://t.example/p.png)` | `]` + `(` |
 * | reference link and its definition | `[Verify][1]`, `[1]: https://x.example` | `]` + `[`, `]` + `:` |
 * | autolink, raw HTML, mention | `<https://x.example>`, `<x@y.org>`, `<img src=x>`, `<at>Bob</at>` | `<` + letter, `/`, `!`, `?` |
 * | bare address with a scheme | `https://x.example`, `mailto:x@y.org`, `tel:+44...`, `javascript:...` | letter + `:` + non-space |
 * | bare domain, `www.` | `www.x.example`, `x.example/path` | letter or digit + `.` + letter |
 * | bare e-mail address | `x@y.org` | non-space + `@` (after it, a linkifier reads the joiner as part of the domain) |
 * | card date function, template | `{{DATE(...)}}`, `${title}` | `{{`, `${` |
 *
 * Idempotent: text already made inert is left as it is, so renderCard can break the link forms once more
 * in every text a card shows (`withoutLiveLinks`) without doubling the joiners. Placeholders in the
 * bot's own help, like `<date>`, show as written for the same reason: a tag the Markdown would drop
 * becomes text.
 * Control characters other than line breaks and tabs are dropped.
 */
const ZW = "\u2060";

/** Card date functions and template expressions: broken in what people typed (the bot's own cards use date functions). */
const CARD_FUNCTIONS: [RegExp, string][] = [
  [/\{\{/g, `{${ZW}{`],
  [/\$\{/g, `$${ZW}{`],
];

/** Every form of link, image, tag and mention Teams would bring alive. */
const LINK_FORMS: [RegExp, string][] = [
  [/<(?=[a-z/!?])/gi, `<${ZW}`],
  [/\](?=[([:])/g, `]${ZW}`],
  [/(?<=[a-z]):(?=[^\s\u2060])/gi, `:${ZW}`],
  [/(?<=[a-z0-9])\.(?=[a-z])/gi, `.${ZW}`],
  [/(?<=[^\s\u2060])@/g, `${ZW}@`],
];

function apply(text: string, rules: [RegExp, string][]): string {
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

/** Text someone typed, as a card shows it: every form in the table above broken. */
export function inert(text: string | undefined | null): string {
  if (!text) return "";
  return apply(apply(withoutControlCharacters(text), CARD_FUNCTIONS), LINK_FORMS);
}

/**
 * Any text a card shows, the bot's own included: links, images, tags and mentions broken (renderCard's
 * last pass), date functions left to work.
 */
export function withoutLiveLinks(text: string): string {
  return apply(text, LINK_FORMS);
}
