import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../../../../scripts/fixture-server.mjs';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

let server: FixtureServer;
before(async () => {
  // ALISS allows 100 a page; a lower cap here makes --limit 25 take three pages.
  server = await startFixtureServer({ maxPageSize: 10, delayMs: 5_000 });
});
after(async () => {
  await server.close();
});

const search = (...flags: string[]) => ['resources', 'search', '--postcode', 'G40 1AA', ...flags];

describe('links resources search', () => {
  test('--json prints up to --limit results, following next pages, with the CC BY 4.0 attribution', async () => {
    const io = memoryIo();
    const start = server.requests.length;
    assert.equal(await run(search('--limit', '25', '--base-url', server.alissBaseUrl(), '--json'), io), 0, io.err);
    const doc = JSON.parse(io.out);
    assert.equal(doc.ok, true);
    assert.equal(doc.count, 25);
    assert.equal(doc.resources.length, 25);
    assert.equal(doc.total, 48);
    assert.equal(doc.more, true);
    assert.equal(server.requests.length - start, 3, 'three pages of 10');
    assert.equal(doc.licence.name, 'CC BY 4.0');
    assert.match(doc.attribution[0].text, /ALISS .* licensed under CC BY 4\.0/);
    assert.equal(doc.source.id, 'aliss');
    assert.equal(doc.resources[0].provenance.source, 'aliss');
    assert.equal(io.err, '');
  });

  test('the default limit is 20', async () => {
    const io = memoryIo();
    assert.equal(await run(search('--base-url', server.alissBaseUrl(), '--json'), io), 0);
    assert.equal(JSON.parse(io.out).resources.length, 20);
  });

  test('--q and --category narrow the search; fewer results than the limit is fine', async () => {
    const io = memoryIo();
    const start = server.requests.length;
    assert.equal(
      await run(search('--q', 'walk', '--category', 'walking', '--base-url', server.alissBaseUrl(), '--json'), io),
      0,
    );
    const doc = JSON.parse(io.out);
    assert.equal(server.requests[start]!.query['q'], 'walk');
    assert.equal(server.requests[start]!.query['category'], 'walking');
    assert.ok(doc.count > 0 && doc.count < 20);
    assert.equal(doc.more, false);
    for (const r of doc.resources) assert.ok(r.categories.some((c: { slug: string }) => c.slug === 'walking'));
  });

  test('without --json it prints a readable list, freshness, and the attribution at the end', async () => {
    const io = memoryIo();
    assert.equal(await run(search('--q', 'Brightwater', '--limit', '3', '--base-url', server.alissBaseUrl()), io), 0);
    assert.match(io.out, /^3 of \d+ resources from ALISS:/);
    assert.match(io.out, /^1\. Brightwater Walk and Talk Group \(Brightwater Community Trust\)$/m);
    assert.match(io.out, /^ {3}Contact: 0141 496 0101/m);
    assert.match(io.out, /^ {3}Last (reviewed|updated) /m);
    assert.match(io.out, /Community resource information from ALISS .*CC BY 4\.0/);
    assert.match(io.out, /Licence: CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\)\n$/);
  });

  test('LINKS_ALISS_BASE_URL sets the address when --base-url is not given', async () => {
    const io = memoryIo();
    io.env = { LINKS_ALISS_BASE_URL: server.alissBaseUrl() };
    assert.equal(await run(search('--limit', '1', '--json'), io), 0, io.err);
    assert.equal(JSON.parse(io.out).source.baseUrl, server.alissBaseUrl());
  });

  test('an HTTP 500 exits 1 with the error contract, and a readable message on stderr', async () => {
    const io = memoryIo();
    assert.equal(await run(search('--base-url', server.alissBaseUrl('500'), '--json'), io), 1);
    const doc = JSON.parse(io.out);
    assert.equal(doc.ok, false);
    assert.deepEqual(Object.keys(doc.errors[0]).sort(), ['message', 'path']);
    assert.equal(doc.errors[0].path, '');
    assert.match(doc.errors[0].message, /ALISS answered with an error \(HTTP 500/);
    assert.match(io.err, /^links: could not search ALISS: .*HTTP 500.*\nThis may pass: try again/);

    const human = memoryIo();
    assert.equal(await run(search('--base-url', server.alissBaseUrl('500')), human), 1);
    assert.equal(human.out, '');
    assert.doesNotMatch(human.err, /\n\s+at /, 'no stack trace');
  });

  test('schema drift and invalid JSON exit 1 and name the paths in the answer', async () => {
    const io = memoryIo();
    assert.equal(await run(search('--limit', '1', '--base-url', server.alissBaseUrl('drift'), '--json'), io), 1);
    const paths = JSON.parse(io.out).errors.map((e: { path: string }) => e.path);
    assert.ok(paths.includes('response.data[0].name'), paths.join(', '));
    assert.ok(paths.includes('response.data[0].organisation'));
    const human = memoryIo();
    assert.equal(await run(search('--limit', '1', '--base-url', server.alissBaseUrl('drift')), human), 1);
    assert.match(human.err, /^ {2}data\[0\]\.name: is required$/m);

    const invalid = memoryIo();
    assert.equal(await run(search('--base-url', server.alissBaseUrl('invalid-json'), '--json'), invalid), 1);
    assert.ok(
      JSON.parse(invalid.out).errors.some(
        (e: { path: string; message: string }) => e.path === 'response' && e.message === 'is not valid JSON',
      ),
    );
  });

  test('a timeout and an unreachable directory exit 1 with a clear message', async () => {
    const slow = memoryIo();
    assert.equal(await run(search('--timeout', '0.05', '--base-url', server.alissBaseUrl('slow'), '--json'), slow), 1);
    assert.match(JSON.parse(slow.out).errors[0].message, /ALISS did not answer within 50 ms/);

    const port = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = memoryIo();
    assert.equal(await run(search('--base-url', `http://127.0.0.1:${port}/api/v4/`), down), 1);
    assert.match(
      down.err,
      /^links: could not search ALISS: Could not reach ALISS \(127\.0\.0\.1:\d+\): connection refused\./,
    );
  });

  test('bad flags exit 2 and send nothing', async () => {
    const start = server.requests.length;
    const cases: [string[], RegExp][] = [
      [search('--limit', 'abc'), /--limit must be a whole number from 1 to 500, not "abc"/],
      [search('--limit', '0'), /--limit must be a whole number/],
      [search('--limit', '501'), /--limit must be a whole number/],
      [search('--timeout', 'soon'), /--timeout must be a number of seconds/],
      [['resources', 'search', '--postcode', 'nowhere'], /--postcode must be a UK postcode/],
      [['resources', 'search', '--q', 'walk'], /--postcode is required/],
      [search('--category', 'not a slug'), /--category must be a category id/],
      [search('--base-url', 'ftp://example.org/'), /--base-url must be a web address/],
      [['resources', 'find'], /unknown action "find"/],
      [['resources'], /missing search/],
      [search('--bogus'), /unknown option/],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIo();
      // Never the live API: every case points at the fixture server unless it tests --base-url itself.
      const full =
        argv.includes('--base-url') || argv.length < 2 ? argv : [...argv, '--base-url', server.alissBaseUrl()];
      assert.equal(await run(full, io), 2, argv.join(' '));
      assert.match(io.err, message, argv.join(' '));
    }
    const json = memoryIo();
    assert.equal(await run(search('--limit', 'abc', '--base-url', server.alissBaseUrl(), '--json'), json), 2);
    assert.deepEqual(JSON.parse(json.out).errors, [
      { path: '--limit', message: 'resources: --limit must be a whole number from 1 to 500, not "abc"', code: 'usage' },
    ]);
    assert.equal(server.requests.length, start, 'no request was made for any of them');
  });

  test('the command is listed in --help', async () => {
    const io = memoryIo();
    assert.equal(await run(['--help'], io), 0);
    assert.match(io.out, /resources +Search community resources on ALISS/);
  });
});
