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
import { withStorage } from "./with-storage";

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
  return withStorage("seed", io, env, async (storage) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { TableProformaStore } = require("../proforma/table-proforma-store") as typeof import("../proforma/table-proforma-store");
    const { TableActivityFeed } = require("../activity-feed/activity-feed") as typeof import("../activity-feed/activity-feed");
    const { ProformaOutbox } = require("../proforma/proforma-outbox") as typeof import("../proforma/proforma-outbox");
    const { TableCirculationStore } = require("../circulation/table-circulation-store") as typeof import("../circulation/table-circulation-store");
    const { seedProformas } = require("../proforma/seed-proformas") as typeof import("../proforma/seed-proformas");
    const { newId } = require("../domain/ids") as typeof import("../domain/ids");
    const { londonDate } = require("../domain/iso-week") as typeof import("../domain/iso-week");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const circulations = new TableCirculationStore(storage);
    if (!(await circulations.latest())) {
      const [y, m, d] = londonDate(new Date(Date.now() + 14 * 86400_000));
      const deadline = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      // Opened a minute before the demo entries, so they count as answers to it.
      const opened = new Date(Date.now() - 60_000);
      await circulations.open({ id: newId(opened.getTime()), deadline, openedAt: opened.toISOString(), openedBy: "demo", openedByName: "Demo coordinator" });
      io.err(`opened a demo circulation round, deadline ${deadline}`);
    }
    const outbox = new ProformaOutbox(storage.tableClient("proformas"), new TableActivityFeed(storage));
    const result = await seedProformas(
      { proformas: new TableProformaStore(storage, outbox), now: () => new Date() },
      readSeedFiles(path.join(PROJECT_ROOT, "seeds", "proformas")),
      io.err,
    );
    // Their feed rows, for the digest, before the command ends.
    await outbox.drain();
    io.out(`demo proformas: ${result.created} loaded, ${result.kept} already there (${storage.description})`);
    return 0;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then((code) => {
    process.exitCode = code;
  });
}
