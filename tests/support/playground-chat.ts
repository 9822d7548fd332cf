import type { Locator, Page } from "playwright-core";

/**
 * What a person does in the Agents Playground: type in the open conversation, start a post in a
 * channel, press a card's button, and wait for the card that answers with the text expected. Takes
 * the page lazily, since a suite opens it in its `before`.
 */
export function playgroundChat(page: () => Page) {
  const composer = () => page().locator('[data-lexical-editor="true"][role="textbox"]').first();
  const cards = () => page().locator(".ac-adaptiveCard");
  async function open(conversation: string): Promise<void> {
    await page().getByText(conversation, { exact: true }).first().click();
  }
  /** Waits until more than `before` cards are shown, then for the newest showing the text expected. */
  async function newCard(before: number, expect: string | RegExp): Promise<Locator> {
    await page().waitForFunction((n) => document.querySelectorAll(".ac-adaptiveCard").length > n, before, { timeout: 30_000 });
    const card = cards().filter({ hasText: expect }).last();
    await card.waitFor({ timeout: 30_000 });
    return card;
  }
  /** Types a message in the open conversation and waits for a new card that shows the text expected. */
  async function say(text: string, expect: string | RegExp): Promise<Locator> {
    const before = await cards().count();
    await composer().click();
    await page().keyboard.type(text);
    await page().keyboard.press("Enter");
    return newCard(before, expect);
  }
  /** Starts a new post in the open channel, @mentioning the bot (in a channel it hears nothing else). */
  async function post(text: string, expect: string | RegExp): Promise<Locator> {
    const before = await cards().count();
    await composer().click();
    await page().keyboard.type("@");
    await page().getByText("Test Bot", { exact: true }).last().click();
    await page().keyboard.type(` ${text}`);
    await page().getByRole("button", { name: "Post" }).click();
    return newCard(before, expect);
  }
  /** Presses a button; the answer may replace the card: waits for the card that shows the text expected. */
  async function press(card: Locator, button: string, expect: string | RegExp, options: { exact?: boolean } = {}): Promise<Locator> {
    await card
      .getByRole("button", { name: button, exact: options.exact ?? false })
      .first()
      .click();
    const answer = cards().filter({ hasText: expect }).last();
    await answer.waitFor({ timeout: 30_000 });
    return answer;
  }
  return { composer, cards, open, newCard, say, post, press };
}
