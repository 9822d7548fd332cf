import { SaxesParser } from "saxes";
import { RefusedFile } from "./return-counts";

/** What a reader hears from the stream: elements opening and closing (with their text), by local name. */
export interface XmlHandler {
  open(name: string, parent: string | undefined): void;
  close(name: string, parent: string | undefined, text: string): void;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
}

/**
 * Feeds XML chunks through saxes (a streaming, well-formedness-checking parser) and calls the handler
 * per element, so memory stays flat whatever the file's size. Unknown elements are simply passed on
 * (readers ignore what they do not know). Malformed XML refuses the file with its line and column
 * only: parser messages can quote the document, which may hold personal data.
 */
export async function streamXml(chunks: AsyncIterable<string>, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let text = "";
  let failure: RefusedFile | null = null;
  parser.on("error", () => {
    failure ??= new RefusedFile(`malformed XML near line ${parser.line}, column ${parser.column}`);
  });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    handler.open(name, stack[stack.length - 1]);
    stack.push(name);
    text = "";
  });
  parser.on("text", (t) => {
    text += t;
  });
  parser.on("cdata", (t) => {
    text += t;
  });
  parser.on("closetag", () => {
    const name = stack.pop()!;
    handler.close(name, stack[stack.length - 1], text.trim());
    text = "";
  });
  let sawAny = false;
  for await (const chunk of chunks) {
    if (chunk.length > 0) sawAny = true;
    parser.write(chunk);
    if (failure) throw failure;
  }
  if (!sawAny) throw new RefusedFile("the file is empty");
  parser.close();
  if (failure) throw failure;
}
