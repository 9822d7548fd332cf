import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface SourceFile {
  name: string;
  path: string;
  text: string;
  /** sha256 of the bytes, to record with stored results. */
  checksum: string;
}

export function readSourceFile(filePath: string): SourceFile {
  const bytes = readFileSync(filePath);
  return {
    name: path.basename(filePath),
    path: filePath,
    text: bytes.toString("utf8"),
    checksum: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** Expands folders into the .csv files inside them (not recursive), sorted by name. */
export function listCsvFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name.toLowerCase().endsWith(".csv")) files.push(path.join(p, name));
    } else files.push(p);
  }
  return files;
}
