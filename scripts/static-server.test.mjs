// The static server `npm start` serves the production pages with: files from
// the build folder before the repository, gzip, revalidation, nothing outside
// its folders, and /api/ passed to the service (same origin for the page).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startStaticServer } from './static-server.mjs';

let dir;
let server;
let upstream;
let base;
const seen = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'links-static-'));
  mkdirSync(join(dir, 'build', 'page'), { recursive: true });
  mkdirSync(join(dir, 'repo', 'page'), { recursive: true });
  writeFileSync(join(dir, 'build', 'page', 'index.html'), '<p>built</p>');
  writeFileSync(join(dir, 'repo', 'page', 'index.html'), '<p>source</p>');
  writeFileSync(join(dir, 'repo', 'page', 'data.json'), JSON.stringify({ rows: 'x'.repeat(2000) }));
  writeFileSync(join(dir, 'secret.txt'), 'outside the served folders');
  upstream = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  });
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  server = await startStaticServer({
    // The repository root comes with a trailing slash (scripts/lib.mjs): it must still be served.
    roots: [join(dir, 'build'), `${join(dir, 'repo')}/`],
    port: 0,
    serviceUrl: `http://127.0.0.1:${upstream.address().port}`,
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

test('a page in the build folder is served before the same page in the repository', async () => {
  const answer = await fetch(`${base}/page/`);
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(await answer.text(), '<p>built</p>');
});

test('a folder without its slash is redirected, so relative links on the page work', async () => {
  const answer = await fetch(`${base}/page`, { redirect: 'manual' });
  assert.equal(answer.status, 301);
  assert.equal(answer.headers.get('location'), '/page/');
});

test('text is sent gzip-compressed to browsers that accept it, and revalidated by its ETag', async () => {
  const { request } = await import('node:http');
  const raw = await new Promise((resolve, reject) => {
    request(`${base}/page/data.json`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
  assert.equal(raw.headers['content-encoding'], 'gzip');
  assert.ok(raw.body.length < 200, `compressed to ${raw.body.length} bytes`);
  assert.equal(JSON.parse(gunzipSync(raw.body).toString()).rows.length, 2000);
  const again = await fetch(`${base}/page/data.json`, { headers: { 'if-none-match': raw.headers.etag } });
  assert.equal(again.status, 304);
});

test('nothing outside the served folders can be read, however the path is written', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/page/..%2f..%2fsecret.txt', '/%00']) {
    const answer = await fetch(`${base}${path}`);
    assert.notEqual(answer.status, 200, path);
    assert.doesNotMatch(await answer.text(), /outside the served folders/, path);
  }
});

test('requests under /api/ go to the service with their method and headers; others are not passed on', async () => {
  seen.length = 0;
  const answer = await fetch(`${base}/api/health?x=1`, { headers: { authorization: 'Bearer t' } });
  assert.equal(answer.status, 200);
  assert.deepEqual(await answer.json(), { status: 'ok' });
  assert.deepEqual(seen, [{ method: 'GET', url: '/api/health?x=1', authorization: 'Bearer t' }]);
  await fetch(`${base}/apiary/`);
  assert.equal(seen.length, 1);
});

test('a page cannot be changed through the static server', async () => {
  const answer = await fetch(`${base}/page/index.html`, { method: 'PUT', body: 'x' });
  assert.equal(answer.status, 405);
});
