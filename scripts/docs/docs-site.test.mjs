// The docs site: builds it with Eleventy into a temporary folder (without the
// typedoc reference: api.test.mjs checks that) and checks what a reader relies on: a
// page per element in custom-elements.json with its live example and API
// tables, every guide and doc rendered, the CLI guide showing every command's
// real output, and no broken internal link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '@links-approach/cli';
import { root, runQuiet } from '../lib.mjs';
import { buildSite, manifestPath, copyModuleGraph } from './site.mjs';
import { checkElements, elementsFromManifest } from './elements.mjs';
import { checkLinks } from './links.mjs';
import { coreEntries } from './api.mjs';

let out;
let stub;
let result;
let manifest;

before(async () => {
  if (!existsSync(manifestPath(root))) {
    const generated = await runQuiet('npm', ['run', '--silent', 'manifest']);
    assert.equal(generated.code, 0, 'npm run manifest failed');
  }
  manifest = JSON.parse(readFileSync(manifestPath(root), 'utf8'));
  // A stand-in for the components bundle (this test checks the site, not the bundle),
  // split like a chunked build so the copy of its imports is checked too.
  stub = mkdtempSync(join(tmpdir(), 'links-docs-bundle-'));
  mkdirSync(join(stub, 'chunks'));
  writeFileSync(join(stub, 'links-components.js'), 'import"./chunks/shared-1a2b.js";export{};\n');
  writeFileSync(join(stub, 'chunks', 'shared-1a2b.js'), 'export const shared = 1;\n');
  out = mkdtempSync(join(tmpdir(), 'links-docs-site-'));
  result = await buildSite({ root, out, api: false, bundle: join(stub, 'links-components.js') });
});

after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(stub, { recursive: true, force: true });
});

const page = (path) => readFileSync(join(out, path), 'utf8');
const tagsInManifest = () =>
  manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName)).map((d) => d);

test('the site builds with no problem reported', () => {
  assert.deepEqual(result.errors, []);
});

test('every element in custom-elements.json has a page with its live example and every table', () => {
  const declarations = tagsInManifest();
  assert.ok(declarations.length >= 16, `expected the toolkit's elements, found ${declarations.length}`);
  for (const d of declarations) {
    const file = `elements/${d.tagName}.html`;
    assert.ok(existsSync(join(out, file)), `${file} is missing`);
    const html = page(file);
    assert.match(html, new RegExp(`<${d.tagName} id="example-element"[^>]*>`), `${file}: no live element`);
    assert.match(
      html,
      /<script type="module">\nimport '\.\.\/assets\/links-components\.js';/,
      `${file}: the example does not load the bundle`,
    );
    for (const id of [
      'example',
      'usage',
      'attributes',
      'properties',
      'events',
      'slots',
      'css-parts',
      'css-custom-properties',
    ]) {
      assert.match(html, new RegExp(`<h2 id="${id}">`), `${file}: no "${id}" section`);
    }
    const table = (caption) => {
      const match = new RegExp(`<caption>${caption}[^<]*</caption>([\\s\\S]*?)</table>`).exec(html);
      assert.ok(match, `${file}: no table "${caption}"`);
      return match[1];
    };
    const code = (text) =>
      `<code>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')}</code>`;
    if (d.events?.length) {
      const events = table('Events fired by');
      for (const e of d.events) {
        assert.ok(events.includes(code(e.name)), `${file}: event ${e.name} missing`);
        const detail = /^CustomEvent<(.+)>$/.exec(e.type.text)?.[1] ?? e.type.text;
        assert.ok(events.includes(code(detail)), `${file}: detail type ${detail} of ${e.name} missing`);
      }
    } else {
      assert.match(html, /This element has no events\./);
    }
    if (d.attributes?.length)
      for (const a of d.attributes)
        assert.ok(table('Attributes of').includes(code(a.name)), `${file}: attribute ${a.name} missing`);
    if (d.cssParts?.length)
      for (const p of d.cssParts)
        assert.ok(table('CSS parts of').includes(code(p.name)), `${file}: part ${p.name} missing`);
    if (d.cssProperties?.length)
      for (const p of d.cssProperties)
        assert.ok(table('CSS custom properties of').includes(code(p.name)), `${file}: ${p.name} missing`);
    if (d.slots?.length) table('Slots of');
    const publicFields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy);
    for (const p of publicFields)
      assert.ok(table('Properties of').includes(code(p.name)), `${file}: property ${p.name} missing`);
  }
});

