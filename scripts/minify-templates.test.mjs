// The build minifies the components' template HTML and CSS (scripts/minify-templates.mjs).
// What must survive: Lit's bindings, SVG's case-sensitive attributes, the text of <pre> and
// <textarea>, CSS with interpolated values, and every template given to msg() exactly as
// written (its translation is found by a hash of its strings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/parse-literals.js';
import { findFiles, root } from './lib.mjs';
import { isMessageTemplate, minifyTemplatesIn } from './minify-templates.mjs';

const minify = async (code) =>
  (await minifyTemplatesIn(code, { fileName: 'x.ts', generateSourceMap: false }))?.code ?? code;

test('html templates lose their indentation and comments but keep every Lit binding', async () => {
  const out = await minify(`const t = html\`
    <!-- a comment -->
    <div class="row">
      <input .value=\${v} ?disabled=\${d} @input=\${on} aria-label=\${label}>
      <button   type="button"  @click=\${go}>  Save  </button>
    </div>
  \`;`);
  // The minifier quotes attribute bindings, which Lit reads exactly as unquoted ones.
  assert.equal(
    out,
    'const t = html`<div class="row"><input .value="${v}" ?disabled="${d}" @input="${on}" aria-label="${label}"> <button type="button" @click="${go}">Save</button></div>`;',
  );
});

test('svg templates keep case-sensitive attributes and their bindings', async () => {
  const out = await minify(`const s = svg\`
    <svg viewBox="0 0 \${w} 10"   preserveAspectRatio="none">
      <path d=\${d} stroke-linecap="round"></path>
      <text x=\${x}  text-anchor="end">\${label}</text>
    </svg>\`;`);
  assert.match(out, /viewBox="0 0 \$\{w\} 10"/);
  assert.match(out, /preserveAspectRatio="none"/);
  assert.match(out, /<path d="\$\{d\}" stroke-linecap="round"><\/path>/);
  assert.match(out, /<text x="\$\{x\}" text-anchor="end">\$\{label\}<\/text>/);
  assert.doesNotMatch(out, /\n/);
});

test('the text of <pre> and <textarea> keeps its whitespace', async () => {
  const out = await minify(
    'const t = html`<div>\n  <pre>  line one\n  line two</pre>\n  <textarea>\n  kept  </textarea>\n</div>`;',
  );
  assert.match(out, /<pre> {2}line one\n {2}line two<\/pre>/);
  assert.match(out, /<textarea>\n {2}kept {2}<\/textarea>/);
});

test('css templates are minified and keep interpolated values', async () => {
  const out = await minify(`const styles = css\`
    :host {
      display: block;
      color: \${unsafeCSS(colour)};
      margin: 0px   0px;
    }
    ::slotted(p), :host([hidden]) { display: none; }
    @media (forced-colors: active) { .bar { border: 1px solid CanvasText; } }
  \`;`);
  assert.doesNotMatch(out, /\n/);
  assert.match(out, /:host\{.*color:\$\{unsafeCSS\(colour\)\}/);
  assert.match(out, /::slotted\(p\),:host\(\[hidden\]\)\{display:none\}/);
  assert.match(out, /@media \(forced-colors:active\)\{\.bar\{border:1px solid canvastext\}\}/i);
});

test('a css template the minifier cannot parse stops the build instead of shipping', async () => {
  // An interpolated selector: LightningCSS refuses it; the plugin runs with failOnError.
  await assert.rejects(minify('const s = css`${unsafeCSS(sel)} { padding: 4px; }`;'), /LightningCSS/);
});

test('a template given to msg() is left exactly as written; one beside it is minified', async () => {
  const source = [
    'const a = html`<p>',
    '  ${msg(html`Person:   <strong>${name}</strong>`)}',
    '  ${msg(',
    '    html`PDSA cycles<span class="visually-hidden">  for ${title}</span>`,',
    '    { id: "x" },',
    '  )}',
    "  ${msg(str`Shown ${n} of ${m}`)} ${msg('plain  text')}",
    '</p>`;',
  ].join('\n');
  const out = await minify(source);
  assert.ok(out.includes('html`Person:   <strong>${name}</strong>`'), out);
  assert.ok(out.includes('html`PDSA cycles<span class="visually-hidden">  for ${title}</span>`'), out);
  assert.ok(out.includes("msg('plain  text')") && out.includes('str`Shown ${n} of ${m}`'), out);
  assert.ok(out.startsWith('const a = html`<p>${msg('), out);
});

test('isMessageTemplate tells msg(html`…`) from other calls ending in msg', () => {
  const find = (code) => parseLiterals(code).find((t) => t.tag === 'html');
  assert.equal(isMessageTemplate('msg(html`a`)', find('msg(html`a`)')), true);
  assert.equal(isMessageTemplate('x = msg(\n  html`a`)', find('x = msg(\n  html`a`)')), true);
  assert.equal(isMessageTemplate('mymsg(html`a`)', find('mymsg(html`a`)')), false);
  assert.equal(isMessageTemplate('this.msg(html`a`)', find('this.msg(html`a`)')), false);
  assert.equal(isMessageTemplate('f(html`a`)', find('f(html`a`)')), false);
});

test("every msg() template in the components' sources survives minification unchanged", async () => {
  const files = findFiles('packages/components/src', /\.ts$/).filter((f) => !/\.test\.ts$|[\\/]generated[\\/]/.test(f));
  let messages = 0;
  let minified = 0;
  for (const file of files) {
    const code = readFileSync(join(root, file), 'utf8');
    const kept = parseLiterals(code, { fileName: file }).filter((t) => isMessageTemplate(code, t));
    const out = await minify(code);
    if (out !== code) minified += 1;
    for (const template of kept) {
      messages += 1;
      const text = template.parts.map((p) => p.text).join('${…}');
      for (const part of template.parts)
        assert.ok(out.includes(part.text), `${file}: msg(${template.tag}\`${text}\`) changed`);
    }
  }
  assert.ok(messages >= 5, `found ${messages} msg() templates`);
  assert.ok(minified >= 17, `only ${minified} source files had templates to minify`);
});
