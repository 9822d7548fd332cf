import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import type { RunningService } from "../../src/service";
import { launchChromium, needChromium } from "../support/browser";
import { playgroundChat } from "../support/playground-chat";
import { startPlayground, type Playground } from "../support/playground";
import { startTestService } from "../support/test-service";

/**
 * As a person with only the README would, in the Agents Playground (headless Chromium), from a fresh
 * start: nominate Hackney's lead with the people picker, accept as the nominee (`act as`), confirm as
 * the coordinator, see `leads`; then convene a conversation posted to the leads' channel, answer from
 * two people, see the card turn into the held card once the start has passed (the service's clock is
 * moved on, its housekeeping runs every half second), record outcomes and an action, mark it done.
 * One service, one Playground and one browser for the file.
 */
describe("end to end in the Agents Playground: the leads' journeys", function () {
  this.timeout(180_000);
  let service: RunningService | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let offsetMs = 0;

  before(async function () {
    needChromium(this);
    service = await startTestService({ now: () => new Date(Date.now() + offsetMs), schedule: true, housekeepingEveryMs: 500 });
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(playground.url);
    await composer().waitFor({ timeout: 30_000 });
    // One published proforma in the library, to be chosen for the conversation.
    const at = new Date().toISOString();
    await service.app.proformas.create({
      ...{ id: "01KHZ0000000000000000000P1", title: "Playground: mentoring for Black social workers", borough: "E09000012", outcomeAreas: ["workforce"] },
      ...{ summary: "Mentoring circles.", impact: "", contactName: "Alex Wilber", consentScope: "liia", noPersonalData: true, status: "published" },
      ...{ authorId: "someone-else", authorName: "Someone", tenantId: "local", createdAt: at, updatedAt: at, version: 1, demo: false },
    });
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
  });

  const { composer, cards, newCard, say, press } = playgroundChat(() => page);

  it("when the coordinator nominates Megan with the people picker, then Megan (act as) accepts, the coordinator confirms, and leads shows her", async () => {
    await say("act as user-id-1 Megan Bowen", "You now act as Megan Bowen");
    await say("act as me", "You act as Alex Wilber again");

    const form = await say("nominate", "Nominate a borough lead");
    await form.getByRole("combobox", { name: /^Borough/ }).click();
    await page.getByRole("option", { name: "Hackney" }).click();
    await form.getByRole("combobox", { name: "People Picker" }).click();
    await page.keyboard.type("Meg");
    await page.getByText("Megan Bowen").last().click();
    await form.getByRole("textbox", { name: /job title/ }).fill("Head of Service");
    const sent = await press(form, "Nominate", /Nomination sent|could not reach/);
    assert.match(await sent.innerText(), /Megan Bowen/);

    await say("act as user-id-1", "You now act as Megan Bowen");
    const waiting = await say("nominations", "Waiting for the nominee to accept");
    await press(waiting, "Accept", "Thank you for accepting");

    await say("act as me", "You act as Alex Wilber again");
    const toConfirm = await say("nominations", "waiting for the DCS or a coordinator to confirm");
    await press(toConfirm, "Confirm", "Megan Bowen is now Hackney's borough lead");
    const leads = await say("leads", /Hackney/);
    assert.match(await leads.innerText(), /Megan Bowen/);
  });

  it("when the coordinator convenes and two people answer, then after the start the card becomes the held card, outcomes and an action are recorded and the action is marked done", async () => {
    await page.getByText("General", { exact: true }).first().click();
    await composer().click();
    // In a channel the bot hears only what @mentions it.
    const before = await cards().count();
    await page.keyboard.type("@");
    await page.getByText("Test Bot", { exact: true }).last().click();
    await page.keyboard.type(" register this channel as leads");
    await page.getByRole("button", { name: "Post" }).click();
    await newCard(before, "This conversation is now the");

    await page.getByText("Personal Chat", { exact: true }).first().click();
    const form = await say("convene", "Convene a cross-borough conversation");
    await form.getByRole("textbox", { name: /^Topic/ }).fill("Playground: adolescent safeguarding across borders");
    await form.getByRole("combobox", { name: /^Theme/ }).click();
    await page.getByRole("option").first().click();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await form.getByRole("combobox", { name: /^Date/ }).fill(tomorrow);
    await page.keyboard.press("Tab");
    // The time is typed, as a person would, not picked from a list.
    await form.getByRole("combobox", { name: /^Start time/ }).fill("10:00");
    await page.keyboard.press("Tab");
    // The proformas to discuss are ticked in a list the Playground (and Teams) draws.
    await form.getByRole("checkbox", { name: /Playground: mentoring for Black social workers/ }).check();
    const posted = await press(form, "Send invitation", "The invitation was posted to 1 conversation");
    const when = await posted.innerText();
    assert.match(when, /To discuss: Playground: mentoring for Black social workers/);
    assert.equal(when.match(/at 10:00 London time/g)?.length, 1, "the date and time once, in one format");
    assert.doesNotMatch(when, /\d{4}-\d\d-\d\d|\{\{DATE/);

    await page.getByText("General", { exact: true }).first().click();
    const invitation = () => cards().filter({ hasText: "Playground: adolescent safeguarding across borders" }).last();
    await invitation().getByRole("button", { name: "Yes, I'll come" }).click();
    await cards().filter({ hasText: "Coming: 1 · Maybe: 0" }).last().waitFor({ timeout: 30_000 });

    await page.getByText("Personal Chat", { exact: true }).first().click();
    await say("act as user-id-1", "You now act as Megan Bowen");
    await page.getByText("General", { exact: true }).first().click();
    await invitation().getByRole("button", { name: "Maybe" }).click();
    await cards().filter({ hasText: "Coming: 1 · Maybe: 1" }).last().waitFor({ timeout: 30_000 });
    assert.match(await invitation().innerText(), /Megan Bowen \(maybe\)/);
    await page.getByText("Personal Chat", { exact: true }).first().click();
    await say("act as me", "You act as Alex Wilber again");

    // Two days on: the housekeeping run turns the posted copy into the held card.
    offsetMs = 2 * 86_400_000;
    await page.getByText("General", { exact: true }).first().click();
    const held = cards().filter({ hasText: "Cross-borough conversation (held)" }).last();
    await held.waitFor({ timeout: 30_000 });
    assert.equal(await held.getByRole("button", { name: "Yes, I'll come" }).count(), 0, "answers are closed");

    const outcomes = await press(held, "Record outcomes", "Record outcomes and actions");
    await outcomes.getByRole("textbox", { name: /^Outcomes/ }).fill("Agreed a shared protocol for missing-from-home returns");
    await outcomes.getByRole("textbox", { name: /^Action 1/ }).fill("Draft the shared protocol");
    await outcomes
      .getByRole("combobox", { name: /^Owner borough/ })
      .first()
      .click();
    await page.getByRole("option", { name: "Hackney" }).click();
    const due = new Date(Date.now() + offsetMs + 7 * 86_400_000).toISOString().slice(0, 10);
    await outcomes
      .getByRole("combobox", { name: /^Due date/ })
      .first()
      .fill(due);
    await page.keyboard.press("Tab");
    const recorded = await press(outcomes, "Save outcomes", "Outcomes recorded");
    assert.match(await recorded.innerText(), /Draft the shared protocol/);
    const done = await press(recorded, "Mark done", "the action is marked done");
    assert.match(await done.innerText(), /Hackney · due [0-9-]+ · done/);
    assert.equal(await done.getByRole("button", { name: "Mark done" }).count(), 0);
  });
});