test('live examples carry realistic data as JSON their inline script assigns', () => {
  const caseload = page('elements/links-caseload.html');
  const json = /<script type="application\/json" id="example-data">([\s\S]*?)<\/script>/.exec(caseload);
  assert.ok(json, 'no example data');
  const data = JSON.parse(json[1]);
  assert.ok(data.properties.referrals.length >= 13, 'the caseload example should hold the sample referrals');
  assert.ok(data.properties.referrals.some((r) => r.id === 'ref-sb-001'));
  assert.match(caseload, /Object\.assign\(element, properties\);/);
  const profile = JSON.parse(
    /id="example-data">([\s\S]*?)<\/script>/.exec(page('elements/links-maturity-profile.html'))[1],
  );
  assert.equal(profile.properties.score.capacities.length, 7);
});

test('the bundle and the chunks it imports are copied beside the pages', () => {
  assert.ok(existsSync(join(out, 'assets', 'links-components.js')));
  assert.ok(existsSync(join(out, 'assets', 'chunks', 'shared-1a2b.js')));
});

test('the element index and the home page list every element', () => {
  const index = page('elements/index.html');
  const home = page('index.html');
  for (const d of tagsInManifest()) {
    assert.ok(index.includes(`href="${d.tagName}.html"`), `elements/index.html does not list ${d.tagName}`);
    assert.ok(home.includes(`href="elements/${d.tagName}.html"`), `index.html does not list ${d.tagName}`);
  }
  assert.ok(home.includes('href="api/index.html"'), 'the home page links the API reference');
});

test('every guide and every existing doc is rendered, with its title', () => {
  const guides = readdirSync(join(root, 'docs', 'guides')).filter((f) => f.endsWith('.md'));
  for (const name of ['gp-system.md', 'intranet.md', 'cli.md'])
    assert.ok(guides.includes(name), `docs/guides/${name} is missing`);
  for (const guide of guides) {
    const file = `guides/${guide.replace(/\.md$/, '.html')}`;
    assert.ok(existsSync(join(out, file)), `${file} is missing`);
    const title = /^# (.+)$/m.exec(readFileSync(join(root, 'docs', 'guides', guide), 'utf8'))?.[1];
    assert.ok(title, `docs/guides/${guide} has no title`);
    assert.match(page(file), /<h1 id="[^"]+">/);
    assert.ok(
      page('guides/index.html').includes(`href="${guide.replace(/\.md$/, '.html')}"`),
      `guides/index.html does not list ${guide}`,
    );
  }
  for (const doc of [
    'docs/index.md',
    'docs/domain.md',
    ...readdirSync(join(root, 'docs', 'core')).map((f) => `docs/core/${f}`),
  ]) {
    if (!doc.endsWith('.md')) continue;
    assert.ok(existsSync(join(out, doc.replace(/\.md$/, '.html'))), `${doc} is not rendered`);
  }
  // Links between docs point at the rendered pages.
  assert.match(page('docs/index.html'), /href="core\/plans\.html"/);
  assert.match(page('docs/domain.html'), /<h1 id="the-domain-and-where-we-adapt-it">/);
});

test('the CLI guide shows every command run against the example data', () => {
  const ran = new Set(result.ranCommands.map((line) => line.split(/\s+/)[1]));
  for (const command of COMMANDS) assert.ok(ran.has(command.name), `the CLI guide does not run links ${command.name}`);
  const cli = page('guides/cli.html');
  assert.match(cli, /<pre tabindex="0" class="output"><code>[\s\S]*is a valid business plan/);
  assert.match(cli, /Team Wellbeing\s+5\.0/);
  assert.match(cli, /Output \(exit code 2\)/);
  assert.doesNotMatch(cli, /links-docs-cli-/, 'scratch paths leak into the output');
});

test('every internal link of the site resolves (the API reference is checked by npm run docs)', () => {
  const links = checkLinks(out);
  assert.deepEqual(links.errors, []);
  assert.ok(links.checked > 500, `only ${links.checked} links checked`);
});

