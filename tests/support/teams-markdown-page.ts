import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";

/** What a person sees of one rendered card: its text, and the links and images that came alive. */
export interface SeenCard {
  text: string;
  links: string[];
  images: string[];
  /** Elements the Markdown made that Teams would drop (a `<date>` read as a tag), by tag name. */
  dropped: string[];
}

/**
 * A page in real Chromium that renders cards with the adaptivecards library the way Teams shows them:
 * TextBlock text and FactSet facts go through Markdown (markdown-it, CommonMark with raw HTML on and
 * bare web and e-mail addresses auto-linked), and the HTML that comes out keeps only the elements a
 * Teams card shows (a, em, img, li, ol, p, strong, ul, br); any other element is unwrapped, so a raw
 * `<date>` vanishes as it does in Teams and in the Agents Playground.
 */
export class TeamsMarkdownPage {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(): Promise<TeamsMarkdownPage> {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.setContent("<!doctype html><html><body><div id=cards></div></body></html>");
    await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
    await page.addScriptTag({ path: path.join(path.dirname(require.resolve("markdown-it")), "browser", "markdown-it.umd.min.js") });
    await page.evaluate(() => {
      const w = window as any;
      const md = w.markdownit({ html: true, linkify: true });
      const shown = new Set(["A", "EM", "IMG", "LI", "OL", "P", "STRONG", "UL", "BR"]);
      w.droppedTags = [] as string[];
      w.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text: string, result: { didProcess: boolean; outputHtml?: string }) => {
        const holder = document.createElement("div");
        holder.innerHTML = md.render(text);
        for (const el of Array.from(holder.querySelectorAll("*")).reverse()) {
          if (shown.has(el.tagName)) continue;
          w.droppedTags.push(el.tagName.toLowerCase());
          el.replaceWith(...Array.from(el.childNodes));
        }
        result.outputHtml = holder.innerHTML;
        result.didProcess = true;
      };
    });
    return new TeamsMarkdownPage(browser, page);
  }

  async show(card: unknown): Promise<SeenCard> {
    return this.page.evaluate((payload) => {
      // The library's classes for elements that show text (an Image element is the card's own).
      const TEXT = ":is(.ac-textBlock, .ac-factset, .ac-richTextBlock)";
      const w = window as any;
      w.droppedTags = [];
      const root = document.getElementById("cards")!;
      root.replaceChildren();
      const adaptive = new w.AdaptiveCards.AdaptiveCard();
      adaptive.parse(payload);
      const element = adaptive.render() as HTMLElement;
      root.appendChild(element);
      return {
        text: element.innerText.replace(/\u2060/g, ""),
        links: Array.from(element.querySelectorAll(`${TEXT} a`)).map((a) => a.getAttribute("href") ?? a.textContent ?? ""),
        images: Array.from(element.querySelectorAll(`${TEXT} img`)).map((img) => img.getAttribute("src") ?? ""),
        dropped: [...w.droppedTags],
      };
    }, card);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
