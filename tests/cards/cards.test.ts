import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CARDS_DIR } from "../../src/cards/render-card";
import { errorCard, noticeCard } from "../../src/cards/notice-card";
import { inert } from "../../src/cards/inert-text";
import { VERBS } from "../../src/commands";
import { HubError } from "../../src/domain/errors";
import { myProformasCard, proformaConfirmationCard, proformaEntryCard, proformaFormCard } from "../../src/proforma/proforma-cards";
import { FIELD_LABELS, type Proforma } from "../../src/proforma/proforma";
import { checkCard, findElement, inputPlaces } from "../support/card-check";
import { checkStepInputs, keptInputs } from "../../src/proforma/validate-proforma";
import { STEPS } from "../../src/proforma/proforma-fields";

const proforma: Proforma = {
  id: "01KB2Y3Z4A5B6C7D8E9F0GHJKM",
  title: "Title",
  borough: "E09000012",
  outcomeAreas: ["education"],
  summary: "Summary",
  impact: "",
  contactName: "Name",
  consentScope: "liia",
  noPersonalData: true,
  status: "submitted",
  authorId: "a",
  authorName: "A",
  tenantId: "t",
  createdAt: "2026-11-29T10:00:00.000Z",
  updatedAt: "2026-11-29T10:00:00.000Z",
  version: 1,
  demo: false,
};

