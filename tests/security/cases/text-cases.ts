import assert from "node:assert/strict";
import { actionData, activity, cardText, execute, post, say } from "../../support/teams-client";
import { replyCards } from "../support/http";
import { checkCard } from "../../support/card-check";
import { defineSuite } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { COORDINATOR, councilEnv, HACKNEY, staffOf } from "../support/people";
import { answerText, openForm, submit, submitNew } from "../support/proforma-client";
import { chromiumAvailable } from "../../support/browser";
import { TeamsMarkdownPage, type SeenCard } from "../../support/teams-markdown-page";

const tess = staffOf(HACKNEY, 7, "Tess Hackney");

interface TextFixture {
  hub: HubFixture;
  /** Chromium rendering cards as Teams does; opened by the first case that needs it. */
  page?: TeamsMarkdownPage;
}

/** Every link form Teams would bring alive in a TextBlock or a fact, and raw HTML it would drop. */
const LINK_FORMS = [
  "[Verify your account](mailto:it@phish.example)",
  "[Open](https://phish.example/a)",
  "[Reset][1]\n\n[1]: https://phish.example/ref",
  "![pixel](https://phish.example/p.png)",
  "<https://phish.example/auto>",
  "<it@phish.example>",
  '<img src="https://phish.example/i.png">',
  '<a href="https://phish.example/h">here</a>',
  "[x](javascript:alert(1))",
  "https://phish.example/bare",
  "mailto:it@phish.example",
  "write to it@phish.example",
  "www.phish.example",
  "<at>Bob</at>",
];

/** Where the case reads cards the way Teams shows them; undefined without Chromium outside CI. */
async function teamsPage(f: TextFixture): Promise<TeamsMarkdownPage | undefined> {
  if (f.page) return f.page;
  if (!chromiumAvailable()) {
    if (process.env.CI) throw new Error("Chromium is missing: .ci/run installs it with apt");
    return undefined;
  }
  f.page = await TeamsMarkdownPage.open();
  return f.page;
}

/** Renders each card in Chromium as Teams does; asserts no link or image came alive and no text was dropped. */
async function seenInTeams(f: TextFixture, cards: Record<string, unknown>): Promise<Record<string, SeenCard> | undefined> {
  const page = await teamsPage(f);
  if (!page) return undefined;
  const seen: Record<string, SeenCard> = {};
  for (const [name, card] of Object.entries(cards)) {
    const view = await page.show(card);
    assert.deepEqual(view.links, [], `${name}: no live link`);
    assert.deepEqual(view.images, [], `${name}: no image`);
    assert.deepEqual(view.dropped, [], `${name}: nothing dropped as a tag`);
    seen[name] = view;
  }
  return seen;
}

async function proformaCount(f: TextFixture): Promise<number> {
  return (await f.hub.rows("proformas")).length;
}

