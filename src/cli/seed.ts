/**
 * npm run seed
 * Loads the demo proformas in seeds/proformas (marked demo) and, if none is open, a demo circulation
 * round, so a newcomer sees a populated library, status and digest. Safe to run again.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../project-root";
import type { SeedFile } from "../proforma/seed-proformas";
import type { CliIo } from "./cli-io";
import { withComposition } from "./with-storage";

/** The demo proforma files of a folder, one JSON file each. */
function readSeedFiles(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}

export async function main(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length > 0) {
    io.err("usage: npm run seed");
    return 2;
  }
  return withComposition("seed", io, env, async ({ app, drainOutbox }, storage) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { seedProformas } = require("../proforma/seed-proformas") as typeof import("../proforma/seed-proformas");
    const { newId } = require("../domain/ids") as typeof import("../domain/ids");
    const { londonDate } = require("../domain/iso-week") as typeof import("../domain/iso-week");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const circulations = app.circulations;
    if (!(await circulations.latest())) {
      const [y, m, d] = londonDate(new Date(Date.now() + 14 * 86400_000));
      const deadline = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      // Opened a minute before the demo entries, so they count as answers to it.
      const opened = new Date(Date.now() - 60_000);
      await circulations.open({ id: newId(opened.getTime()), deadline, openedAt: opened.toISOString(), openedBy: "demo", openedByName: "Demo coordinator" });
      io.err(`opened a demo circulation round, deadline ${deadline}`);
    }
    const result = await seedProformas(app, readSeedFiles(path.join(PROJECT_ROOT, "seeds", "proformas")), io.err);
    // Their feed rows, for the digest, before the command ends.
    await drainOutbox();
    io.out(`demo proformas: ${result.created} loaded, ${result.kept} already there (${storage.description})`);
    return 0;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then((code) => {
    process.exitCode = code;
  });
}
