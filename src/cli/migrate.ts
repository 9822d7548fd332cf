/**
 * npm run migrate
 * Moves proforma rows kept in the older layout (proformaversions, authored, and circulation response
 * rows) into the proformas table's borough partitions, where a save writes them in one transaction,
 * and channel registrations kept under a thread to their channel's row.
 * Safe to run again and to stop part-way: each row is written in its new place before the old one
 * goes. Progress on stderr; storage as configured.
 */
import type { CliIo } from "./cli-io";
import { withStorage } from "./with-storage";

export async function main(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length > 0) {
    io.err("usage: npm run migrate");
    return 2;
  }
  return withStorage("migrate", io, env, async (storage) => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { migrateProformaRows } = require("../proforma/migrate-proforma-rows") as typeof import("../proforma/migrate-proforma-rows");
    const { moveThreadRegistrations } = require("../channels/move-thread-registrations") as typeof import("../channels/move-thread-registrations");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const r = await migrateProformaRows(storage, io.err);
    const channels = await moveThreadRegistrations(storage, io.err);
    io.out(
      `moved ${r.versions} version rows (${r.renumbered} proformas renumbered), ${r.authorLines} author lines, ${r.responses} circulation responses, ${channels} channel registrations (${storage.description})`,
    );
    return 0;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then((code) => {
    process.exitCode = code;
  });
}
