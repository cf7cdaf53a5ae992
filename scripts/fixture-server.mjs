// A local stand-in for the ALISS v4 API (and an HSDS 3.0 /services feed),
// serving the synthetic fixtures in test/fixtures/aliss/. Tests start it on
// 127.0.0.1 on a random port, so they never touch the internet.
//
//   import { startFixtureServer } from '../../scripts/fixture-server.mjs';
//   const server = await startFixtureServer();
//   createAlissDirectory({ baseUrl: server.alissBaseUrl() });          // healthy
//   createAlissDirectory({ baseUrl: server.alissBaseUrl('500') });     // every answer HTTP 500
//   await server.close();
//
// Or by hand: `node scripts/fixture-server.mjs [--port 8787]`, then
// `links resources search --postcode "G40 1AA" --base-url http://127.0.0.1:8787/api/v4/`.
//
// Endpoints (ALISS v4 shapes): GET /api/v4/services/?q=&postcode=&category=&location_type=&page=&page_size=
// → {meta, count, next, previous, data}; GET /api/v4/services/{id}/ → {meta, data} or 404;
// GET /api/v4/categories/ → {meta, data}. HSDS: GET /hsds/services?search=&taxonomy_term_id=&page=&per_page=
// → {total_items, total_pages, page_number, size, first_page, last_page, empty, contents}; GET /hsds/services/{id}.
//
// Failure modes, chosen by a path prefix `/mode/<mode>/…` (which `next` links keep) or by a query
// parameter `?fail=<mode>`:
//   500, 503        the answer is that HTTP error (an HTML body, as a proxy would send)
//   invalid-json    200 with a truncated JSON body
//   html            200 with an HTML page (a captive portal, say)
//   drift           200 with the services reshaped: `name` → `title`, `organisation` → `provider`, `id` a number
//   slow            waits `delay` ms (default 2000, or ?delay=) before answering
//   slow-body       sends the headers and half the body, then waits `delay` ms before the rest
//   reset           closes the connection without an answer (a network error)
//   fail-page-2     page 1 is fine; page 2 answers HTTP 500
//   foreign-next    `next` points to another host
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/aliss/', import.meta.url));

/** ALISS v4's `meta` block (licence and attribution), as the real API sends it. */
export const ALISS_META = Object.freeze({
  licence: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: [
    { text: 'Contains contributions from ALISS users', url: 'https://www.aliss.org/terms-and-conditions' },
    { text: 'Synthetic fixture data for tests: not real services', url: null },
  ],
});

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

function loadJson(dir, name) {
  return JSON.parse(readFileSync(`${dir}${name}`, 'utf8'));
}

/**
 * Starts the fixture server. Options: `port` (0 = random), `maxPageSize` (ALISS caps page_size at 100;
 * set lower to force paging), `defaultPageSize` (20), `delayMs` for the slow modes (2000).
 * Resolves with `{ url, alissBaseUrl(mode?), hsdsBaseUrl(mode?), requests, close() }`.
 */
