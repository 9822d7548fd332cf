import assert from "node:assert/strict";
import { TableClient } from "@azure/data-tables";
import type { RunningService } from "../../src/service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { checkCard } from "../support/card-check";
import { startTestAzurite, startTestService } from "../support/test-service";
import { ANN, BEN, actionData, cardText, execute, say } from "../support/teams-client";

const HACKNEY = "E09000012";

function goodInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Culturally informed family group conferences",
    borough: HACKNEY,
    outcomeAreas: "social-care,youth-justice",
    summary: "Black boys were over-represented at child protection conference; we introduced family group conferences led by community advocates.",
    impact: "Re-referrals fell over two years.",
    contactName: "Ann Example, Head of Service",
    consentScope: "east-london",
    noPersonalData: "true",
    ...overrides,
  };
}

describe("proforma submit over HTTP against Azurite", function () {
  let azurite: EmbeddedAzurite;
  let service: RunningService;
  let proformas: TableClient;

  before(async () => {
    azurite = await startTestAzurite();
    service = await startTestService({ azurite });
    proformas = TableClient.fromConnectionString(azurite.connectionString, "proformas", { allowInsecureConnection: true });
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
  });

  async function storedRows(): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    // Outbox rows leave on their own (moved to the activity feed) and are not what a save stored.
    for await (const e of proformas.listEntities()) if (!String(e.rowKey).startsWith("outbox:")) rows.push(e);
    return rows;
  }

  async function openForm(): Promise<{ card: any; submissionId: string }> {
    const [card] = await say(service.url, ANN, "proforma");
    const data = actionData(card, "proforma.submit");
    return { card, submissionId: String(data.submissionId) };
  }

  it("when someone types help, then a help card lists the commands", async () => {
    const [card] = await say(service.url, ANN, "HELP");
    assert.deepEqual(checkCard(card).errors, []);
    const text = JSON.stringify(card);
    for (const word of ["help", "proforma", "my proformas"]) assert.ok(text.includes(`"${word}"`), `help lists ${word}`);
  });

  it("when the bot is @mentioned in a channel, then the mention is stripped before the command is read", async () => {
    const cards = await say(service.url, ANN, "<at>Disparities Hub</at> proforma");
    assert.equal(cards.length, 1);
    assert.ok(checkCard(cards[0]).inputIds.includes("title"));
  });

  it("when someone types proforma, then the form card has the agreed inputs and a server-made submission id", async () => {
    const { card, submissionId } = await openForm();
    const check = checkCard(card);
    assert.deepEqual(check.errors, []);
    assert.deepEqual(check.inputIds, ["title", "borough", "outcomeAreas", "summary", "impact", "contactName", "consentScope", "noPersonalData"]);
    assert.match(submissionId, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.ok(check.bytes < 28 * 1024);
  });

  it("when a good proforma is submitted, then it is stored in its borough's partition and a confirmation replaces the form", async () => {
    const { submissionId } = await openForm();
    const answer = await execute(service.url, ANN, "proforma.submit", { submissionId, ...goodInputs() });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, "application/vnd.microsoft.card.adaptive");
    assert.match(cardText(answer.body.value), /your proforma is saved/);
    const row = await proformas.getEntity<Record<string, unknown>>(HACKNEY, submissionId);
    assert.equal(row.title, "Culturally informed family group conferences");
    assert.equal(row.authorId, ANN.id);
    assert.equal(row.status, "submitted");
    assert.deepEqual(JSON.parse(String(row.outcomeAreas)), ["social-care", "youth-justice"]);
  });

  it("when the same submission arrives twice, and twice at once, then one record is stored and the repeat says already received", async () => {
    const { submissionId } = await openForm();
    const first = await execute(service.url, ANN, "proforma.submit", { submissionId, ...goodInputs({ title: "Twice" }) });
    const [again, atOnce] = await Promise.all([
      execute(service.url, ANN, "proforma.submit", { submissionId, ...goodInputs({ title: "Twice" }) }),
      execute(service.url, ANN, "proforma.submit", { submissionId, ...goodInputs({ title: "Twice" }) }),
    ]);
    assert.match(cardText(first.body.value), /saved/);
    assert.match(cardText(again.body.value), /Already received/);
    assert.match(cardText(atOnce.body.value), /Already received/);
    const rows = (await storedRows()).filter((r) => r.rowKey === submissionId);
    assert.equal(rows.length, 1);
  });

  it("when a submission is bad, then the card names each bad field, keeps what was typed, and nothing is stored", async () => {
    const before = (await storedRows()).length;
    const { submissionId } = await openForm();
    const answer = await execute(service.url, ANN, "proforma.submit", {
      submissionId,
      ...goodInputs({ title: "x".repeat(121), borough: "E09000099", summary: "", noPersonalData: "false", contactName: "Kept name" }),
    });
    assert.equal(answer.status, 200);
    const card = answer.body.value;
    const text = cardText(card);
    assert.match(text, /Title is too long: at most 120 characters, this has 121/);
    assert.match(text, /Borough must be one of/);
    assert.match(text, /Summary is required/);
    assert.match(text, /no personal data/);
    const contact = JSON.stringify(card).includes('"value":"Kept name"');
    assert.ok(contact, "the typed contact name is kept on the card");
    assert.deepEqual(checkCard(card).errors, []);
    assert.equal((await storedRows()).length, before);
  });

  it("when a card's submission id was not made by the server, then it is refused and nothing is stored", async () => {
    const before = (await storedRows()).length;
    const answer = await execute(service.url, ANN, "proforma.submit", { submissionId: "../../etc#?", ...goodInputs() });
    assert.match(cardText(answer.body.value), /not one the bot made/);
    assert.equal((await storedRows()).length, before);
  });

  it("when someone asks for my proformas, then they see their own entries and not other people's", async () => {
    const { submissionId } = await openForm();
    await execute(service.url, BEN, "proforma.submit", { submissionId, ...goodInputs({ title: "Ben's mentoring scheme" }) });
    const [benCard] = await say(service.url, BEN, "my proformas");
    const [annCard] = await say(service.url, ANN, "My Proformas");
    assert.match(cardText(benCard), /Ben's mentoring scheme/);
    assert.match(cardText(benCard), /Hackney · submitted\nsaved \d{1,2} [A-Z][a-z]{2} \d{4} at \d\d:\d\d/);
    assert.doesNotMatch(cardText(annCard), /Ben's mentoring scheme/);
    assert.match(cardText(annCard), /Culturally informed family group conferences/);
  });

  it("when a user types markdown, links and card functions, then the confirmation shows them as inert text", async () => {
    const { submissionId } = await openForm();
    const hostile = "[Click](https://phish.example) **bold** {{DATE(2017-02-14T06:08:39Z, SHORT)}} ${title} <at>Bob</at>";
    const answer = await execute(service.url, ANN, "proforma.submit", { submissionId, ...goodInputs({ title: hostile.slice(0, 120) }) });
    const card = answer.body.value;
    const json = JSON.stringify(card);
    assert.ok(!json.includes("${"), "no template expression survives");
    assert.ok(!json.includes("{{DATE"), "no date function survives");
    assert.ok(!json.includes("https://phish"), "no live link survives");
    const titleRun = checkCard(card).texts.find((t) => t.includes("Click"));
    assert.ok(titleRun, "the title is still shown");
    assert.deepEqual(checkCard(card).errors, []);
  });

  it("when the message is not a command, then the bot says so and points to help", async () => {
    const [card] = await say(service.url, ANN, "what is this");
    assert.match(cardText(card), /Type help/);
  });
});
