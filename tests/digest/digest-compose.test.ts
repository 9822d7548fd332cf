import assert from "node:assert/strict";
import type { RunningService } from "../../src/service";
import { composeDigest } from "../../src/digest/compose-digest";
import { digestCard } from "../../src/digest/digest-card";
import { MAX_STORED_LINES, type DigestData } from "../../src/digest/digest-data";
import type { DigestStrip, StripStep } from "../../src/digest/entry-strip";
import { main as digestCli } from "../../src/cli/digest";
import { MAX_CARD_BYTES } from "../../src/cards/render-card";
import { Pacer } from "../../src/delivery/pacer";
import { checkCard } from "../support/card-check";
import { BOROUGHS } from "../../src/domain/boroughs";
import { startTestAzurite, startTestService } from "../support/test-service";
import type { EmbeddedAzurite } from "../../src/storage/embedded-azurite";
import { ANN, cardText, say } from "../support/teams-client";
import { HACKNEY, feedEvent } from "./digest-support";

describe("composing the digest, its card, and pacing", function () {
  let service: RunningService;
  let azurite: EmbeddedAzurite;
  before(async () => {
    azurite = await startTestAzurite();
    service = await startTestService({ azurite, now: () => new Date("2026-12-02T10:00:00Z") });
  });
  after(async () => {
    await service?.stop();
    await azurite?.stop();
  });

  it("when a week has nothing in it, then every section says nothing this week and the card still parses", async () => {
    const data = await composeDigest(service.app, "2026-W30");
    assert.equal(data.events, 0);
    const card = digestCard(data);
    assert.deepEqual(checkCard(card).errors, []);
    const text = cardText(card);
    for (const title of ["Practice shared", "Circulation and responses", "Conversations", "Actions overdue", "Data headlines"]) {
      assert.match(text, new RegExp(`${title}\\nNothing this week`), title);
    }
    assert.match(text, /0 of 8 boroughs have a confirmed lead/, "lead coverage comes from current state even in an empty week");
  });

  it("when a week is full of long titles, then the card stays under 28 KB, counts what it leaves out, and shows every title inert", () => {
    const title = "${x} <at>everyone</at> https://example.org {{DATE(2026-01-01)}} ".padEnd(140, "x");
    const lines = Array.from({ length: MAX_STORED_LINES }, () => ({ borough: HACKNEY, text: "new · Social care, Youth justice, Education", subject: title }));
    const data: DigestData = {
      week: "2026-W48",
      weekLabel: "Monday 23 to Sunday 29 November 2026",
      composedAt: "",
      events: 500,
      sections: ["a", "b", "c", "d", "e"].map((id) => ({ id, title: id, summary: "lots", lines, omitted: 60 })),
      // Eight boroughs' findings, each with its long sentence.
      headlines: BOROUGHS.map((b, i) => ({
        rank: i + 1,
        text: `In ${b.name}, Black Caribbean children were 2.5 times as likely as White British children to be looked after `.padEnd(300, "x"),
        label: `Black Caribbean, ${b.name}`,
        measure: "cla-rate",
        ratio: 2.5,
        ratioLow: 1.9,
        ratioHigh: 3.2,
        period: "2024",
        source: "DfE CLA",
        synthetic: false,
      })),
      chart: { url: `http://127.0.0.1:3978/charts/${"a".repeat(32)}.png`, alt: "Forest plot ".padEnd(2000, "x") },
    };
    const card = digestCard(data);
    const check = checkCard(card);
    assert.deepEqual(check.errors, []);
    assert.ok(check.bytes < MAX_CARD_BYTES, `${check.bytes} bytes`);
    for (const b of BOROUGHS)
      assert.ok(
        check.texts.some((t) => t.includes(`Black Caribbean, ${b.name}`)),
        `${b.name}'s finding in the numbers`,
      );
    assert.ok(JSON.stringify(card).includes(data.chart!.url), "the picture is kept");
    const json = JSON.stringify(card);
    assert.ok(!json.includes("${") && !json.includes("<at>") && !json.includes("{{") && !json.includes("https://"));
    assert.match(cardText(card), /and \d+ more/);
  });

  it("when entries name SEND as an outcome area and as a pan-London priority, then practice shared counts one SEND theme, each entry once", async () => {
    const week = "2026-W41";
    const at = "2026-10-06T10:00:00Z";
    await feedEvent(service.app, week, {
      key: "send-both",
      kind: "proforma.submitted",
      at,
      borough: HACKNEY,
      title: "SEND transitions",
      data: { outcomeAreas: "send,education", priorities: "send" },
    });
    await feedEvent(service.app, week, {
      key: "send-priority",
      kind: "proforma.submitted",
      at,
      borough: HACKNEY,
      title: "SEND panel",
      data: { priorities: "send" },
    });
    const practice = (await composeDigest(service.app, week)).sections.find((s) => s.id === "proformas")!;
    assert.match(practice.summary, /By theme: Special educational needs and disabilities \(SEND\) 2; Education 1\.$/);
    const lines = practice.lines.map((l) => l.text);
    assert.deepEqual(
      lines.sort(),
      ["new · Special educational needs and disabilities (SEND)", "new · Special educational needs and disabilities (SEND), Education"].sort(),
    );
  });

  it("when eight boroughs' findings carry practice links and every borough has a strip, then each DCS card stays under 28 KB and shows its own strip", () => {
    const title = "${x} <at>everyone</at> https://example.org ".padEnd(140, "x");
    const lines = Array.from({ length: MAX_STORED_LINES }, () => ({ borough: HACKNEY, text: "new · Social care, Youth justice, Education", subject: title }));
    const step = (label: string, low: number): StripStep => ({ label, ratio: low + 0.4, low, high: low + 0.9, suppressed: false });
    const strips: DigestStrip[] = BOROUGHS.map((b) => ({
      areaCode: b.code,
      areaName: b.name,
      synthetic: false,
      chains: [
        {
          title: "Children's social care",
          period: "2026",
          reference: "White British children",
          source: "returns ".padEnd(200, "x"),
          rows: ["White", "Mixed", "Asian", "Black", "Other"].map((group) => ({
            group,
            sentence: `${group} children in ${b.name}: the disparity enters at referral `.padEnd(500, "x"),
            steps: ["Referral", "Assessment", "Section 47", "Conference", "Plan", "In need to looked after"].map((l, i) => step(l, i % 2 ? 0.8 : 1.2)),
          })),
        },
        {
          title: "Schools",
          period: "2024/25",
          reference: "White British pupils",
          source: "exclusions",
          rows: ["Black Caribbean", "Gypsy/Roma"].map((group) => ({ group, sentence: "", steps: [step("Suspension", 1.5), step("Permanent exclusion", 0.7)] })),
        },
      ],
    }));
    const data: DigestData = {
      week: "2026-W48",
      weekLabel: "Monday 23 to Sunday 29 November 2026",
      composedAt: "",
      events: 500,
      sections: ["a", "b", "c", "d", "e"].map((id) => ({ id, title: id, summary: "lots", lines, omitted: 60 })),
      headlines: BOROUGHS.slice(0, 5).map((b, i) => ({
        rank: i + 1,
        key: `suspension-rate|${b.code}|2024/25|Black Caribbean`,
        text: `In ${b.name}, Black Caribbean pupils were 2.5 times as likely as White British pupils to be suspended `.padEnd(300, "x"),
        label: `Black Caribbean, ${b.name}`,
        group: "Black Caribbean",
        measure: "suspension-rate",
        ratio: 2.5,
        ratioLow: 1.9,
        ratioHigh: 3.2,
        period: "2024/25",
        source: "DfE exclusions",
        synthetic: false,
        practice: BOROUGHS.slice(0, 5).map((p, j) => ({ id: `01JQ00000000000000000000${i}${j}`, title: title, borough: p.code, boroughName: p.name })),
        practiceTotal: 9,
        gap: "",
      })),
      chart: { url: `http://127.0.0.1:3978/charts/${"a".repeat(32)}.png`, alt: "Forest plot ".padEnd(2000, "x") },
      strips,
    };
    for (const b of BOROUGHS) {
      const card = digestCard(data, { leadBorough: b.code });
      const check = checkCard(card);
      assert.deepEqual(check.errors, []);
      assert.ok(check.bytes < MAX_CARD_BYTES, `${b.name}: ${check.bytes} bytes`);
      const text = cardText(card);
      assert.ok(text.includes(`Where disparity enters in ${b.name}`), `${b.name}'s own strip`);
      for (const other of BOROUGHS.filter((o) => o.code !== b.code)) assert.ok(!text.includes(`Where disparity enters in ${other.name}`));
      assert.match(text, /Referral 1\.60 ▲/, "a step whose interval lies above 1 is marked");
      assert.match(text, / · Assessment 1\.20(?! ▲)/, "a step whose interval reaches 1 is not");
      assert.match(text, /Practice boroughs have shared on this \(2 of 9 shown; the rest are in the library\):/);
      assert.equal(check.verbs.filter((v) => v === "proforma.view").length >= 2, true, "practice buttons are kept");
      assert.ok(check.verbs.includes("headline.convene"));
      assert.ok(!JSON.stringify(card).includes("${"));
    }
    assert.ok(!cardText(digestCard(data)).includes("Where disparity enters"), "a channel for no borough shows no strip");
  });

  it("when a DCS previews the digest in a one-to-one chat, then it comes back in that chat, and a week that does not exist gets a clear card", async () => {
    await feedEvent(service.app, "2026-W49", { key: "pv", kind: "proforma.submitted", at: "2026-12-01T10:00:00Z", borough: HACKNEY, title: "Preview item" });
    const [card] = await say(service.url, ANN, "digest preview");
    assert.deepEqual(checkCard(card).errors, []);
    assert.match(cardText(card), /Preview: only you can see this[\s\S]*Preview item/);
    const [bad] = await say(service.url, ANN, "digest preview 2026-W99");
    assert.match(cardText(bad), /not an ISO week/);
  });

  it("when no headlines are stored, then headlines says so and post headlines sends nothing", async () => {
    const [shown] = await say(service.url, ANN, "headlines");
    assert.deepEqual(checkCard(shown).errors, []);
    assert.match(cardText(shown), /No approved headlines yet/);
    const [posted] = await say(service.url, ANN, "post headlines");
    assert.match(cardText(posted), /No approved headlines yet/);
  });

  it("when npm run digest is given a week, then it prints that week's digest as text or JSON, and a bad week gets the usage", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    assert.equal(await digestCli(["--week", "2026-W99"], io), 2);
    assert.equal(await digestCli([], io), 2);
    assert.match(err.join("\n"), /usage: npm run digest/);
    await feedEvent(service.app, "2026-W47", { key: "cli", kind: "proforma.published", at: "2026-11-17T10:00:00Z", borough: HACKNEY, title: "Printed item" });
    const saved = process.env.STORAGE_CONNECTION_STRING;
    process.env.STORAGE_CONNECTION_STRING = azurite.connectionString;
    try {
      assert.equal(await digestCli(["--week", "2026-W47"], io), 0);
      assert.match(out.join(""), /Weekly digest 2026-W47[\s\S]*Hackney · published · Printed item[\s\S]*Actions overdue\nNothing this week/);
      out.length = 0;
      assert.equal(await digestCli(["--week", "2026-W47", "--json"], io), 0);
      const json = JSON.parse(out.join(""));
      assert.equal(json.week, "2026-W47");
      assert.equal(json.sections[0].lines[0].subject, "Printed item");
    } finally {
      if (saved === undefined) delete process.env.STORAGE_CONNECTION_STRING;
      else process.env.STORAGE_CONNECTION_STRING = saved;
    }
  });

  it("when forty channels are sent to at once, then no more than 30 requests start in any second and one conversation waits a second between posts", async () => {
    let t = 0;
    const pacer = new Pacer({ now: () => t, sleep: async (ms) => void (t += ms) });
    const starts: { id: string; at: number }[] = [];
    for (let i = 0; i < 40; i++) {
      await pacer.send(`c${i}`, async () => {});
      starts.push({ id: `c${i}`, at: t });
    }
    await pacer.send("c0", async () => {});
    starts.push({ id: "c0", at: t });
    for (const s of starts) assert.ok(starts.filter((o) => o.at >= s.at && o.at < s.at + 1000).length <= 30);
    const c0 = starts.filter((s) => s.id === "c0").map((s) => s.at);
    assert.ok(c0[1]! - c0[0]! >= 1000);
    assert.ok(starts[30]!.at >= 1000, "the 31st request waited for the window");
  });

  it("when one conversation is throttled, then only it waits its Retry-After; when three are throttled within a second, then every send waits", async () => {
    let t = 0;
    const pacer = new Pacer({ now: () => t, sleep: async (ms) => void (t += ms) });
    await pacer.send("a", async () => {});
    pacer.throttled("a", 3000);
    await pacer.send("b", async () => {});
    assert.equal(t, 0, "another conversation goes on at once");
    await pacer.send("a", async () => {});
    assert.ok(t >= 3000, `the throttled conversation waited its Retry-After (${t} ms)`);

    const start = t;
    for (const id of ["c", "d", "e"]) {
      await pacer.send(id, async () => {});
      pacer.throttled(id, 2000);
    }
    await pacer.send("f", async () => {});
    assert.ok(t - start >= 2000, "a burst of 429s pauses everything");
  });
});
