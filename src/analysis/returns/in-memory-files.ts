import type { OpenFile, ReturnInputFile } from "./read-returns";

/** Returns held as text (the demo's synthetic files), opened as the readers open files: in chunks. */
export function inMemoryReturns(files: readonly { folder: string; name: string; text: string }[]): { inputs: ReturnInputFile[]; open: OpenFile } {
  const byPath = new Map(files.map((f) => [`${f.folder}/${f.name}`, f.text]));
  const inputs = files
    .filter((f) => /\.(xml|csv)$/i.test(f.name))
    .map((f) => ({ path: `${f.folder}/${f.name}`, name: f.name, folder: f.folder, head: f.text.slice(0, 8192) }));
  const open: OpenFile = (p) => {
    const text = byPath.get(p) ?? "";
    async function* chunks(): AsyncGenerator<string> {
      for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
    }
    return { chunks: chunks(), checksum: () => "" };
  };
  return { inputs, open };
}