test('the link check reports a missing page and a missing anchor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-docs-links-'));
  try {
    writeFileSync(
      join(dir, 'a.html'),
      '<a href="b.html">b</a> <a href="a.html#here">x</a> <a href="a.html#nowhere">y</a> <p id="here"></p>',
    );
    const { errors } = checkLinks(dir);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /b\.html, which does not exist/);
    assert.match(errors[1], /no element with id "nowhere"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an element without a summary, or an event, part or custom property without a description, fails the build', () => {
  const incomplete = {
    modules: [
      {
        path: 'src/x/x.component.ts',
        declarations: [
          {
            kind: 'class',
            name: 'LinksX',
            tagName: 'links-x',
            customElement: true,
            events: [
              { name: 'links-x-change', type: { text: 'CustomEvent<XDetail>' } },
              { name: 'links-x-go', description: 'Went.' },
            ],
            cssParts: [{ name: 'base' }],
            cssProperties: [{ name: '--links-x-color', description: 'Colour.' }, { name: '--links-x-gap' }],
          },
        ],
      },
    ],
  };
  const { errors } = checkElements(elementsFromManifest(incomplete), incomplete.modules);
  assert.deepEqual(
    errors.map((e) => e.replace(/^<links-x> \(src\/x\/x\.component\.ts\) /, '')),
    [
      'has no @summary',
      'event "links-x-change" has no description',
      'event "links-x-go" has no detail type (write @fires {CustomEvent<Detail>} name - description)',
      'CSS part "base" has no description',
      'CSS custom property "--links-x-gap" has no description',
    ],
  );
});

test('manifest text is escaped on element pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-docs-escape-'));
  try {
    const hostile = {
      modules: [
        {
          path: 'src/x/x.component.ts',
          declarations: [
            {
              name: 'LinksX',
              tagName: 'links-x',
              summary: 'Shows <img src=x onerror=alert(1)>',
              description: 'Uses `<form>`.\n\n<script>alert(2)</script>',
              events: [{ name: 'links-x', type: { text: 'CustomEvent<A<B>>' }, description: '<b>bold</b>' }],
              cssParts: [{ name: 'base', description: 'The ![pic](x.png) base.' }],
            },
          ],
        },
      ],
    };
    const built = await buildSite({
      root,
      out: dir,
      api: false,
      cli: false,
      markdown: false,
      manifest: hostile,
      examples: new Map(),
      bundle: join(stub, 'links-components.js'),
    });
    assert.ok(built.elements.length === 1);
    const html = readFileSync(join(dir, 'elements', 'links-x.html'), 'utf8');
    assert.doesNotMatch(html, /<img src=x/);
    assert.doesNotMatch(html, /<img/, 'images in manifest text are left out');
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<b>bold/);
    assert.match(html, /<code>&lt;form&gt;<\/code>/);
    assert.match(html, /<code>A&lt;B&gt;<\/code>/);
    assert.match(html, /<p class="lead">Shows &lt;img src=x onerror=alert\(1\)&gt;<\/p>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the API reference covers every public entry of core (read from its exports map)', async () => {
  const entries = coreEntries(root);
  const pkg = JSON.parse(readFileSync(join(root, 'packages', 'core', 'package.json'), 'utf8'));
  const withSource = Object.entries(pkg.exports).filter(
    ([, t]) => typeof t === 'object' && t['@links-approach/source'],
  );
  assert.equal(entries.length, withSource.length);
  assert.ok(entries.some((e) => e.specifier === '@links-approach/core'));
  for (const entry of entries) assert.ok(existsSync(entry.file), `${entry.specifier}: ${entry.file} is missing`);
  // The symbols the guides point readers to are exported by those entries.
  const exported = new Map();
  for (const entry of entries) {
    const mod = await import(entry.file);
    for (const name of Object.keys(mod)) exported.set(name, entry.specifier);
  }
  for (const name of ['validatePlan', 'scorePlan', 'applyEvent', 'replay', 'prepareSave', 'createMemoryStore']) {
    assert.ok(exported.has(name), `${name} is not exported by any public entry of core`);
  }
});

test('copyModuleGraph refuses an import that leaves the bundle folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-docs-graph-'));
  try {
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'outside.js'), 'export {};');
    writeFileSync(join(dir, 'b', 'entry.js'), 'import "../outside.js";');
    assert.throws(() => copyModuleGraph(join(dir, 'b', 'entry.js'), join(dir, 'dest')), /outside its folder/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