export async function startFixtureServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const maxPageSize = options.maxPageSize ?? 100;
  const defaultPageSize = options.defaultPageSize ?? 20;
  const defaultDelay = options.delayMs ?? 2000;
  const dir = options.fixturesDir ?? FIXTURES;
  const services = loadJson(dir, 'services.json');
  const categories = loadJson(dir, 'categories.json');
  const hsds = loadJson(dir, 'hsds-services.json');
  const requests = [];
  const timers = new Set();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}`}`);
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams) });
    let path = url.pathname;
    let mode = url.searchParams.get('fail') ?? 'ok';
    let prefix = '';
    const modeMatch = /^\/mode\/([a-z0-9-]+)(\/.*)$/.exec(path);
    if (modeMatch) {
      mode = modeMatch[1];
      path = modeMatch[2];
      prefix = `/mode/${mode}`;
    }
    const delay = Number(url.searchParams.get('delay') ?? defaultDelay);
    const origin = `http://${req.headers.host}`;

    const later = (ms, fn) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed && !res.writableEnded) fn();
      }, ms);
      timers.add(timer);
    };
    const send = (status, body, type = 'application/json') => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const write = () => {
        res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'access-control-allow-origin': '*' });
        res.end(text);
      };
      if (mode === 'slow') later(delay, write);
      else if (mode === 'slow-body') {
        res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        later(delay, () => res.end(text.slice(Math.floor(text.length / 2))));
      } else write();
    };

    if (req.method !== 'GET') return send(405, { detail: `Method "${req.method}" not allowed.` });
    if (mode === 'reset') {
      req.socket.destroy();
      return undefined;
    }
    if (mode === '500' || mode === '503') {
      return send(Number(mode), `<html><body><h1>${mode} Server Error</h1></body></html>`, 'text/html');
    }
    if (mode === 'html')
      return send(200, '<!doctype html><html><body>Please sign in to the Wi-Fi</body></html>', 'text/html');

    const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
    if (mode === 'fail-page-2' && page === 2) return send(500, { detail: 'A server error occurred.' });

    const finish = (status, body) => {
      if (mode === 'invalid-json') return send(200, JSON.stringify(body).slice(0, 40));
      if (mode === 'drift') return send(status, drift(body));
      return send(status, body);
    };

    // ---- ALISS v4 ----
    if (path === '/api/v4/services/' || path === '/api/v4/services') {
      const postcode = url.searchParams.get('postcode');
      if (!postcode) return send(400, { postcode: ['This field is required.'] });
      if (!POSTCODE.test(postcode.trim()))
        return send(400, { postcode: [`Object with postcode=${postcode.slice(0, 20)} does not exist.`] });
      const words = (url.searchParams.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const category = url.searchParams.get('category');
      const locationType = url.searchParams.get('location_type');
      const matches = services.filter((s) => {
        const hay = `${s.name}\n${s.description}\n${s.organisation.name}`.toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
        if (category && !s.categories.some((c) => c.slug === category)) return false;
        if (locationType === 'local' && s.locations.length === 0) return false;
        if (locationType === 'national' && s.locations.length > 0) return false;
        return true;
      });
      const size = Math.min(
        maxPageSize,
        Math.max(1, Number.parseInt(url.searchParams.get('page_size') ?? '', 10) || defaultPageSize),
      );
      const pages = Math.max(1, Math.ceil(matches.length / size));
      if (page > pages) return send(404, { detail: 'Invalid page.' });
      const link = (p) => {
        const next = new URL(`${prefix}${path}`, mode === 'foreign-next' ? 'http://elsewhere.invalid' : origin);
        for (const [k, v] of url.searchParams) if (k !== 'page') next.searchParams.set(k, v);
        next.searchParams.set('page', String(p));
        return next.href;
      };
      return finish(200, {
        meta: ALISS_META,
        count: matches.length,
        next: page < pages ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        data: matches.slice((page - 1) * size, page * size),
      });
    }
    const detail = /^\/api\/v4\/services\/([^/]+)\/?$/.exec(path);
    if (detail) {
      const service = services.find((s) => s.id === decodeURIComponent(detail[1]));
      return service ? finish(200, { meta: ALISS_META, data: service }) : send(404, { detail: 'Not found.' });
    }
    if (path === '/api/v4/categories/' || path === '/api/v4/categories') {
      return finish(200, { meta: { ...ALISS_META, attribution: [] }, data: categories });
    }

    // ---- HSDS 3.0 ----
    if (path === '/hsds/services' || path === '/hsds/services/') {
      const words = (url.searchParams.get('search') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const term = url.searchParams.get('taxonomy_term_id');
      const matches = hsds.filter((s) => {
        const hay = `${s.name}\n${s.description}`.toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
        if (term && !(s.attributes ?? []).some((a) => a.taxonomy_term_id === term)) return false;
        return true;
      });
      const size = Math.min(
        maxPageSize,
        Math.max(1, Number.parseInt(url.searchParams.get('per_page') ?? '', 10) || defaultPageSize),
      );
      const pages = Math.max(1, Math.ceil(matches.length / size));
      const contents = matches.slice((page - 1) * size, page * size);
      return finish(200, {
        total_items: matches.length,
        total_pages: pages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page >= pages,
        empty: contents.length === 0,
        contents,
      });
    }
    const hsdsDetail = /^\/hsds\/services\/([^/]+)\/?$/.exec(path);
    if (hsdsDetail) {
      const service = hsds.find((s) => s.id === decodeURIComponent(hsdsDetail[1]));
      return service ? finish(200, service) : send(404, { detail: 'Not found.' });
    }
    return send(404, { detail: 'Not found.' });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address();
  const url = `http://${host}:${port}`;
  return {
    url,
    port,
    /** Every request so far: `{method, path, query}` (path includes any /mode/ prefix). */
    requests,
    /** The ALISS v4 base URL, optionally in a failure mode. */
    alissBaseUrl: (mode) => `${url}${mode ? `/mode/${mode}` : ''}/api/v4/`,
    /** The HSDS base URL, optionally in a failure mode. */
    hsdsBaseUrl: (mode) => `${url}${mode ? `/mode/${mode}` : ''}/hsds/`,
    /** Stops the server, cutting any open (slow) connections. */
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Reshapes services as a changed API might: required fields renamed, an id of the wrong type. */
function drift(body) {
  const reshape = (s) => {
    if (!s || typeof s !== 'object') return s;
    const { name, organisation, id, ...rest } = s;
    return { ...rest, id: Number.parseInt(String(id).slice(0, 6), 16) || 1, title: name, provider: organisation };
  };
  if (Array.isArray(body.data)) return { ...body, data: body.data.map(reshape) };
  if (body.data) return { ...body, data: reshape(body.data) };
  if (Array.isArray(body.contents)) return { ...body, contents: body.contents.map(reshape) };
  return reshape(body);
}

// Run directly: serve until stopped.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const portIndex = process.argv.indexOf('--port');
  const port = portIndex > 0 ? Number(process.argv[portIndex + 1]) : 8787;
  const server = await startFixtureServer({ port });
  console.log(`ALISS fixture server: ${server.alissBaseUrl()}  (HSDS: ${server.hsdsBaseUrl()})`);
  console.log(
    'Failure modes: prefix a path with /mode/<500|503|invalid-json|html|drift|slow|slow-body|reset|fail-page-2|foreign-next>/',
  );
}