export const textSuite = defineSuite<TextFixture>({
  title: "typed text: well-formed Unicode, inert links, visible placeholders, bounded cards",
  async setup() {
    return { hub: await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() }) };
  },
  async teardown(f) {
    await f.page?.close();
    await f.hub.stop();
  },
  cases: [
    {
      id: "14.9",
      title:
        "when typed text holds lone surrogates (a title ending in half an emoji, a summary full of them, a draft step, a review comment), then it is refused at validation naming the field, also on retry, and nothing is stored",
      expected: "each answer names the field and the broken character, fits a card, stores nothing; a retry answers the same",
      async run(f) {
        const url = f.hub.service.url;
        const before = await proformaCount(f);
        const id = await openForm(url, tess);
        const title = await submit(url, tess, id, HACKNEY, { title: "Family group conferences \uD83D" });
        assert.match(answerText(title), /Title holds a broken character at character 26/);
        const summary = "\uDE00".repeat(3_000);
        for (let attempt = 0; attempt < 2; attempt++) {
          const answer = await submit(url, tess, id, HACKNEY, { summary });
          const text = answerText(answer);
          assert.doesNotMatch(text, /Too large/);
          assert.match(text, /Summary holds a broken character at character 1\b/);
          assert.ok(checkCard(answer.body.value).bytes < 28 * 1024, "the form shown again fits a card");
          assert.ok(!JSON.stringify(answer.body.value).includes("\\ud"), "the card shown again holds no lone surrogate");
        }
        const draft = await execute(url, tess, "proforma.draft", { submissionId: id, step: 0, title: "A draft \uDBFF", borough: HACKNEY });
        assert.match(answerText(draft), /Title holds a broken character/);
        assert.equal(await proformaCount(f), before, "nothing stored");

        const kept = await submitNew(url, tess, HACKNEY, { title: "Emoji kept whole 😀" });
        const stored = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, kept);
        assert.equal(stored.title, "Emoji kept whole 😀", "a whole emoji is kept");
        const [queue] = await say(url, COORDINATOR, "review proformas");
        assert.match(cardText(queue), /Emoji kept whole/);
        const returned = await execute(url, COORDINATOR, "proforma.return", {
          submissionId: kept,
          entryBorough: HACKNEY,
          etag: String(stored.etag),
          reviewComment: "Please add \uDC00 evidence",
        });
        assert.match(answerText(returned), /Comment holds a broken character at character 12/);
        const after = await f.hub.table("proformas").getEntity<Record<string, unknown>>(HACKNEY, kept);
        assert.equal(after.status, "submitted", "the refused return changed nothing");
        const [form] = await say(url, COORDINATOR, "nominate");
        const nominationId = String(actionData(form, "nomination.submit").nominationId);
        const nomination = await execute(url, COORDINATOR, "nomination.submit", {
          nominationId,
          borough: HACKNEY,
          kind: "lead",
          nomineeId: tess.id,
          jobTitle: "Head of Service \uD83D",
        });
        assert.match(answerText(nomination), /Job title holds a broken character at character 17/);
        assert.equal((await f.hub.rows("nominations")).length, 0, "no nomination stored");
        return "Title, Summary (twice), a draft's Title, a review Comment and a nomination's Job title refused by name; nothing stored; a whole emoji kept";
      },
    },
    {
      id: "14.10",
      title:
        "when typed text holds every link form (Markdown links of any scheme, reference links, images, autolinks, raw HTML, bare web and e-mail addresses, mentions), then no card shows a live link or image, in TextBlocks, facts or text runs, and the text stays readable",
      expected: "entry (fact values), my proformas, review queue, audit and my data: 0 links, 0 images, nothing dropped, in Chromium rendered as Teams does",
      async run(f) {
        const url = f.hub.service.url;
        const id = await submitNew(url, tess, HACKNEY, {
          title: "[Verify your account](mailto:it@phish.example) <it@phish.example>",
          contactName: "[Verify your account](mailto:it@phish.example)",
          summary: LINK_FORMS.join("\n"),
          impact: LINK_FORMS.slice().reverse().join(" "),
        });
        const [list] = await say(url, tess, "my proformas");
        const entry = (await execute(url, tess, "proforma.view", { submissionId: id, entryBorough: HACKNEY })).body.value;
        const [queue] = await say(url, COORDINATOR, "review proformas");
        const [audit] = await say(url, COORDINATOR, `audit ${id}`);
        const [mine] = await say(url, tess, "my data");
        const cards = { "my proformas": list, entry, "review queue": queue, audit, "my data": mine };
        for (const [name, card] of Object.entries(cards)) {
          const json = JSON.stringify(card);
          for (const live of ["](", "<https", "<it@", "<img", "<a ", "<at>", "https://", "mailto:it", " it@phish", "www.phish"])
            assert.ok(!json.includes(live), `${name} holds ${live}`);
          assert.deepEqual(checkCard(card).errors, [], name);
        }
        const fact = (entry.body as any[]).find((b) => b.type === "FactSet").facts[0];
        assert.match(fact.value.replace(/\u2060/g, ""), /^\[Verify your account\]\(mailto:it@phish\.example\)/, "the fact value reads as typed");
        const seen = await seenInTeams(f, cards);
        if (!seen) return "5 cards: no live link form in the JSON (no Chromium here: not rendered)";
        assert.match(seen.entry!.text, /\[Verify your account\]\(mailto:it@phish\.example\)/, "the fact value reads as typed");
        assert.match(seen.entry!.text, /<img src="https:\/\/phish\.example\/i\.png">/, "raw HTML shows as text");
        assert.match(seen.audit!.text, /Verify your account/);
        return `5 cards rendered as Teams does: 0 links, 0 images, nothing dropped; ${LINK_FORMS.length} link forms read as typed`;
      },
    },
    {
      id: "15.5",
      title: "when help and reply cards name placeholders such as <date>, <name> and <object id>, then Teams shows them (rendered in Chromium as Teams does)",
      expected: "help, proforma status, register and role usage cards show <date>, <name>, <borough>, <object id> as written",
      async run(f) {
        const url = f.hub.service.url;
        const cards = {
          help: (await say(url, tess, "help"))[0],
          status: (await say(url, COORDINATOR, "proforma status"))[0],
          register: (await say(url, COORDINATOR, "register this channel as nonsense"))[0],
          role: (await say(url, COORDINATOR, "role"))[0],
        };
        const expected: Record<keyof typeof cards, RegExp[]> = {
          help: [/circulate proforma by <date>/, /role <object id>/, /borough <name>/, /forget <object id>/],
          status: [/starts one with: circulate proforma by <date>/],
          register: [/as dcs <borough>/, /as borough <name>/],
          role: [/role <person id> <coordinator\|dcs\|lead\|staff>/],
        };
        const seen = await seenInTeams(f, cards);
        for (const [name, patterns] of Object.entries(expected)) {
          const text = seen ? seen[name]!.text : cardText(cards[name as keyof typeof cards]);
          for (const pattern of patterns) assert.match(text, pattern, `${name} shows ${pattern}`);
        }
        if (!seen) return "placeholders in the card JSON (no Chromium here: not rendered)";
        return "help and 3 reply cards show every placeholder in Chromium rendered as Teams does";
      },
    },
    {
      id: "14.11a",
      title:
        "when the audit trail holds many refusals by people with 200-character names, then `audit` answers a card newest first, and its more button (Action.Execute) pages through every line once",
      expected: "first page under 28 KB with a more button; pages cover lines 1..N once, newest first; the last page has no button",
      async run(f) {
        const url = f.hub.service.url;
        const people = Array.from({ length: 10 }, (_, i) => staffOf(HACKNEY, 20 + i, `${"Very-Long-Name ".repeat(13)}${i}`.slice(0, 200)));
        for (const person of people) for (let i = 0; i < 5; i++) await say(url, person, "people");
        let [card] = await say(url, COORDINATOR, "audit");
        assert.doesNotMatch(cardText(card), /Too large|could not be shown/);
        const seen: string[] = [];
        let total = 0;
        for (let page = 0; page < 50; page++) {
          const check = checkCard(card);
          assert.deepEqual(check.errors, []);
          assert.ok(check.bytes < 28 * 1024, `page ${page + 1} weighs ${check.bytes} bytes`);
          const range = /lines (\d+) to (\d+) of (\d+)/.exec(cardText(card));
          assert.ok(range, `page ${page + 1} says which lines it shows: ${cardText(card).slice(0, 200)}`);
          const [from, to, of] = range.slice(1).map(Number) as [number, number, number];
          assert.equal(from, seen.length + 1, "pages follow on");
          total = of;
          const whens = (card.body as any[]).filter((b) => b.type === "Container").map((c) => c.items[1].inlines[0].text as string);
          assert.equal(whens.length, to - from + 1);
          seen.push(...whens);
          if (to === of) {
            assert.throws(() => actionData(card, "audit.more"), /no audit.more button/, "the last page has no more button");
            break;
          }
          card = (await execute(url, COORDINATOR, "audit.more", actionData(card, "audit.more"))).body.value;
        }
        assert.ok(total >= 50, `${total} lines in the last two weeks`);
        assert.equal(seen.length, total, "every line shown once");
        assert.deepEqual(seen, [...seen].sort().reverse(), "newest first across pages");
        const [record] = await say(url, COORDINATOR, `audit ${people[0]!.id}`);
        assert.match(cardText(record), /Nothing is recorded here yet|Newest first/);
        return `${total} lines over ${Math.ceil(total / 20)}+ pages, each under 28 KB, newest first, each line once`;
      },
    },
    {
      id: "14.11b",
      title:
        "when one member of staff spams 40 refusals in a minute, then five get a line each, the rest are summarised on one line, and a real audit line stays on the first page",
      expected: '5 refusal lines + 1 summary ("35 more refusals of audit (35) by ..."); the coordinator\'s role.set still on page 1',
      async run(f) {
        const url = f.hub.service.url;
        const spammer = staffOf(HACKNEY, 40, "Sam Spammer");
        const target = staffOf(HACKNEY, 41, "Rita Real");
        await say(url, COORDINATOR, `role ${target.id} lead Hackney`);
        for (let i = 0; i < 40; i++) await say(url, spammer, "audit");
        const rows = (await f.hub.rows("audit")).filter((r) => r.actorId === spammer.id && String(r.partitionKey).startsWith("w:"));
        assert.equal(rows.filter((r) => r.action === "refused").length, 5, "five refusals listed one by one");
        const summary = rows.filter((r) => r.action === "refusals");
        assert.equal(summary.length, 1, "one summary line for the hour");
        assert.match(String(summary[0]!.detail), /^35 more refusals of audit \(35\) by Sam Spammer in the hour from \d\d:00 UTC/);
        const [page] = await say(url, COORDINATOR, "audit");
        const text = cardText(page);
        assert.match(text, /role\.set · done[\s\S]*Cora Ordinator/, "the real line is on the first page");
        assert.match(text, /35 more refusals of audit \(35\) by Sam Spammer/);
        return `${rows.length} rows for 40 refusals: 5 listed, 1 summary ("${String(summary[0]!.detail).slice(0, 48)}..."); the real line on page 1`;
      },
    },
    {
      id: "14.11c",
      title:
        "when a heavy user types my data, then the card pages newest first with a more button, offers everything as a file at a short-lived address in their one-to-one chat only, and the file holds every line",
      expected:
        "pages cover every item once; the download (Action.OpenUrl) gives JSON with all 60 lines, no-store; another token, an expired one, or a channel get no file",
      async run(f) {
        const url = f.hub.service.url;
        const heavy = staffOf(HACKNEY, 50, "Hana Heavy");
        const titles: string[] = [];
        for (let i = 0; i < 30; i++) {
          const title = `Draft ${String(i).padStart(2, "0")}: ${"a long title about family group conferences ".repeat(3)}`.slice(0, 120).trim();
          titles.push(title);
          const id = await openForm(url, heavy);
          const saved = await execute(url, heavy, "proforma.draft", { submissionId: id, step: 0, title, borough: HACKNEY });
          assert.equal(saved.status, 200);
        }
        let [card] = await say(url, heavy, "my data");
        const first = cardText(card);
        assert.match(first, /items 1 to \d+ of \d+/);
        const download = (card.actions as any[]).find((a) => a.type === "Action.OpenUrl");
        assert.ok(download, "a download button on the first page");
        const seen: string[] = [];
        for (let page = 0; page < 20; page++) {
          assert.ok(checkCard(card).bytes < 28 * 1024);
          const text = cardText(card);
          for (const title of titles) for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) seen.push(title);
          const more = (card.actions as any[]).find((a) => a.verb === "mydata.more");
          if (!more) break;
          card = (await execute(url, heavy, "mydata.more", more.data)).body.value;
        }
        for (const title of titles) assert.equal(seen.filter((t) => t === title).length, 2, `${title.slice(0, 9)}: once as a proforma, once as a version`);

        const address = new URL(download.url);
        assert.match(address.pathname, /^\/api\/my-data\/[A-Za-z0-9_-]{43}$/);
        const res = await fetch(`${url}${address.pathname}`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="disparities-hub-my-data-\d{4}-\d\d-\d\d\.json"$/);
        assert.equal(res.headers.get("cache-control"), "no-store");
        const file = (await res.json()) as { objectId: string; sections: { title: string; lines: string[] }[] };
        assert.equal(file.objectId, heavy.id);
        const lines = file.sections.flatMap((s) => s.lines);
        for (const title of titles) assert.equal(lines.filter((l) => l.startsWith(title)).length, 2, "every line is in the file");

        const rows = (await f.hub.rows("downloads")).filter((r) => r.objectId === heavy.id);
        assert.ok(rows.length >= 1 && rows.length <= 20, "an address for each page shown, none other");
        assert.ok(!JSON.stringify(rows).includes(address.pathname.split("/").pop()!), "only a hash of the token is stored");
        const guessed = await fetch(`${url}/api/my-data/${"A".repeat(43)}`);
        assert.equal(guessed.status, 404);
        for (const row of rows) {
          const key = { partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) };
          await f.hub.table("downloads").updateEntity({ ...key, expiresAt: "2000-01-01T00:00:00.000Z" }, "Merge");
        }
        const expired = await fetch(`${url}${address.pathname}`);
        assert.equal(expired.status, 404);
        assert.match(((await expired.json()) as { message: string }).message, /expired/);

        const inChannel = await post(
          url,
          activity(heavy, {
            type: "message",
            text: "my data",
            deliveryMode: "expectReplies",
            conversation: { id: "19:channel@thread.tacv2", conversationType: "channel", tenantId: heavy.tenantId },
          }),
        );
        const [channelCard] = replyCards(inChannel);
        assert.match(cardText(channelCard), /type my data in your one-to-one chat/);
        assert.ok(!JSON.stringify(channelCard).includes("/api/my-data/"), "no address in a channel");
        return `${seen.length} proforma lines over the pages; file with ${lines.length} lines; guessed and expired addresses 404; none offered in a channel`;
      },
    },
  ],
});
