import type { ReliabilitySuite } from "./reliability-case";

/** Runs a suite as a mocha describe block: one fixture (one service) for all its cases. */
export function describeSuite<F>(suite: ReliabilitySuite<F>): void {
  describe(suite.title, function () {
    let fixture: F | undefined;
    before(async function () {
      this.timeout(60_000);
      fixture = await suite.setup();
    });
    after(async function () {
      this.timeout(30_000);
      if (fixture !== undefined) await suite.teardown(fixture);
    });
    for (const c of suite.cases) {
      if (c.knownGap) {
        it.skip(`${c.id} (known gap, see npm run test:reliability): ${c.title}`);
        continue;
      }
      it(`${c.id}: ${c.title}`, async function () {
        this.timeout(60_000);
        await c.run(fixture!);
      });
    }
  });
}
