// A small static file server for `npm start` (node:http, no transforms): the
// production build in .links-demo/site/ first, then the repository (data,
// stylesheets, the script-tag bundle). Text is sent gzip-compressed when the
// browser accepts it (compressed once per file version, kept in memory), with
// an ETag so a reload revalidates instead of downloading again. Requests under
// /api/ are passed to the demo service, so the page and the service share
// one origin (no CORS, the token stays in the page's memory).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.md']);

/** The file a URL path names inside one of `roots` (the first that has it), or undefined; never outside them. */
function resolveFile(roots, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  for (const root of roots) {
    const base = resolve(root); // no trailing separator, whatever the caller passed
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) continue;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Passes a request to the service at `target` (an http:// origin), streaming both ways (the change feed stays open). */
function proxy(target, req, res) {
  const url = new URL(req.url ?? '/', target);
  const upstream = httpRequest(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          title: 'Bad gateway',
          status: 502,
          errors: [{ path: '', message: 'The demo service is not running.', code: 'service-down' }],
        }),
      );
    } else res.destroy();
  });
  req.pipe(upstream);
}

/**
 * Starts the server on 127.0.0.1:`port`. `roots` are folders searched in order;
 * `serviceUrl` (optional) receives /api/ requests.
 */
export function startStaticServer({ roots, port, serviceUrl }) {
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (serviceUrl && (path === '/api' || path.startsWith('/api/'))) return proxy(serviceUrl, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path.endsWith('/') === false && !extname(path)) {
      // A folder without its slash: relative links on the page need it.
      const file = resolveFile(roots, path);
      if (file && file.endsWith(`${sep}index.html`)) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
    }
    const file = resolveFile(roots, path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const stat = statSync(file);
    const ext = extname(file);
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let cached = gzipped.get(file);
      if (!cached || cached.etag !== etag) {
        cached = { etag, body: gzipSync(readFileSync(file)) };
        gzipped.set(file, cached);
      }
      res.writeHead(200, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': cached.body.length,
        vary: 'accept-encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** For the dev server (koa middleware): /api/ requests go to the service. */
export function apiProxyMiddleware(serviceUrl) {
  return (context, next) => {
    if (context.path === '/api' || context.path.startsWith('/api/')) {
      context.respond = false;
      proxy(serviceUrl, context.req, context.res);
      return undefined;
    }
    return next();
  };
}
