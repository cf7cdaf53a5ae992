import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  generateDemoReferrals,
  parseReferralEvents,
  toNdjson,
  type ReferralEvent,
  type ReferralEventsDocument,
} from '@links-approach/core/referral';
import { streamReferralEvents } from './event-stream.js';
import { InputError } from './errors.js';
import { memoryIo } from './test-io.js';

/** Text that trips a byte scanner: quotes, backslashes (one ending a string), brackets, multi-byte and 4-byte characters. */
const AWKWARD = [
  'Said "I\'m fine" {but} [not] really',
  'ends with a backslash \\',
  'two \\\\ and a quote \\"',
  'Men’s Shed — café, Łódź, 日本語, 😀 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'line\nbreak\ttab\u2028separator',
];

/** A small demo cohort whose free text is awkward. */
function awkwardDocument(): ReferralEventsDocument {
  const doc = generateDemoReferrals({
    practices: [
      { id: 'p-1', listSize: 5000 },
      { id: 'p-2', listSize: 4000 },
    ],
    seed: 7,
    asOf: '2025-03-31T12:00:00Z',
    referralsPerPractice: 6,
  });
  let n = 0;
  const events = doc.events.map((event) => {
    if (event.type !== 'created') return event;
    const text = AWKWARD[n++ % AWKWARD.length]!;
    return { ...event, reasons: event.reasons.map((r) => ({ ...r, text })) } as ReferralEvent;
  });
  return { ...doc, events };
}

async function read(text: string, chunk: number, file = 'e.json'): Promise<ReferralEvent[]> {
  const io = memoryIo({ [file]: text }, { chunk });
  const events: ReferralEvent[] = [];
  const count = await streamReferralEvents(io, file, undefined, (e) => events.push(e));
  assert.equal(count, events.length);
  return events;
}

async function problems(text: string, chunk: number, file = 'e.json'): Promise<{ path: string; message: string }[]> {
  const io = memoryIo({ [file]: text }, { chunk });
  try {
    await streamReferralEvents(io, file, undefined, () => {});
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError, not ${String(error)}`);
    return error.errors.map(({ path, message }) => ({ path, message }));
  }
  assert.fail('the file was accepted');
}

const CHUNKS = [3, 7, 64, 4096];

test('a streamed events document gives exactly the events core parses, wherever the pieces break (strings, escapes, multi-byte characters)', async () => {
  const doc = awkwardDocument();
  assert.ok(doc.events.length > 40);
  const reordered = { events: doc.events, schemaVersion: doc.schemaVersion, kind: doc.kind };
  const layouts = [
    JSON.stringify(doc),
    JSON.stringify(doc, null, 2),
    `\r\n  ${JSON.stringify(reordered, null, '\t').replace(/\n/g, '\r\n')}  \n`,
  ];
  for (const text of layouts) {
    const parsed = parseReferralEvents(text, { format: 'json' });
    assert.ok(parsed.ok);
    for (const chunk of CHUNKS) assert.deepEqual(await read(text, chunk), parsed.value, `pieces of ${chunk} bytes`);
  }
  // A byte at a time (a shorter document: every byte is its own piece).
  const short = JSON.stringify({ ...doc, events: doc.events.slice(0, 12) }, null, 1);
  const parsed = parseReferralEvents(short, { format: 'json' });
  assert.ok(parsed.ok);
  assert.deepEqual(await read(short, 1), parsed.value);
});

test('streamed NDJSON gives exactly the events core parses, with CRLF, blank lines and pieces breaking characters', async () => {
  const { events } = awkwardDocument();
  const text = `${toNdjson(events.slice(0, 10))}\r\n\r\n   \n${toNdjson(events.slice(10)).replace(/\n/g, '\r\n')}`;
  const parsed = parseReferralEvents(text, { format: 'ndjson' });
  assert.ok(parsed.ok);
  for (const chunk of [1, ...CHUNKS])
    assert.deepEqual(await read(text, chunk, 'e.ndjson'), parsed.value, `pieces of ${chunk} bytes`);
});

test('problems in a streamed file have the JSON paths and line numbers core gives', async () => {
  const doc = awkwardDocument();
  const broken: unknown[] = doc.events.map((e, i) =>
    i === 3 ? { ...e, at: 'yesterday' } : i === 17 ? { ...e, actor: 5 } : e,
  );
  const json = JSON.stringify({ ...doc, events: broken }, null, 2);
  const core = parseReferralEvents(json, { format: 'json' });
  assert.ok(!core.ok);
  const expected = core.errors.map(({ path, message }) => ({ path, message }));
  assert.ok(expected.some((e) => e.path === 'events[3].at'));
  for (const chunk of [3, 4096]) assert.deepEqual(await problems(json, chunk), expected);

  const ndjson = toNdjson(broken as ReferralEvent[]);
  const coreLines = parseReferralEvents(ndjson, { format: 'ndjson' });
  assert.ok(!coreLines.ok);
  assert.ok(coreLines.errors.some((e) => e.path === 'line 4: at'));
  for (const chunk of [3, 4096])
    assert.deepEqual(
      await problems(ndjson, chunk, 'e.ndjson'),
      coreLines.errors.map(({ path, message }) => ({ path, message })),
    );
});

test('a document that is not valid JSON is refused as such, at any break, and never yields a partial success', async () => {
  const text = JSON.stringify(awkwardDocument());
  const bad = [
    text.slice(0, Math.floor(text.length / 2)), // cut off
    text.slice(0, -1), // no closing brace
    `${text} {}`, // something after the document
    text.replace('},{"id"', '},,{"id"'), // an empty element
    text.replace('},{"id"', '} {"id"'), // a missing comma
    text.replace(']}', ',]}'), // a trailing comma
    text.replace('"schemaVersion":', '"schemaVersion"'), // a missing colon
  ];
  for (const broken of bad) {
    assert.notEqual(broken, text);
    for (const chunk of [5, 4096]) {
      const found = await problems(broken, chunk);
      assert.equal(found.length, 1);
      assert.equal(found[0]!.path, '');
      assert.match(found[0]!.message, /^is not valid JSON \(/);
    }
  }
  assert.match((await problems('[{"id": 1}]', 4))[0]!.message, /not a bare list/);
});
