/**
 * A hostile-input, fault or load case, written once: mocha runs it as a test and
 * `npm run test:reliability` runs it to print its row of the table. `run` throws (an assertion) when
 * the behaviour is wrong, and otherwise returns what it observed, in a few words.
 */
export interface ReliabilityCase<F> {
  /** The reference table's number (S1, I3, F2, L1 ...) or a short tag. */
  id: string;
  /** "when ..., then ..." */
  title: string;
  expected: string;
  /**
   * A known gap in another part of the product, reported to its owner: mocha lists it as pending and
   * the reliability table shows what it observes today, marked GAP, instead of failing the build.
   */
  knownGap?: boolean;
  run(fixture: F): Promise<string>;
}

/** Cases that share one running service (one fixture), run in order. */
export interface ReliabilitySuite<F> {
  title: string;
  setup(): Promise<F>;
  teardown(fixture: F): Promise<void>;
  cases: ReliabilityCase<F>[];
}

export function defineSuite<F>(suite: ReliabilitySuite<F>): ReliabilitySuite<F> {
  return suite;
}

/** Text that must never reach a caller: stacks, storage and token library messages. */
const LEAK =
  /\bat [\w.<>]+ \(|node:internal|RestError|ECONNREFUSED|ECONNRESET|TableNotFound|odata\.error|EntityAlreadyExists|jsonwebtoken|JsonWebTokenError|invalid signature|Azurite|devstoreaccount1|\.ts:\d+/;

export function leakIn(body: unknown): string | undefined {
  const text = typeof body === "string" ? body : JSON.stringify(body ?? "");
  return LEAK.exec(text)?.[0];
}
