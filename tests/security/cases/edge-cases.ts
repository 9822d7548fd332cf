import assert from "node:assert/strict";
import { activity, say } from "../../support/teams-client";
import { defineSuite, leakIn } from "../support/reliability-case";
import { faultyHubLifecycle, type FaultyHub } from "../support/hub-fixture";
import { rowCount } from "../support/http";
import { HACKNEY, staffOf } from "../support/people";

const lee = staffOf(HACKNEY, 21, "Lee Hackney");

type EdgeFixture = FaultyHub;

/** Posts a raw body to /api/messages with the given headers. */
async function postRaw(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${url}/api/messages`, { method: "POST", headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

function helpFrom(user = lee, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return activity(user, { type: "message", text: "help", deliveryMode: "expectReplies", ...fields });
}

/** Log lines with this message, as pino wrote them (level 30 info, 50 error). */
function linesSaying(f: EdgeFixture, message: string): Record<string, unknown>[] {
  return f.hub.logs.filter((l) => l.msg === message);
}

export const edgeSuite = defineSuite<EdgeFixture>({
  title: "the service's edges in local mode: activity shape, proxies, log levels",
  ...faultyHubLifecycle,
  cases: [
    {
      id: "E7",
      title: "when an activity has no from, no conversation, or comes form-encoded, then 400 with a plain message and nothing is written",
      expected: "400 for each, naming what is missing; no stack; nothing written",
      async run(f) {
        const before = await rowCount(f.hub);
        const json = { "content-type": "application/json" };
        const noFrom = helpFrom();
        delete noFrom.from;
        const noConversation = helpFrom();
        delete noConversation.conversation;
        const answers = {
          from: await postRaw(f.hub.service.url, JSON.stringify(noFrom), json),
          conversation: await postRaw(f.hub.service.url, JSON.stringify(noConversation), json),
          form: await postRaw(f.hub.service.url, "type=message&text=help&from[id]=x&conversation[id]=y", {
            "content-type": "application/x-www-form-urlencoded",
          }),
        };
        for (const [what, answer] of Object.entries(answers)) {
          assert.equal(answer.status, 400, `${what}: ${answer.status} ${answer.text}`);
          assert.equal(answer.body?.code, "invalid-input", what);
          assert.equal(leakIn(answer.text), undefined, `${what} leaks ${leakIn(answer.text)}`);
        }
        assert.match(answers.from.body.message, /from/);
        assert.match(answers.conversation.body.message, /conversation/);
        assert.match(answers.form.body.message, /JSON/);
        assert.equal(await rowCount(f.hub), before, "a malformed activity wrote to storage");
        assert.equal(f.hub.logs.filter((l) => l.level === 50).length, 0, "no error was logged for bad input");
        return `400 ×3: "${answers.from.body.message}" / "${answers.conversation.body.message}" / "${answers.form.body.message}"; nothing written`;
      },
    },
    {
      id: "E15",
      title: "when a request in local mode carries a forwarding header (a proxy in front), then it is refused and nothing is written",
      expected: "403 for X-Forwarded-For, Forwarded, X-Real-IP and Via, on the bot and the API; a request without them answered",
      async run(f) {
        const before = await rowCount(f.hub);
        const headers = { "x-forwarded-for": "203.0.113.9", forwarded: "for=203.0.113.9;proto=https", "x-real-ip": "203.0.113.9", via: "1.1 proxy" };
        const statuses: string[] = [];
        for (const [name, value] of Object.entries(headers)) {
          const bot = await postRaw(f.hub.service.url, JSON.stringify(helpFrom()), { "content-type": "application/json", [name]: value });
          const api = await fetch(`${f.hub.service.url}/api/health`, { headers: { [name]: value } });
          const apiText = await api.text();
          assert.equal(bot.status, 403, `${name} on /api/messages: ${bot.status} ${bot.text}`);
          assert.equal(api.status, 403, `${name} on /api/health: ${api.status}`);
          assert.match(bot.body?.message ?? "", /local mode/);
          assert.equal(leakIn(apiText), undefined);
          statuses.push(`${name} ${bot.status}/${api.status}`);
        }
        assert.equal(await rowCount(f.hub), before, "a proxied request wrote to storage");
        const [card] = await say(f.hub.service.url, lee, "help");
        assert.ok(card, "the same request without a forwarding header is answered");
        return `${statuses.join(", ")}; without them: answered`;
      },
    },
    {
      id: "E16",
      title: "when a person is refused or types bad input, then it is logged at info with no stack; when storage fails, then at error with one",
      expected: "refusal: info, no err; storage down: error with a stack",
      async run(f) {
        await say(f.hub.service.url, lee, "digest send now");
        const refused = linesSaying(f, "Only an LIIA coordinator can send the digest.");
        assert.equal(refused.length, 1, "the refusal was logged once");
        assert.equal(refused[0]!.level, 30, `refusal logged at level ${refused[0]!.level}`);
        assert.equal(refused[0]!.err, undefined, "no stack for an ordinary refusal");
        f.faults.decide = () => "fail-before";
        try {
          await say(f.hub.service.url, lee, "my proformas");
        } finally {
          f.faults.decide = () => "pass";
        }
        const fault = f.hub.logs.filter((l) => l.code === "storage-unavailable");
        assert.ok(fault.length >= 1, "the storage fault was logged");
        assert.equal(fault[0]!.level, 50);
        assert.match(String((fault[0]!.err as { stack?: string } | undefined)?.stack ?? ""), /\n\s+at /, "a real fault keeps its stack");
        return `refusal at info (${refused[0]!.level}), no stack; storage fault at error (${fault[0]!.level}) with a stack`;
      },
    },
  ],
});
