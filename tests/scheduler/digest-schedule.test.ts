import assert from "node:assert/strict";
import sinon from "sinon";
import type { AppContext } from "../../src/composition";
import { loadConfig } from "../../src/config/config";
import { silentLogger } from "../../src/logging/logger";
import { dueDigest, startDigestSchedule } from "../../src/scheduler/digest-schedule";
import type { RunSummary } from "../../src/delivery/delivery-state";

/** Just what the schedule reads: its configuration, log, clock and the DCS channels for catch-up. */
function scheduleContext(now: () => Date, dcs = 0): AppContext {
  return {
    config: loadConfig({ STORAGE: "memory" }),
    logger: silentLogger(),
    now,
    channels: { withRole: async () => Array.from({ length: dcs }) },
  } as unknown as AppContext;
}

describe("the weekly digest schedule (croner, Europe/London, time faked with sinon)", function () {
  let clock: sinon.SinonFakeTimers;
  afterEach(() => clock?.restore());

  async function firesBetween(start: string, end: string): Promise<{ at: string; week: string }[]> {
    clock = sinon.useFakeTimers({ now: new Date(start), toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    const fired: { at: string; week: string }[] = [];
    const schedule = startDigestSchedule(
      scheduleContext(() => new Date()),
      {
        send: async (week) => {
          fired.push({ at: new Date().toISOString(), week });
          return { outcome: "delivered" } as RunSummary;
        },
      },
    );
    await schedule.catchUp;
    // Croner waits in steps of at most 30 s: step an hour at a time, letting each fire's promise settle.
    for (let left = new Date(end).getTime() - new Date(start).getTime(); left > 0; left -= 3_600_000) {
      clock.tick(Math.min(left, 3_600_000));
      await new Promise((resolve) => setImmediate(resolve));
    }
    schedule.stop();
    return fired;
  }

  it("when the clocks go back in October, then the digest still goes at 08:00 London (08:00 UTC) for the week just ended", async () => {
    // British Summer Time ends at 02:00 on Sunday 25 October 2026.
    const fired = await firesBetween("2026-10-24T23:30:00Z", "2026-10-26T09:00:00Z");
    assert.deepEqual(fired, [{ at: "2026-10-26T08:00:00.000Z", week: "2026-W43" }]);
  });

  it("when the clocks go forward in March, then the digest goes at 08:00 London (07:00 UTC)", async () => {
    // British Summer Time starts at 01:00 on Sunday 29 March 2026.
    const fired = await firesBetween("2026-03-28T23:30:00Z", "2026-03-30T09:00:00Z");
    assert.deepEqual(fired, [{ at: "2026-03-30T07:00:00.000Z", week: "2026-W13" }]);
  });

  it("when the service starts after a missed Monday, then the due week is caught up once; with no DCS channel nothing is attempted", async () => {
    const due = dueDigest("0 8 * * 1", new Date("2026-12-02T15:00:00Z"));
    assert.deepEqual(due, { fireAt: new Date("2026-11-30T08:00:00Z"), week: "2026-W48" });
    assert.equal(dueDigest("0 8 * * 1", new Date("2026-11-30T07:59:00Z"))!.week, "2026-W47", "before 08:00 Monday, last week's fire is the due one");
    const sent: string[] = [];
    const send = async (week: string) => {
      sent.push(week);
      return { outcome: "delivered" } as RunSummary;
    };
    const now = () => new Date("2026-12-02T15:00:00Z");
    const withChannels = startDigestSchedule(scheduleContext(now, 2), { send });
    await withChannels.catchUp;
    withChannels.stop();
    const none = startDigestSchedule(scheduleContext(now, 0), { send });
    await none.catchUp;
    none.stop();
    assert.deepEqual(sent, ["2026-W48"]);
  });

  it("when DIGEST_CRON is not a cron pattern, then starting names the variable", () => {
    assert.throws(
      () =>
        startDigestSchedule(
          scheduleContext(() => new Date()),
          { pattern: "every monday" },
        ),
      /DIGEST_CRON/,
    );
  });
});