describe("cards", () => {
  const rendered = {
    "proforma form": proformaFormCard({ submissionId: proforma.id }),
    "proforma form with errors": proformaFormCard({
      submissionId: proforma.id,
      values: { title: "kept" },
      errors: [{ field: "title", message: "Title is required." }],
    }),
    "proforma confirmation": proformaConfirmationCard(proforma, true),
    "my proformas": myProformasCard([{ id: proforma.id, borough: "E09000012", title: "T", status: "draft", updatedAt: proforma.updatedAt, step: 2 }]),
    "my proformas, empty": myProformasCard([]),
    notice: noticeCard("Heading", "Message"),
    "error card": errorCard(new HubError("storage-unavailable", "Storage could not be reached."), "REF"),
  };

  for (const [name, card] of Object.entries(rendered)) {
    it(`when the ${name} card is rendered, then it parses cleanly, has no template left and weighs under 28 KB`, () => {
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      assert.ok(check.bytes < 28 * 1024, `${check.bytes} bytes`);
    });
  }

  it("when one step of the proforma replaces another, then no two compact choice sets share a place in the renderer's tree (the Scale list showed the consent choices)", () => {
    const compactAt = new Map<string, string>();
    for (let step = 0; step < STEPS.length; step++) {
      for (const errors of [[], [{ field: "title", message: "Title is required." }]]) {
        for (const input of inputPlaces(proformaFormCard({ submissionId: proforma.id, step, errors }))) {
          if (input.type !== "Input.ChoiceSet" || input.style !== "compact") continue;
          const seen = compactAt.get(input.place);
          assert.ok(seen === undefined || seen === input.id, `${input.id} and ${seen} both sit at ${input.place}`);
          compactAt.set(input.place, input.id);
        }
      }
    }
    assert.ok(compactAt.size >= 4, "the borough, consent, scale and status lists are all seen");
  });

  it("when an entry is read section by section, then it tells the story in order: problem and partners, what was done, resources and cost, evidence, impact, learning", () => {
    const full = {
      ...proforma,
      impact: "i",
      ...{ problem: "p", partners: "p", whatWasDone: "w", resources: "r", evidenceStrength: "anecdotal", voice: "v" },
      ...{ risksLearning: "r", replication: "r", links: ["https://example.org/a"] },
    };
    const order = ["problem", "partners", "whatWasDone", "resources", "evidenceStrength", "voice", "impact", "risksLearning", "replication", "links"];
    const seen: string[] = [];
    for (let section = 2; section < STEPS.length; section++) {
      const text = JSON.stringify(proformaEntryCard({ proforma: full, etag: "e", canEdit: false, canReview: false, canPublish: false, section }));
      const here = order.filter((id) => text.includes(JSON.stringify(FIELD_LABELS[id])));
      here.sort((x, y) => text.indexOf(JSON.stringify(FIELD_LABELS[x])) - text.indexOf(JSON.stringify(FIELD_LABELS[y])));
      seen.push(...here.map((id) => `${section + 1}:${id}`));
    }
    assert.deepEqual(seen, [
      "3:problem",
      "3:partners",
      "4:whatWasDone",
      "4:resources",
      "5:evidenceStrength",
      "5:voice",
      "5:impact",
      "6:risksLearning",
      "6:replication",
      "6:links",
    ]);
    const inputs = (step: number) => checkCard(proformaFormCard({ submissionId: proforma.id, step })).inputIds;
    assert.deepEqual(inputs(3), ["whatWasDone", "resources"]);
    assert.deepEqual(inputs(4), ["evidenceStrength", "voice"]);
  });

  it("when a title runs past 120 characters, then the card does not cut it (Teams stops at maxLength silently): it says the limit, and the refusal shows what was typed", () => {
    const form = proformaFormCard({ submissionId: proforma.id, step: 0 });
    const title = findElement(form, (n) => n.id === "title")!;
    assert.ok(Number(title.maxLength) > 120, `maxLength ${String(title.maxLength)}`);
    assert.match(checkCard(form).texts.join("\n"), /At most 120 characters \(longer text is not cut/);
    const long =
      "A culturally informed family group conference service, co-designed with Black Caribbean families in Hackney and the City of London, and led by community advocates";
    assert.ok(long.length > 120);
    const checked = checkStepInputs({ ...{ title: long } }, 0);
    assert.ok(!checked.ok);
    const message = checked.ok ? "" : checked.errors.find((e) => e.field === "title")!.message;
    assert.match(message, new RegExp(`^Title is too long: at most 120 characters, this has ${long.length}\\. What you typed is kept below`));
    const shown = proformaFormCard({ submissionId: proforma.id, step: 0, values: keptInputs({ title: long }), errors: checked.ok ? [] : checked.errors });
    assert.equal(findElement(shown, (n) => n.id === "title")!.value, long);
  });

  it("when any template in cards/ names an Action.Execute verb, then the bot has a handler for it", () => {
    const verbs = new Set<string>();
    for (const file of readdirSync(CARDS_DIR).filter((f) => f.endsWith(".json"))) {
      const text = readFileSync(path.join(CARDS_DIR, file), "utf8");
      for (const m of text.matchAll(/"verb":\s*"([^"$]+)"/g)) verbs.add(m[1]!);
    }
    assert.ok(verbs.size > 0);
    for (const verb of verbs) assert.ok(Object.prototype.hasOwnProperty.call(VERBS, verb), `no handler for ${verb}`);
  });

  it("when an unexpected error becomes a card, then it shows a plain message and none of the error's own text", () => {
    const card = errorCard(new Error("connect ECONNREFUSED 127.0.0.1:10002 at TableClient.createEntity"));
    const json = JSON.stringify(card);
    assert.doesNotMatch(json, /ECONNREFUSED|TableClient/);
    assert.match(json, /Something went wrong on our side/);
  });

  it("when user text holds card functions, templates, mentions and links, then inert() breaks each", () => {
    const out = inert("{{DATE(2026-01-01T00:00:00Z)}} ${x} <at>Bob</at> https://phish.example www.phish.example \u0007");
    assert.ok(!out.includes("{{"));
    assert.ok(!out.includes("${"));
    assert.ok(!/<at>/i.test(out));
    assert.ok(!out.includes("https://"));
    assert.ok(!out.includes("www.phish"));
    assert.ok(!out.includes("\u0007"));
    assert.equal(out.replace(/\u2060/g, ""), "{{DATE(2026-01-01T00:00:00Z)}} ${x} <at>Bob</at> https://phish.example www.phish.example ");
  });

  it("when user text holds every Markdown link form, then inert() breaks each and reads the same", () => {
    const forms: [string, RegExp][] = [
      ["[Verify](mailto:it@x.example)", /\]\(/],
      ["[Reset][1]", /\]\[/],
      ["[1]: https://x.example", /\]:/],
      ["![p](https://x.example/p.png)", /\]\(/],
      ["<https://x.example>", /<h/],
      ["<it@x.example>", /<i/],
      ["<img src=x>", /<i/],
      ["</p><!-- c --><?x?>", /<[/!?]/],
      ["mailto:it", /o:i/],
      ["tel:+442071234567", /l:\+/],
      ["javascript:alert(1)", /t:a/],
      ["it@x.example", /t@/],
      ["x.example/login", /x\.e/],
    ];
    for (const [text, live] of forms) {
      const out = inert(text);
      assert.doesNotMatch(out, live, text);
      assert.equal(out.replace(/\u2060/g, ""), text, `${text} reads the same`);
      assert.equal(inert(out), out, `${text}: a second pass changes nothing`);
    }
    assert.equal(inert("10:30, 3.5 times, a < b, Note: done"), "10:30, 3.5 times, a < b, Note: done", "times, numbers and prose are left alone");
  });

  it("when a card is rendered, then every text it shows is inert but input values and action data stay as they are", () => {
    const card = proformaFormCard({ submissionId: proforma.id, values: { title: "[x](https://x.example) <date>" } });
    const json = JSON.stringify(card);
    assert.ok(json.includes('"value":"[x](https://x.example) <date>"'), "the input keeps what was typed");
    const notice = noticeCard("Usage <date>", "circulate proforma by <date>");
    const texts = checkCard(notice).texts;
    assert.ok(
      texts.every((t) => !/<[a-z]/.test(t)),
      texts.join(" | "),
    );
    assert.ok(
      texts.some((t) => t.replace(/\u2060/g, "") === "Usage <date>"),
      "the heading is made inert too",
    );
  });
});
