/**
 * npm run export -- --format csv|json|html --out DIR
 * Writes the collated proforma library (CSV or JSON: the LIIA library; HTML: the public website pages).
 * Progress on stderr; storage as configured (shares a running service's embedded Azurite).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXPORT_FORMATS, runExport, type ExportFormat } from "../library/run-export";
import type { CliIo } from "./cli-io";
import { withComposition } from "./with-storage";

const USAGE = "usage: npm run export -- --format csv|json|html --out DIR";

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Writes export files under `outDir`, making folders as needed. */
function fileWriter(outDir: string) {
  return async (name: string, text: string): Promise<string> => {
    const file = path.join(outDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, "utf8");
    return file;
  };
}

export async function main(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const format = option(argv, "--format");
  const out = option(argv, "--out");
  const known = new Set(["--format", "--out"]);
  const unknown = argv.filter((a, i) => a.startsWith("--") && !known.has(a) && !known.has(argv[i - 1] ?? ""));
  if (unknown.length || !format || !out || out.startsWith("--") || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    io.err(unknown.length ? `unknown option ${unknown.join(", ")}\n${USAGE}` : USAGE);
    return 2;
  }
  return withComposition("export", io, env, async ({ app }) => {
    const result = await runExport(app, { format: format as ExportFormat, outDir: out, write: fileWriter(out) }, io.err);
    io.out(result.files.length === 1 ? result.files[0]! : out);
    return 0;
  });
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }).then((code) => {
    process.exitCode = code;
  });
}
