import type { TextSink } from './io.js';

/** Gathers small writes into pieces of about this many characters before handing them to the sink. */
const PIECE = 1 << 16;

/** A buffered writer over a {@link TextSink}. */
export class BufferedSink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: TextSink) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= PIECE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const parts = this.parts;
    const size = this.size;
    this.parts = [];
    this.size = 0;
    if (this.sink.writeBytes === undefined) return this.sink.write(parts.join(''));
    // Encoded straight into one new buffer (at most 3 bytes per UTF-16 unit): about twice as cheap as joining
    // the pieces into one string for the stream to encode, with the same bytes, unless a piece ends in half a
    // surrogate pair (its other half in the next piece): then the pieces are joined after all.
    const bytes = Buffer.allocUnsafe(size * 3);
    let at = 0;
    for (const part of parts) {
      const last = part.charCodeAt(part.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) return this.sink.write(parts.join(''));
      at += bytes.write(part, at, 'utf8');
    }
    return this.sink.writeBytes(bytes.subarray(0, at));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }
}

/**
 * Stands for the streamed list in a document given to {@link writeJsonWithStream}: put it where the list goes
 * (at any depth).
 */
export const STREAMED_LIST = '\u0000links-stream\u0000';

/**
 * Writes `JSON.stringify(document, null, 2)` followed by a newline, exactly,
 * except that the value of `key` (a list) is taken from `items` one at a
 * time, so the list is never held in memory.
 */
export async function writeJsonWithList(
  out: BufferedSink,
  document: Record<string, unknown>,
  key: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<void> {
  if (!Object.prototype.hasOwnProperty.call(document, key))
    throw new Error(`writeJsonWithList: "${key}" must be a top-level key`);
  await writeJsonWithStream(out, { ...document, [key]: STREAMED_LIST }, items);
}

/**
 * Writes `JSON.stringify(document, null, 2)` followed by a newline, exactly as
 * if the one {@link STREAMED_LIST} value in it were the list of `items`; the
 * items are taken one at a time, so the list is never held in memory.
 */
export async function writeJsonWithStream(
  out: BufferedSink,
  document: Record<string, unknown>,
  items: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<void> {
  const text = JSON.stringify(document, null, 2);
  const marker = JSON.stringify(STREAMED_LIST);
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf(marker, at + 1) !== -1)
    throw new Error('writeJsonWithStream: put STREAMED_LIST once in the document');
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let depth = 0;
  while (text.charCodeAt(lineStart + depth) === 0x20) depth++;
  const indent = ' '.repeat(depth);
  const inner = `\n${indent}  `;
  // Each item is written by JSON.stringify itself, already indented for its place: wrapped in as many lists
  // as the list is deep (one per 2 spaces, one more for the list itself), whose brackets are then cut off.
  // That is the same text as indenting `JSON.stringify(item, null, 2)` line by line, without a pass over it.
  let wrap: (item: unknown) => unknown = (item) => [item];
  for (let level = 0; level < depth / 2; level++) {
    const outer = wrap;
    wrap = (item) => [outer(item)];
  }
  const probe = JSON.stringify(wrap(0), null, 2);
  const head = probe.indexOf('0');
  const tail = probe.length - head - 1;
  const itemText = (item: unknown): string => {
    const wrapped = JSON.stringify(wrap(item), null, 2);
    return wrapped.slice(head, wrapped.length - tail);
  };
  await out.write(text.slice(0, at));
  let first = true;
  for await (const item of items) {
    const body = itemText(item);
    await out.write(first ? `[${inner}${body}` : `,${inner}${body}`);
    first = false;
  }
  await out.write(first ? '[]' : `\n${indent}]`);
  await out.write(`${text.slice(at + marker.length)}\n`);
}
