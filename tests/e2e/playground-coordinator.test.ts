import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import type { RunningService } from "../../src/service";
import { launchChromium, needChromium } from "../support/browser";
import { playgroundChat } from "../support/playground-chat";
import { startPlayground, type Playground } from "../support/playground";
import { startTestService } from "../support/test-service";
import { storeDemoHeadlinesIfEmpty } from "../../src/headlines/demo-headlines";
import { silentLogger } from "../../src/logging/logger";
import { ANN, actionData, cardText, execute, say as sayOverHttp } from "../support/teams-client";

const HACKNEY = "E09000012";
const TITLE = "Playground: community advocates at child protection conferences";

/**
 * The coordinator's journey as a person with only the README would walk it, in the Agents Playground
 * (headless Chromium), from a fresh start: circulate the proforma (with no borough channel, then with
 * Announcements registered as Hackney's), see who has responded, review and publish Hackney's entry,
 * register General as a DCS channel, preview the digest and send it, and see it arrive in General as a
 * post of its own. A Hackney worker's submission comes over HTTP, as from their own Teams client.
 */
describe("end to end in the Agents Playground: the coordinator's journey", function () {
  this.timeout(180_000);
  let service: RunningService | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    needChromium(this);
    service = await startTestService();
    // As npm start does on a fresh install: the demo headlines are stored, waiting for approval.
    assert.equal(await storeDemoHeadlinesIfEmpty(service.app.measures, silentLogger(), service.app.ladders), true);
    playground = await startPlayground(`${service.url}/api/messages`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(playground.url);
    await composer().waitFor({ timeout: 30_000 });
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
  });

  const { composer, cards, open, say, post, press } = playgroundChat(() => page);
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

  it("when the coordinator circulates with no borough channel, then nothing is sent and the card says how to register one; with Announcements registered as Hackney's, the invitation is posted there", async () => {
    await open("Personal Chat");
    const nothing = await say(`circulate proforma by ${deadline}`, "Nothing was sent");
    assert.match(await nothing.innerText(), /register this channel as borough Hackney/);

    await open("Announcements");
    await post("register this channel as borough Hackney", "This conversation is now the Hackney borough channel");

    await open("Personal Chat");
    const circulated = await say(`circulate proforma by ${deadline}`, /Invitation posted to 1 of 8 boroughs/);
    assert.match(await circulated.innerText(), /Reminders go to boroughs that have not submitted/);
    await open("Announcements");
    const invitation = cards()
      .filter({ hasText: "Hackney" })
      .filter({ hasText: /proforma/i })
      .first();
    await invitation.waitFor({ timeout: 30_000 });
  });

  it("when Hackney submits, then proforma status shows Hackney has responded; review opens the entry and publish publishes it", async () => {
    await open("Personal Chat");
    const before = await say("proforma status", /Hackney/);
    assert.match(await before.innerText(), /Hackney\s+nothing/i);

    // A Hackney worker submits from their own Teams client.
    const [form] = await sayOverHttp(service!.url, ANN, "proforma");
    const submitted = await execute(service!.url, ANN, "proforma.submit", {
      submissionId: actionData(form, "proforma.submit").submissionId,
      title: TITLE,
      borough: HACKNEY,
      outcomeAreas: "social-care",
      summary: "Black families were over-represented at child protection conferences; community advocates now attend with them.",
      impact: "Families said they were heard.",
      contactName: "Ann Example, Head of Service",
      consentScope: "east-london",
      noPersonalData: "true",
    });
    assert.match(cardText(submitted.body.value), /saved/);

    const after = await say("proforma status", /Hackney/);
    assert.doesNotMatch(await after.innerText(), /Hackney\s+nothing/i, "Hackney's submission counts");

    const queue = await say("review proformas", "Proformas waiting for review");
    assert.match(await queue.innerText(), new RegExp(TITLE));
    const entry = await press(queue, "Open to review", /Publish/);
    assert.match(await entry.innerText(), new RegExp(TITLE));
    // The status card above also says "published": wait for the entry's own card to say it.
    await entry.getByRole("button", { name: "Publish" }).first().click();
    const published = cards()
      .filter({ hasText: TITLE })
      .filter({ hasText: /Published/ })
      .last();
    await published.waitFor({ timeout: 30_000 });
    assert.match(await published.innerText(), new RegExp(TITLE));
    const empty = await say("review proformas", "Nothing is waiting");
    assert.doesNotMatch(await empty.innerText(), new RegExp(TITLE));
  });

  it("when General is registered as the DCS channel, then channels names both channels, the preview shows the published entry, and the digest sent now appears in General as a post of its own", async () => {
    await open("General");
    await post("register this channel as dcs", "This conversation is now the DCS channel");

    await open("Personal Chat");
    const channels = await say("channels", /DCS channel/);
    const listed = await channels.innerText();
    assert.match(listed, /My Team › General/, "the team and channel names Teams gives");
    assert.match(listed, /My Team › Announcements/);
    assert.doesNotMatch(listed, /unnamed/);

    const preview = await say("digest preview", "Preview: only you can see this");
    const previewed = await preview.innerText();
    assert.match(previewed, /Practice shared/);
    assert.match(previewed, new RegExp(TITLE));
    assert.match(previewed, /Circulation and responses[\s\S]*1 of 8 boroughs responded/);

    const sent = await say("digest send now", /sent to 1 channel\(s\) now/);
    assert.match(await sent.innerText(), /0 failed, 0 unknown/);

    await open("General");
    const digest = cards().filter({ hasText: "Weekly digest" });
    await digest.first().waitFor({ timeout: 30_000 });
    assert.equal(await digest.count(), 1);
    assert.match(await digest.first().innerText(), new RegExp(TITLE));
    // A post of its own in the channel, not a reply inside the thread where General was registered.
    const postOfDigest = digest.first().locator("xpath=ancestor::div[@role='group'][1]");
    assert.doesNotMatch(await postOfDigest.innerText(), /register this channel as dcs/);
    if (process.env.E2E_SCREENSHOT) await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
  });

  it("when one person proposes headlines, then they cannot approve them; given a second coordinator to act as, the approval goes through and post headlines reaches General", async () => {
    await open("Personal Chat");
    await say("propose headlines", "Proposed data headlines");
    const refused = await say("approve headlines", /proposed/);
    assert.doesNotMatch(await refused.innerText(), /are approved/);

    // One person, two coordinators: give the Playground's second user the role, act as them, approve.
    await say("role user-id-1 coordinator", "Role set");
    await say("act as user-id-1 Megan Bowen", "You now act as Megan Bowen");
    await say("approve headlines", "The headlines are approved");
    await say("act as me", "You act as Alex Wilber again");

    const posted = await say("post headlines", /sent to 1 channel\(s\) now/);
    assert.match(await posted.innerText(), /0 failed, 0 unknown/);
    await open("General");
    const headlines = cards()
      .filter({ hasText: /SYNTHETIC/ })
      .filter({ hasNotText: "Weekly digest" });
    await headlines.first().waitFor({ timeout: 30_000 });
    const [top] = await service!.app.measures.latestHeadlines(1);
    assert.match(await headlines.first().innerText(), new RegExp(top!.areaName));
  });
});
