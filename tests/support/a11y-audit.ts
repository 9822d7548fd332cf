/**
 * An accessibility audit run inside the page (page.evaluate of this source, so the tab's content
 * security policy does not stop it). It checks what the issue asks and nothing vaguer:
 * - contrast: every rendered text node's colour (SVG text: its fill; inputs: their text and
 *   placeholder) against the background it sits on, composited up the ancestors, at least 4.5:1;
 * - labels: every input, select and textarea has a label or an aria name with words in it;
 * - headings: exactly one h1, first, and no level skipped on the way down;
 * - text alternatives: every img has alt, every SVG (unless aria-hidden) is role="img" with a name;
 * - names: every link, button and summary says something; the document has a language.
 * Kept as a string: functions compiled by tsx carry helpers that do not exist in the page.
 */
export interface ContrastProblem {
  text: string;
  fg: string;
  bg: string;
  ratio: number;
}

export interface AuditResult {
  theme: string;
  textsChecked: number;
  lowestRatio: number;
  contrast: ContrastProblem[];
  unlabelled: string[];
  headings: string[];
  headingProblems: string[];
  images: string[];
  unnamed: string[];
}

export const MIN_CONTRAST = 4.5;

export const A11Y_AUDIT = String.raw`(() => {
  const MIN = ${MIN_CONTRAST};
  const parse = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const hex = (c) => "#" + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
  const background = (el) => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) layers.push(c);
    }
    let bg = { r: 255, g: 255, b: 255, a: 1 }; // the canvas
    for (const layer of layers.reverse()) bg = over(layer, bg);
    return bg;
  };
  const rendered = (el) => {
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none";
  };
  const result = { theme: document.body.dataset.theme || "", textsChecked: 0, lowestRatio: 99, contrast: [], unlabelled: [], headings: [], headingProblems: [], images: [], unnamed: [] };
  const check = (el, colour, text) => {
    const fg0 = parse(colour);
    if (!fg0) return;
    const bg = background(el);
    const fg = over(fg0, bg);
    const r = Math.round(ratio(fg, bg) * 100) / 100;
    result.textsChecked += 1;
    result.lowestRatio = Math.min(result.lowestRatio, r);
    if (r < MIN) result.contrast.push({ text: text.trim().slice(0, 60), fg: hex(fg), bg: hex(bg), ratio: r });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || seen.has(el)) continue;
    if (el.closest("script, style, title, desc, option, noscript")) continue;
    seen.add(el);
    if (!rendered(el)) continue;
    check(el, el instanceof SVGElement ? getComputedStyle(el).fill : getComputedStyle(el).color, node.textContent);
  }
  for (const field of document.querySelectorAll("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea")) {
    if (!rendered(field)) continue;
    check(field, getComputedStyle(field).color, "field " + (field.id || field.tagName));
    if (field.getAttribute("placeholder")) check(field, getComputedStyle(field, "::placeholder").color, "placeholder " + field.getAttribute("placeholder"));
  }
  const textOf = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() || "").join(" ").trim();
  const nameOf = (el) => (el.getAttribute("aria-label") || "").trim() || (el.getAttribute("aria-labelledby") ? textOf(el.getAttribute("aria-labelledby")) : "");
  for (const field of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    const label = Array.from(field.labels || []).map((l) => l.textContent.trim()).join(" ");
    if (!label && !nameOf(field)) result.unlabelled.push(field.outerHTML.slice(0, 80));
  }
  const headings = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).filter((h) => !h.closest("[hidden]") && getComputedStyle(h).display !== "none");
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    result.headings.push(h.tagName.toLowerCase() + " " + h.textContent.trim().slice(0, 40));
    if (!h.textContent.trim()) result.headingProblems.push("empty " + h.tagName);
    if (previous === 0 && level !== 1) result.headingProblems.push("the first heading is " + h.tagName + ", not h1");
    if (previous && level > previous + 1) result.headingProblems.push(h.tagName + " \"" + h.textContent.trim().slice(0, 40) + "\" skips from h" + previous);
    previous = level;
  }
  if (headings.filter((h) => h.tagName === "H1").length !== 1) result.headingProblems.push("there should be exactly one h1");
  for (const img of document.querySelectorAll("img")) if (!img.hasAttribute("alt")) result.images.push("img " + img.getAttribute("src"));
  for (const svg of document.querySelectorAll("svg")) {
    if (svg.getAttribute("aria-hidden") === "true") continue;
    const name = nameOf(svg) || svg.querySelector(":scope > title")?.textContent?.trim() || "";
    if (svg.getAttribute("role") !== "img" || !name) result.images.push("svg without role=img and a name: " + (svg.getAttribute("class") || ""));
  }
  for (const el of document.querySelectorAll("[role=img]")) if (!nameOf(el) && !el.querySelector(":scope > title")?.textContent?.trim() && !el.getAttribute("alt")) result.images.push("role=img without a name");
  for (const el of document.querySelectorAll("a[href], button, summary")) if (!el.textContent.trim() && !nameOf(el)) result.unnamed.push(el.outerHTML.slice(0, 80));
  if (!document.documentElement.lang) result.unnamed.push("html without lang");
  return result;
})()`;
