import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, installed by .ci/run; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Headless Chromium with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * For a browser test's first `before` hook: without Chromium, outside CI the suite says why and is
 * skipped; in CI, where .ci/run installs it, a missing browser is a failure.
 */
export function needChromium(context: Mocha.Context): void {
  if (chromiumAvailable()) return;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM}: .ci/run installs it with apt`);
  console.log(`      skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  context.skip();
}
