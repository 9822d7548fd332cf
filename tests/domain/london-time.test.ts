import assert from "node:assert/strict";
import { londonDay, londonInstant, londonLabel } from "../../src/domain/london-time";

describe("London date and time for conversations", function () {
  it("when a summer time is chosen, then it is stored an hour earlier in UTC", () => {
    assert.equal(londonInstant("2026-07-01", "10:00")?.toISOString(), "2026-07-01T09:00:00.000Z");
  });

  it("when a winter time is chosen, then UTC and London agree", () => {
    assert.equal(londonInstant("2026-01-15", "10:00")?.toISOString(), "2026-01-15T10:00:00.000Z");
  });

  it("when the clocks change, then the hours either side land on the right instants", () => {
    assert.equal(londonInstant("2026-03-29", "00:30")?.toISOString(), "2026-03-29T00:30:00.000Z");
    assert.equal(londonInstant("2026-03-29", "03:00")?.toISOString(), "2026-03-29T02:00:00.000Z");
    assert.equal(londonInstant("2026-10-25", "03:00")?.toISOString(), "2026-10-25T03:00:00.000Z");
    assert.equal(londonLabel(londonInstant("2026-03-29", "03:00")!), "Sunday 29 March 2026 at 03:00");
  });

  it("when a date or time does not exist, then nothing is made of it", () => {
    for (const [d, t] of [
      ["2026-02-30", "10:00"],
      ["2026-13-01", "10:00"],
      ["tomorrow", "10:00"],
      ["2026-05-01", "25:00"],
      ["2026-05-01", ""],
      [123, "10:00"],
    ]) {
      assert.equal(londonInstant(d, t), undefined, `${d} ${t}`);
    }
  });

  it("when it is late evening UTC in summer, then the London day is already the next day", () => {
    assert.equal(londonDay(new Date("2026-06-30T23:30:00Z")), "2026-07-01");
  });
});
