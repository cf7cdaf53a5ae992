// The script-tag files must know every element: the autoloader's table
// (src/bundle/tags.ts) and the no-flash stylesheet (src/bundle/links-components.css)
// list exactly the tags the components register.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFiles, root } from './lib.mjs';

const src = join(root, 'packages/components/src');
const read = (file) => readFileSync(join(root, file), 'utf8');
const registered = findFiles('packages/components/src', /\.ts$/)
  .filter((file) => !file.endsWith('.test.ts'))
  .flatMap((file) => [...read(file).matchAll(/customElements\.define\(\s*'(links-[a-z-]+)'/g)].map((m) => m[1]))
  .sort();

test('the components register a set of links-* tags', () => {
  assert.ok(registered.length >= 17, `found ${registered.length}`);
});

test('the autoloader can load every registered element, and nothing else', () => {
  const table = readFileSync(join(src, 'bundle/tags.ts'), 'utf8');
  const loaders = [...table.matchAll(/'(links-[a-z-]+)': \(\) => import\('\.\.\/([a-z-]+)\/\2\.js'\)/g)];
  assert.deepEqual(loaders.map((m) => m[1]).sort(), registered);
  for (const [, tag, folder] of loaders) assert.equal(tag, `links-${folder}`, `${tag} loads ${folder}`);
});

test('the no-flash stylesheet hides every registered element until it is defined', () => {
  const css = readFileSync(join(src, 'bundle/links-components.css'), 'utf8');
  // Tag names only: not the --links-<tag>-reserved-block-size custom properties.
  const listed = [...css.matchAll(/(?<![-\w])(links-[a-z-]+)\b/g)]
    .map((m) => m[1])
    .filter((t) => t !== 'links-components')
    .sort();
  assert.deepEqual([...new Set(listed)], registered);
});
