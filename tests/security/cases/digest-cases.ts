import assert from "node:assert/strict";
import sinon from "sinon";
import { startDigestSchedule, dueDigest } from "../../../src/scheduler/digest-schedule";
import { deliverRun } from "../../../src/delivery/deliver-run";
import { noticeCard } from "../../../src/cards/notice-card";
import { FakeConnector, type ConnectorCall } from "../../support/fake-connector";
import { cardText, say } from "../../support/teams-client";
import { registerChannel } from "../../digest/digest-support";
import { defineSuite } from "../support/reliability-case";
import { startHub, type HubFixture } from "../support/hub-fixture";
import { FaultInjector } from "../support/fault-injector";
import { COORDINATOR, councilEnv } from "../support/people";

const DCS = ["19:dcs-a@thread.tacv2", "19:dcs-b@thread.tacv2", "19:dcs-c@thread.tacv2"];
const COORDINATORS_CHANNEL = "19:coordinators@thread.tacv2";

interface DigestFixture {
  hub: HubFixture;
  faults: FaultInjector;
  connector: FakeConnector;
}

function posts(f: DigestFixture, conversationId: string): ConnectorCall[] {
  return f.connector.posts(conversationId);
}

async function until(what: string, check: () => boolean, withinMs: number): Promise<void> {
  const end = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${withinMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const digestSuite = defineSuite<DigestFixture>({
  title: "the weekly digest when storage fails: retried until sent, late reported, a dead pass's lease taken over",
  async setup() {
    const connector = await new FakeConnector().start();
    const hub = await startHub({ COORDINATORS: COORDINATOR.id, ...councilEnv() });
    const app = hub.service.app;
    for (const id of DCS) await registerChannel(app, id, connector.url, "dcs");
    await registerChannel(app, COORDINATORS_CHANNEL, connector.url, "coordinators");
    return { hub, connector, faults: new FaultInjector(hub.service.storage) };
  },
  async teardown(f) {
    f.faults.remove();
    await f.hub.stop();
    await f.connector.stop();
  },
  cases: [
    {
      id: "D1",
      title: "when a digest pass dies after claiming the week (storage fails under it), then digest send now takes its lease over at once",
      expected: "first: a not-sent card; then at once: Sent to 3 channels, one card each",
      async run(f) {
        f.faults.decide = (r) => (r.table === "deliveries" ? "fail-before" : "pass");
        let first: string;
        try {
          first = cardText((await say(f.hub.service.url, COORDINATOR, "digest send now"))[0]);
        } finally {
          f.faults.decide = () => "pass";
        }
        assert.ok(
          (await f.hub.rows("digestruns")).some((r) => String(r.partitionKey).startsWith("digest-")),
          "the dead pass had claimed the week's run",
        );
        assert.match(first, /Storage could not be reached/);
        const started = Date.now();
        const again = cardText((await say(f.hub.service.url, COORDINATOR, "digest send now"))[0]);
        assert.doesNotMatch(again, /Already being sent/, "the dead pass's lease still blocks the send");
        assert.match(again, /sent to 3 channel\(s\) now/);
        for (const id of DCS) assert.equal(posts(f, id).length, 1, `one digest in ${id}`);
        return `first: "${first.split("\n")[0]}"; then in ${Date.now() - started} ms: "${again.split("\n").slice(-1)[0]!.slice(0, 60)}"; one card each`;
      },
    },
    {
      id: "D2",
      title:
        "when storage is down when the weekly digest is due, then it is retried with backoff until sent, and the coordinators' channel is told it was late",
      expected: "retried while storage is down; then one digest per DCS channel and one late notice naming the week",
      async run(f) {
        const app = f.hub.service.app;
        const due = dueDigest(app.config.digestCron, app.now())!;
        const before = DCS.map((id) => posts(f, id).length);
        f.faults.decide = () => "fail-before";
        const retries = () => f.hub.logs.filter((l) => l.event === "digest.retry" && l.week === due.week).length;
        const schedule = startDigestSchedule(app, { retry: { baseMs: 40, capMs: 200 } });
        try {
          await until("two attempts failed while storage was down", () => retries() >= 2, 15_000);
          assert.deepEqual(
            DCS.map((id) => posts(f, id).length),
            before,
            "nothing was sent while storage was down",
          );
          f.faults.decide = () => "pass";
          await until("the digest went out after storage came back", () => DCS.every((id, i) => posts(f, id).length === before[i]! + 1), 15_000);
          await until("the coordinators' channel was told", () => posts(f, COORDINATORS_CHANNEL).length >= 1, 10_000);
        } finally {
          f.faults.decide = () => "pass";
          schedule.stop();
          await schedule.settled?.();
        }
        for (const [i, id] of DCS.entries()) assert.equal(posts(f, id).length, before[i]! + 1, `exactly one more digest in ${id}`);
        const notices = posts(f, COORDINATORS_CHANNEL).map((c) => cardText(FakeConnector.card(c)));
        assert.equal(notices.length, 1, "one late notice");
        assert.match(notices[0]!, new RegExp(`digest for ${due.week} was due .* and went out .* because storage could not be reached`));
        return `${retries()} retries while down; then 1 digest per DCS channel; notice: "${notices[0]!.split("\n").slice(-1)[0]!.slice(0, 90)}…"`;
      },
    },
    {
      id: "D3",
      title: "when posts are held up on the way to Teams (30 slow, then 15 fast), then no more than 30 reach it in any one-second window",
      expected: "45 posts; at most 30 arrive in any sliding second",
      async run(f) {
        const app = f.hub.service.app;
        const ids = Array.from({ length: 45 }, (_, i) => `19:paced-${i}@thread.tacv2`);
        for (const id of ids) await registerChannel(app, id, f.connector.url, "borough", "E09000012");
        const realPost = app.messenger.post.bind(app.messenger);
        let n = 0;
        // The first 30 are let through at once and then held up for 0.9 s on their way; the rest go straight.
        const slow = sinon.stub(app.messenger, "post").callsFake(async (ref, card) => {
          if (n++ < 30) await new Promise((resolve) => setTimeout(resolve, 900));
          return realPost(ref, card);
        });
        let summary;
        try {
          summary = await deliverRun(
            app,
            { runKey: "pacing-check", label: "a pacing check", audience: "borough", compose: async () => "x", render: () => noticeCard("Pacing check", "one") },
            { concurrency: 45 },
          );
        } finally {
          slow.restore();
        }
        assert.equal(summary.sent, 45);
        const arrivals = ids.flatMap((id) => posts(f, id).map((c) => c.at)).sort((a, b) => a - b);
        assert.equal(arrivals.length, 45);
        const busiest = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length));
        assert.ok(busiest <= 30, `${busiest} posts reached Teams within one second`);
        return `45 posts; at most ${busiest} in any one-second window`;
      },
    },
  ],
});
