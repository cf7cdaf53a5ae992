import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferedSink, writeJsonWithList } from './json-stream.js';
import type { TextSink } from './io.js';

/** A sink that records what it is given: text, or bytes when it takes bytes. */
function recorder(bytes: boolean): { sink: TextSink; output: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink: TextSink = {
    write: async (text) => void chunks.push(Buffer.from(text, 'utf8')),
    close: async () => {},
    ...(bytes ? { writeBytes: async (piece: Uint8Array) => void chunks.push(Buffer.from(piece)) } : {}),
  };
  return { sink, output: () => Buffer.concat(chunks) };
}

test('a buffered sink writes the same bytes whether its sink takes bytes or text', async () => {
  const pieces = [
    'plain ascii, ',
    'Mòrag’s note – “quoted” ',
    '😀 and 中文 ',
    'x'.repeat(70_000),
    '\ud83d', // half a surrogate pair…
    '\ude00 …its other half in the next piece',
    'a lone \udc00 low surrogate and a lone high one \ud800',
    ' end\n',
  ];
  const expected = Buffer.from(pieces.join(''), 'utf8');
  for (const bytes of [false, true]) {
    const { sink, output } = recorder(bytes);
    const out = new BufferedSink(sink);
    for (const piece of pieces) await out.write(piece);
    await out.close();
    assert.ok(output().equals(expected), `bytes: ${bytes}`);
  }
});

test('a streamed JSON document is byte for byte JSON.stringify, through a sink that takes bytes', async () => {
  const items = Array.from({ length: 3000 }, (_, i) => ({
    id: `ref-${i}`,
    text: i % 7 ? 'Walk’s group 😀' : 'x',
    n: i,
  }));
  const { sink, output } = recorder(true);
  const out = new BufferedSink(sink);
  await writeJsonWithList(out, { ok: true, referrals: [], after: { a: 1 } }, 'referrals', items);
  await out.close();
  const expected = `${JSON.stringify({ ok: true, referrals: items, after: { a: 1 } }, null, 2)}\n`;
  assert.equal(output().toString('utf8'), expected);
});
