/**
 * npm run digest -- --week 2026-W48 [--json]
 * Prints a week's digest (as text, or its JSON with --json) from the same storage the service uses;
 * it sends nothing.
 */
import type { CliIo } from "./cli-io";
import { withComposition } from "./with-storage";

const USAGE = "usage: npm run digest -- --week 2026-W48 [--json]";

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const weekAt = argv.indexOf("--week");
  const week = weekAt >= 0 ? argv[weekAt + 1] : undefined;
  const unknown = argv.filter((a, i) => a.startsWith("--") && a !== "--week" && a !== "--json" && i !== weekAt + 1);
  if (!week || unknown.length > 0) {
    io.err(unknown.length ? `unknown option ${unknown.join(", ")}\n${USAGE}` : USAGE);
    return 2;
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { isIsoWeek } = require("../domain/iso-week") as typeof import("../domain/iso-week");
  if (!isIsoWeek(week.toUpperCase())) {
    io.err(`"${week}" is not an ISO week\n${USAGE}`);
    return 2;
  }
  return withComposition("digest", io, process.env, async ({ app }, storage) => {
    const { composeDigest } = require("../digest/compose-digest") as typeof import("../digest/compose-digest");
    const { digestText } = require("../digest/digest-text") as typeof import("../digest/digest-text");
    const started = Date.now();
    const data = await composeDigest(app, week.toUpperCase());
    io.err(`composed the digest for ${data.week} from ${data.events} activity rows in ${Date.now() - started} ms (${storage.description})`);
    io.out(argv.includes("--json") ? JSON.stringify(data, null, 2) + "\n" : digestText(data));
    return 0;
  });
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(`${t}\n`) }).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`digest failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
