import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from './run.js';
import { memoryIo } from './test-io.js';

test('links framework --json prints one JSON document with the 7 capacities and 5 themes', async () => {
  const io = memoryIo();
  assert.equal(await run(['framework', '--json'], io), 0);
  const doc = JSON.parse(io.out);
  assert.equal(doc.ok, true);
  assert.deepEqual(
    doc.capacities.map((c: { id: string }) => c.id),
    [
      'team-wellbeing',
      'shared-learning',
      'awareness',
      'intelligence',
      'signposting',
      'problem-solving',
      'network-building',
    ],
  );
  assert.equal(doc.themes.length, 5);
  assert.equal(io.err, '');
});

test('links framework without --json prints readable lists', async () => {
  const io = memoryIo();
  assert.equal(await run(['framework'], io), 0);
  assert.match(io.out, /^Capacities:$/m);
  assert.match(io.out, /5\. Signposting \[signposting\]/);
  assert.match(io.out, /5\. Dying well \[dying-well\]/);
});

test('an invalid framework file exits 1 with JSON paths, as JSON or as readable lines', async () => {
  const broken = JSON.stringify({
    kind: 'links.framework',
    id: 'x',
    version: '1',
    name: 'X',
    capacities: [{ id: 'a', name: '' }],
    themes: [],
    responsibilities: [],
  });
  const io = memoryIo({ 'f.json': broken });
  assert.equal(await run(['framework', '--file', 'f.json', '--json'], io), 1);
  const doc = JSON.parse(io.out);
  assert.equal(doc.ok, false);
  assert.deepEqual(
    doc.errors.map((e: { path: string }) => e.path),
    ['version', 'capacities[0].name', 'capacities[0].description', 'themes'],
  );

  const human = memoryIo({ 'f.json': broken });
  assert.equal(await run(['framework', '--file', 'f.json'], human), 1);
  assert.match(human.out, /^f\.json is not valid:\n {2}version: must be a version number/);
});

test('missing files and malformed JSON are input errors (exit 1), never stack traces', async () => {
  const io = memoryIo({ 'bad.json': '{ "kind": ' });
  assert.equal(await run(['framework', '--file', 'missing.json', '--json'], io), 1);
  assert.deepEqual(JSON.parse(io.out).errors, [
    { path: '', message: 'cannot read "missing.json": no such file', code: 'invalid' },
  ]);
  const io2 = memoryIo({ 'bad.json': '{ "kind": ' });
  assert.equal(await run(['framework', '--file', 'bad.json'], io2), 1);
  assert.match(io2.out, /is not valid JSON/);
  assert.doesNotMatch(io.out + io.err + io2.out + io2.err, /\n\s+at /);
});

test('usage errors exit 2; with --json they still print exactly one JSON document', async () => {
  for (const argv of [['nope'], ['framework', '--bogus'], ['framework', 'extra'], []]) {
    const io = memoryIo();
    assert.equal(await run(argv, io), 2, argv.join(' '));
    assert.match(io.err, /links: /);
    assert.equal(io.out, '');
  }
  const io = memoryIo();
  assert.equal(await run(['nope', '--json'], io), 2);
  assert.equal(JSON.parse(io.out).ok, false);
});

test('--help and --version', async () => {
  const io = memoryIo();
  assert.equal(await run(['--help'], io), 0);
  assert.match(io.out, /Usage: links <command>/);
  assert.match(io.out, /framework +Show the Links framework/);
  const v = memoryIo();
  assert.equal(await run(['--version', '--json'], v), 0);
  assert.match(JSON.parse(v.out).version, /^\d+\.\d+\.\d+/);
  const h = memoryIo();
  assert.equal(await run(['framework', '--help'], h), 0);
  assert.match(h.out, /--file FILE/);
});

test('the links bin runs as a real process', () => {
  const bin = fileURLToPath(new URL('../bin/links.js', import.meta.url));
  const result = spawnSync(process.execPath, [bin, 'framework', '--json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).themes.length, 5);
});
