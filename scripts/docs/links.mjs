// Checks that every internal link in the built site resolves: href and src
// attributes, and relative imports in inline module scripts. Fragments are
// checked against the target page's ids (except in typedoc's pages).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const IMPORT = /^\s*import\s+(?:[^'"]*?\s+from\s+)?'(\.{1,2}\/[^']+)'/gm;
const SCRIPT = /<script type="module">([\s\S]*?)<\/script>/g;
const ID = /\sid="([^"]+)"/g;

function decodeEntities(text) {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/**
 * Returns `{ errors, checked, files }`. `ignore(target)` skips targets (site
 * paths) that are expected to be missing, e.g. the API reference when it was
 * not built.
 */
export function checkLinks(siteDir, { ignore = () => false } = {}) {
  const files = htmlFiles(siteDir);
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file))
      ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decodeEntities(m[1]))));
    return ids.get(file);
  };
  const errors = [];
  let checked = 0;
  for (const file of files) {
    const page = relative(siteDir, file).split(sep).join('/');
    const inApi = page.startsWith('api/');
    const html = readFileSync(file, 'utf8');
    const refs = [...html.matchAll(ATTRIBUTE)].map((m) => decodeEntities(m[1]));
    for (const script of html.matchAll(SCRIPT)) refs.push(...[...script[1].matchAll(IMPORT)].map((m) => m[1]));
    for (const ref of refs) {
      if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue;
      const [pathPart, hash] = ref.split('#');
      const path = pathPart.split('?')[0];
      let target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(path)));
      if (target.startsWith('..')) {
        errors.push(`${page}: "${ref}" leaves the site`);
        continue;
      }
      if (ignore(target)) continue;
      checked += 1;
      let full = join(siteDir, target);
      if (existsSync(full) && statSync(full).isDirectory()) {
        full = join(full, 'index.html');
        target = posix.join(target, 'index.html');
      }
      if (!existsSync(full)) {
        errors.push(`${page}: "${ref}" points to ${target}, which does not exist`);
        continue;
      }
      if (
        hash &&
        !inApi &&
        !target.startsWith('api/') &&
        target.endsWith('.html') &&
        !idsOf(full).has(decodeURIComponent(hash))
      ) {
        errors.push(`${page}: "${ref}": ${target} has no element with id "${hash}"`);
      }
    }
  }
  return { errors, checked, files: files.length };
}
