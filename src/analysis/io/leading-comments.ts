import { Transform, type TransformCallback } from "node:stream";

/** The '#' lines at the very start of a file (the seeds' "# SYNTHETIC ..." label), before the header. */
const LEADING_COMMENTS = /^(?:#[^\n]*(?:\n|$))+/;

/**
 * Splits a file's start into its leading '#' comment lines and the CSV body after them, dropping a
 * UTF-8 BOM. csv-parse's own `comment` option would discard their text, and would also treat a '#'
 * later in the file as a comment, so only the lines before the header count.
 */
export function splitLeadingComments(text: string): { comments: string[]; body: string } {
  const start = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lead = LEADING_COMMENTS.exec(start)?.[0] ?? "";
  const comments = lead
    .split("\n")
    .filter((line) => line.startsWith("#"))
    .map((line) => line.replace(/^#\s?/, "").trim());
  return { comments, body: start.slice(lead.length) };
}

const HASH = 0x23;
const NEWLINE = 0x0a;
const hasBom = (bytes: Buffer) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * The streaming form of splitLeadingComments: holds back the start of the stream until a line that
 * is not a comment begins (or the stream ends), reports the comments once, then passes bytes through.
 */
export class LeadingComments extends Transform {
  private head: Buffer | null = Buffer.alloc(0);

  /** `maxHeadBytes` bounds what is held back: comment lines that never end are an error, not a memory leak. */
  constructor(
    private readonly onComments: (comments: string[]) => void,
    private readonly maxHeadBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.head) return done(null, chunk);
    this.head = Buffer.concat([this.head, chunk]);
    if (this.headIsComplete(this.head)) this.release();
    else if (this.head.length > this.maxHeadBytes) return done(new Error(`the '#' comment lines before the header are longer than ${this.maxHeadBytes} bytes`));
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.head) this.release();
    done();
  }

  /** Complete once the text after the BOM and any whole comment lines does not start with '#'. */
  private headIsComplete(bytes: Buffer): boolean {
    if (bytes.length < 3) return false; // a BOM takes three bytes
    let at = hasBom(bytes) ? 3 : 0;
    while (at < bytes.length && bytes[at] === HASH) {
      const end = bytes.indexOf(NEWLINE, at);
      if (end < 0) return false;
      at = end + 1;
    }
    return at < bytes.length;
  }

  private release(): void {
    const head = this.head!;
    this.head = null;
    let at = hasBom(head) ? 3 : 0;
    while (at < head.length && head[at] === HASH) {
      const end = head.indexOf(NEWLINE, at);
      at = end < 0 ? head.length : end + 1;
    }
    this.onComments(splitLeadingComments(head.subarray(0, at).toString("utf8")).comments);
    if (at < head.length) this.push(head.subarray(at));
  }
}
