// WCAG 2.2 contrast of the design tokens, for the NHS.UK defaults
// (src/internal/tokens.styles.ts and the element styles) and for every theme
// in this folder. Run: npm run test:node -- packages/components/themes/contrast.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { URL } from 'node:url';

const src = new URL('../src/', import.meta.url);
const themesDir = new URL('./', import.meta.url);

/** All `*.styles.ts` files (and internal/*.ts) of the elements. */
function styleFiles(dir = src) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) for (const file of styleFiles(url)) files.push(file);
    else if (/\.styles\.ts$|internal[\\/][^\\/]+\.ts$/.test(url.pathname) && !url.pathname.endsWith('.test.ts'))
      files.push(url);
  }
  return files;
}

/** Global tokens: `--_x: var(--links-y, default)` in tokens.styles.ts. */
function globalTokens() {
  const text = readFileSync(new URL('internal/tokens.styles.ts', src), 'utf8');
  const tokens = new Map();
  for (const [, name, fallback] of text.matchAll(/--_[a-z0-9-]+:\s*var\((--links-[a-z0-9-]+),\s*([^;]+)\);/g))
    tokens.set(name, fallback.trim());
  return tokens;
}

/** Element tokens whose default is a literal colour (not another token). */
function elementColourTokens() {
  const tokens = new Map();
  for (const file of styleFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const [, name, fallback] of text.matchAll(/var\((--links-[a-z0-9-]+),\s*(#[0-9a-fA-F]{3,6})\)/g))
      tokens.set(name, fallback);
  }
  return tokens;
}

/** Every `--links-*` name mentioned anywhere in the element sources. */
function knownTokens() {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
      if (entry.isDirectory()) walk(url);
      else if (entry.name.endsWith('.ts'))
        for (const [n] of readFileSync(url, 'utf8').matchAll(/--links-[a-z0-9-]+/g)) names.add(n);
    }
  };
  walk(src);
  return names;
}

/** The custom properties a theme file sets, from its rule(s). */
function themeTokens(file) {
  const css = readFileSync(new URL(file, themesDir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const tokens = new Map();
  for (const [, name, value] of css.matchAll(/(--links-[a-z0-9-]+)\s*:\s*([^;]+);/g)) tokens.set(name, value.trim());
  return tokens;
}

function luminance(hex) {
  let h = hex.replace('#', '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  assert.match(h, /^[0-9a-f]{6}$/i, `${hex} is a hex colour`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two hex colours. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Text and graphics the elements draw on top of one another (from the
// element styles), with the WCAG 2.2 AA minimum: 4.5 for text, 3 for
// non-text (borders of inputs, chart marks, the focus indicator's underline).
const PAIRS = [
  ['--links-color-text', '--links-color-surface', 4.5],
  ['--links-color-text', '--links-color-background', 4.5],
  ['--links-color-text-secondary', '--links-color-surface', 4.5],
  ['--links-color-text-secondary', '--links-color-background', 4.5],
  ['--links-color-link', '--links-color-surface', 4.5],
  ['--links-color-link', '--links-color-background', 4.5],
  ['--links-color-primary', '--links-color-surface', 4.5],
  ['--links-color-on-primary', '--links-color-primary', 4.5],
  ['--links-color-on-primary', '--links-color-success', 4.5],
  ['--links-color-on-primary', '--links-color-error', 4.5],
  ['--links-color-success', '--links-color-surface', 4.5],
  ['--links-color-error', '--links-color-surface', 4.5],
  ['--links-color-text', '--links-color-warning', 4.5],
  ['--links-color-focus-text', '--links-color-focus', 4.5],
  ['--links-color-focus-text', '--links-color-surface', 3],
  ['--links-color-border-strong', '--links-color-surface', 3],
  ['--links-color-text', '--links-network-register-quiet-background', 4.5],
  ['--links-color-text', '--links-resource-finder-stale-background', 4.5],
  ['--links-cohort-comparison-comparison', '--links-color-surface', 3],
  ['--links-programme-report-comparison', '--links-color-surface', 3],
];

const defaults = new Map([...globalTokens(), ...elementColourTokens()]);
const themes = readdirSync(themesDir).filter((f) => f.endsWith('.css'));

test('the defaults and the theme files are found (so the checks below check something)', () => {
  assert.ok(defaults.size >= 20, `found ${defaults.size} default tokens`);
  assert.equal(defaults.get('--links-color-primary'), '#005eb8');
  assert.ok(themes.includes('scottish-government.css'));
});

test('NHS.UK defaults: every text/background pair meets WCAG 2.2 AA', () => {
  const failures = PAIRS.filter(([fg, bg, min]) => contrast(defaults.get(fg), defaults.get(bg)) < min).map(
    ([fg, bg, min]) => `${fg} on ${bg}: ${contrast(defaults.get(fg), defaults.get(bg)).toFixed(2)} < ${min}`,
  );
  assert.deepEqual(failures, []);
});

for (const file of themes) {
  const theme = themeTokens(file);
  const value = (name) => theme.get(name) ?? defaults.get(name);

  test(`${file}: sets every global token and every element colour default, and nothing unknown`, () => {
    const missing = [...defaults.keys()].filter((name) => !theme.has(name));
    assert.deepEqual(missing, [], 'tokens the theme leaves at the NHS.UK default');
    const known = knownTokens();
    assert.deepEqual(
      [...theme.keys()].filter((name) => !known.has(name)),
      [],
      'properties no element reads',
    );
  });

  test(`${file}: switched by a class, so pages without it keep the defaults`, () => {
    const css = readFileSync(new URL(file, themesDir), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.match(css, /^\s*\.links-theme-[a-z-]+\s*\{/m);
    assert.doesNotMatch(css, /:root|:host|\bhtml\b|\bbody\b/);
  });

  test(`${file}: every text/background pair meets WCAG 2.2 AA`, () => {
    const failures = PAIRS.filter(([fg, bg, min]) => contrast(value(fg), value(bg)) < min).map(
      ([fg, bg, min]) =>
        `${fg} ${value(fg)} on ${bg} ${value(bg)}: ${contrast(value(fg), value(bg)).toFixed(2)} < ${min}`,
    );
    assert.deepEqual(failures, []);
  });

  test(`${file}: differs from the defaults (it is a theme, not a copy)`, () => {
    const changed = [...theme.entries()].filter(([name, v]) => defaults.has(name) && defaults.get(name) !== v);
    assert.ok(changed.length >= 10, `${changed.length} tokens changed`);
  });
}

test('the contrast formula matches known WCAG values', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(2), '21.00');
  assert.equal(contrast('#ffffff', '#ffffff').toFixed(2), '1.00');
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
});
