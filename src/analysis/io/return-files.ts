import { createHash } from "node:crypto";
import { createReadStream, openSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** A file given to `analyse`, with its first few kilobytes so a reader can be chosen by content. */
export interface InputFile {
  path: string;
  name: string;
  /** The folder it sits in (its name may carry the borough, LA code and year). */
  folder: string;
  head: string;
}

const HEAD_BYTES = 8192;

function headOf(filePath: string): string {
  const fd = openSync(filePath, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Expands folders recursively into their .csv and .xml files, sorted by path. */
export function listInputFiles(paths: readonly string[]): InputFile[] {
  const found: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (statSync(child).isDirectory()) walk(child);
        else if (/\.(csv|xml)$/i.test(name)) found.push(child);
      }
    } else found.push(p);
  };
  for (const p of paths) walk(p);
  return found.map((p) => ({ path: p, name: path.basename(p), folder: path.dirname(p), head: headOf(p) }));
}

/** A file's text as a stream of chunks (constant memory), with the sha256 of its bytes once read. */
export function streamFile(filePath: string): { chunks: AsyncIterable<string>; checksum: () => string } {
  const hash = createHash("sha256");
  let digest: string | null = null;
  async function* chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8");
    for await (const bytes of createReadStream(filePath, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      hash.update(bytes);
      yield decoder.decode(bytes, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
    digest = hash.digest("hex");
  }
  return { chunks: chunks(), checksum: () => digest ?? "" };
}
