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
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.sink.write(text);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }
}

const MARK = '\u0000links-stream\u0000';

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
  const text = JSON.stringify({ ...document, [key]: MARK }, null, 2);
  const marker = `${JSON.stringify(key)}: ${JSON.stringify(MARK)}`;
  const at = text.indexOf(marker);
  if (at === -1 || text.indexOf('\n  ', 0) === -1) throw new Error(`writeJsonWithList: "${key}" must be a top-level key`);
  await out.write(text.slice(0, at + marker.length - JSON.stringify(MARK).length));
  let first = true;
  for await (const item of items) {
    const body = JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
    await out.write(first ? `[\n    ${body}` : `,\n    ${body}`);
    first = false;
  }
  await out.write(first ? '[]' : '\n  ]');
  await out.write(`${text.slice(at + marker.length)}\n`);
}
