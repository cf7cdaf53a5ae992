// Builds the docs site: element pages from custom-elements.json (with live
// examples on the self-contained bundle), the guides and existing docs from
// markdown, the core API reference from TSDoc (typedoc), a home page, and a
// check that every internal link resolves.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { elementExamples } from './examples.mjs';
import { checkElements, elementPage, elementPageHtml, elementsFromManifest, elementsIndexHtml, EVENT_LOG_JS } from './elements.mjs';
import { escapeHtml, inlineText, layout, SITE_CSS } from './html.mjs';
import { renderMarkdown, resolveRepoLink, parseRunInfo } from './markdown.mjs';
import { checkLinks } from './links.mjs';

/** Guides in the order the site lists them; any other docs/guides/*.md follow alphabetically. */
const GUIDE_ORDER = ['gp-system', 'intranet', 'react', 'cli'];

/** The path of the components bundle, from the `./bundle.js` export of the components package. */
export function bundlePath(root) {
  const pkgFile = join(root, 'packages', 'components', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const target = pkg.exports?.['./bundle.js'];
  const file = typeof target === 'string' ? target : target?.default ?? target?.import;
  return resolve(dirname(pkgFile), file ?? './dist/links-components.bundle.min.js');
}

export const manifestPath = (root) => join(root, 'packages', 'components', 'custom-elements.json');

function listMarkdown(root, dir, { recursive = true, skip = [] } = {}) {
  const out = [];
  const walk = (rel) => {
    const full = join(root, rel);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const child = posix.join(rel, entry.name);
      if (skip.some((s) => child === s || child.startsWith(`${s}/`))) continue;
      if (entry.isDirectory() && recursive) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.md')) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** Which markdown files the site renders, and where: repo path → site path. */
export function markdownPages(root) {
  const pages = new Map();
  for (const file of listMarkdown(root, 'docs', { skip: ['docs/site', 'docs/guides'] })) {
    pages.set(file, file.replace(/\.md$/, '.html'));
  }
  for (const file of listMarkdown(root, 'docs/guides', { recursive: false })) {
    pages.set(file, `guides/${posix.basename(file, '.md')}.html`);
  }
  for (const pkg of existsSync(join(root, 'packages')) ? readdirSync(join(root, 'packages')).sort() : []) {
    const readme = `packages/${pkg}/README.md`;
    if (existsSync(join(root, readme))) pages.set(readme, `packages/${pkg}.html`);
  }
  return pages;
}

function guideOrder(a, b) {
  const rank = (p) => {
    const i = GUIDE_ORDER.indexOf(posix.basename(p, '.md'));
    return i === -1 ? GUIDE_ORDER.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The first paragraph of a markdown file after its title, as plain text (for lists). */
function firstParagraph(source) {
  const blocks = source.split(/\n\s*\n/).map((b) => b.trim());
  const para = blocks.find((b) => b && !b.startsWith('#') && !b.startsWith('```') && !b.startsWith('|') && !b.startsWith('-') && !b.startsWith('>'));
  const text = (para ?? '').replace(/\s*\n\s*/g, ' ').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\*\*/g, '');
  // The first sentence is enough for a list.
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  return sentence.length > 240 ? `${sentence.slice(0, 237).replace(/\s+\S*$/, '')}…` : sentence;
}

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g;

/**
 * Copies a browser module and every module it imports by relative path
 * (shared chunks of a split bundle), keeping their relative layout, into
 * `dest`. Returns the copied files (relative to `dest`).
 */
export function copyModuleGraph(entry, dest) {
  const base = dirname(entry);
  const copied = [];
  const queue = [entry];
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = relative(base, file);
    if (rel.startsWith('..')) throw new Error(`the bundle imports ${file}, outside its folder`);
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    copyFileSync(file, join(dest, rel));
    copied.push(rel);
    if (existsSync(`${file}.map`)) copyFileSync(`${file}.map`, join(dest, `${rel}.map`));
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), match[1]);
      if (existsSync(target)) queue.push(target);
    }
  }
  return copied;
}

function write(out, sitePath, text) {
  const file = join(out, sitePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Builds the site into `out` (emptied first). `bundle` overrides the
 * components bundle the live examples load. `api: false` leaves out the
 * typedoc reference (api/index.html then says so). `cli: false`
 * shows `sh run` blocks as plain code instead of running them.
 * Returns `{ errors, warnings, elements, guides, docs, api, pages }`; the
 * build failed if `errors` is not empty.
 */
export async function buildSite({ root, out, api = true, cli = true, bundle: bundleOverride, log = () => {} }) {
  const errors = [];
  const warnings = [];
  const outAbs = resolve(out);
  if (outAbs === resolve(root) || resolve(root).startsWith(`${outAbs}/`)) throw new Error(`refusing to empty ${outAbs}: it holds the repository`);
  rmSync(outAbs, { recursive: true, force: true });
  mkdirSync(outAbs, { recursive: true });

  // Elements, from the manifest.
  const manifestFile = manifestPath(root);
  if (!existsSync(manifestFile)) {
    return { errors: [`${relative(root, manifestFile)} is missing: run "npm run manifest" (npm run docs does)`], warnings, elements: [], guides: [], docs: [] };
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const elements = elementsFromManifest(manifest);
  if (elements.length === 0) errors.push('custom-elements.json lists no custom elements');
  const completeness = checkElements(elements, manifest.modules ?? []);
  errors.push(...completeness.errors.map((e) => `custom-elements.json: ${e}`));
  warnings.push(...completeness.warnings.map((w) => `custom-elements.json: ${w}`));

  const bundle = bundleOverride ? resolve(bundleOverride) : bundlePath(root);
  if (!existsSync(bundle)) {
    errors.push(`the components bundle ${relative(root, bundle)} is missing: run "npm run build"`);
  } else {
    copyModuleGraph(bundle, join(outAbs, 'assets'));
  }
  write(outAbs, 'assets/site.css', SITE_CSS);
  write(outAbs, 'assets/event-log.js', EVENT_LOG_JS);

  const examples = elementExamples(root);
  for (const el of elements) {
    const example = examples.get(el.tag);
    if (!example) warnings.push(`<${el.tag}> has no live example data in scripts/docs/examples.mjs: its page shows it with defaults`);
    write(outAbs, elementPage(el.tag), elementPageHtml(el, example, { bundle: posix.basename(bundle) }));
  }
  write(outAbs, 'elements/index.html', elementsIndexHtml(elements));
  log(`${elements.length} element pages`);

  // Markdown: the existing docs, package READMEs and the guides.
  const pages = markdownPages(root);
  const copies = new Map();
  const site = { resolveLink: (from, fromSite, href, errs) => resolveRepoLink({ root, pages, copies }, from, fromSite, href, errs) };
  let runner;
  const needsCli = cli && [...pages.keys()].some((p) => /```(?:sh|shell|bash|console)\s+run/.test(readFileSync(join(root, p), 'utf8')));
  if (needsCli) {
    const { createCliRunner } = await import('./cli-runner.mjs');
    runner = await createCliRunner(root);
  }
  const rendered = [];
  const ranCommands = [];
  try {
    for (const [repoPath, sitePath] of pages) {
      const source = readFileSync(join(root, repoPath), 'utf8');
      const { html, title, ran, errors: pageErrors } = await renderMarkdown(source, { repoPath, sitePath, site, cli: runner });
      errors.push(...pageErrors);
      ranCommands.push(...ran);
      const section = sitePath.startsWith('guides/') ? 'guides' : sitePath.startsWith('packages/') ? 'home' : 'docs';
      const editNote = `<p class="secondary source-note">Source: <code>${escapeHtml(repoPath)}</code></p>`;
      write(outAbs, sitePath, layout({ page: sitePath, title, section, body: `<div class="prose">\n${html}\n${editNote}\n</div>` }));
      rendered.push({ repoPath, sitePath, title, summary: firstParagraph(source) });
    }
  } finally {
    await runner?.close();
  }
  for (const [copy, full] of copies) {
    mkdirSync(dirname(join(outAbs, copy)), { recursive: true });
    copyFileSync(full, join(outAbs, copy));
  }

  // The CLI guide must show every command.
  const cliGuide = rendered.find((r) => r.repoPath === 'docs/guides/cli.md');
  if (cli && cliGuide) {
    const { commandNames } = await import('./cli-runner.mjs');
    const used = new Set(ranCommands.map((line) => line.split(/\s+/)[1]));
    for (const name of commandNames()) {
      if (!used.has(name)) errors.push(`docs/guides/cli.md has no run example (a \`\`\`sh run block) for "links ${name}"`);
    }
  }

  // The intranet guide names the bundle file: keep it in step with the package's `./bundle.js` export.
  const intranet = join(root, 'docs', 'guides', 'intranet.md');
  if (existsSync(intranet)) {
    const shipped = relative(join(root, 'packages', 'components'), bundlePath(root)).split('\\').join('/');
    if (!readFileSync(intranet, 'utf8').includes(shipped)) {
      errors.push(`docs/guides/intranet.md does not mention ${shipped}, the file the components package exports as ./bundle.js: update the guide`);
    }
  }

  const guides = rendered.filter((r) => r.sitePath.startsWith('guides/')).sort((a, b) => guideOrder(a.repoPath, b.repoPath));
  const docs = rendered.filter((r) => r.repoPath.startsWith('docs/') && !r.sitePath.startsWith('guides/'));
  const packages = rendered.filter((r) => r.sitePath.startsWith('packages/'));
  log(`${guides.length} guides, ${docs.length} docs pages, ${packages.length} package pages`);

  const list = (items, from) =>
    `<ul class="card-list">\n${items
      .map((r) => `<li><a href="${escapeHtml(posix.relative(posix.dirname(from), r.sitePath))}">${escapeHtml(r.title)}</a>${r.summary ? `<p>${inlineText(r.summary)}</p>` : ''}</li>`)
      .join('\n')}\n</ul>`;
  write(
    outAbs,
    'guides/index.html',
    layout({
      page: 'guides/index.html',
      title: 'Guides',
      section: 'guides',
      body: `<h1>Guides</h1>\n<p class="lead">How to adopt the toolkit: in a GP system, in an intranet page with no build step, with React, and from the command line.</p>\n${list(guides, 'guides/index.html')}`,
    }),
  );

  // The API reference.
  let apiResult;
  if (api) {
    const { buildApi } = await import('./api.mjs');
    apiResult = await buildApi({ root, out: join(outAbs, 'api') });
    errors.push(...apiResult.errors.map((e) => `typedoc: ${e}`));
    warnings.push(...apiResult.warnings.map((w) => `typedoc: ${w}`));
    log(`API reference for ${apiResult.entries.length} entries: ${apiResult.entries.map((e) => e.specifier).join(', ')}`);
  } else {
    write(
      outAbs,
      'api/index.html',
      layout({
        page: 'api/index.html',
        title: 'Core API reference',
        section: 'api',
        body: '<h1>Core API reference</h1>\n<p>This copy of the site was built without the API reference (<code>--no-api</code>). Run <code>npm run docs</code> to build it.</p>',
      }),
    );
  }
  const { coreEntries } = await import('./api.mjs');
  const entries = apiResult?.entries ?? coreEntries(root);

  // typedoc names a module's page after the module: `@links-approach/core/plan` → modules/_links-approach_core_plan.html.
  const apiLink = (specifier) => {
    const file = `api/modules/${specifier.replace(/[^a-z0-9-]/gi, '_')}.html`;
    const text = `<code>${escapeHtml(specifier)}</code>`;
    return existsSync(join(outAbs, file)) ? `<a href="${escapeHtml(file)}">${text}</a>` : text;
  };

  // The home page.
  const elementList = `<ul class="card-list">\n${elements
    .map((el) => `<li><a href="${escapeHtml(elementPage(el.tag))}"><code>&lt;${escapeHtml(el.tag)}&gt;</code></a><p>${inlineText(el.summary)}</p></li>`)
    .join('\n')}\n</ul>`;
  const home = `<h1>Links Approach toolkit</h1>
<p class="lead">Web components, a domain library and a command line for GP systems and NHS intranet pages to adopt the Links Approach of Scotland's Links Worker Programme.</p>
<nav aria-label="Contents" class="on-this-page"><ul>
<li><a href="#guides">Guides</a></li>
<li><a href="#elements">Elements</a></li>
<li><a href="#api">Core API reference</a></li>
<li><a href="#domain">The domain and where we adapted it</a></li>
<li><a href="#packages">Packages</a></li>
</ul></nav>
<section aria-labelledby="guides"><h2 id="guides">Guides</h2>
${list(guides, 'index.html')}
</section>
<section aria-labelledby="elements"><h2 id="elements">Elements</h2>
<p>${elements.length} <code>links-*</code> elements, each with a live example: <a href="elements/index.html">all elements</a>.</p>
${elementList}
</section>
<section aria-labelledby="api"><h2 id="api">Core API reference</h2>
<p>Every public symbol of <code>@links-approach/core</code>, from its TSDoc: <a href="api/index.html">the API reference</a>. Entries:</p>
<ul>${entries.map((e) => `<li>${apiLink(e.specifier)}</li>`).join('')}</ul>
</section>
<section aria-labelledby="domain"><h2 id="domain">The domain and where we adapted it</h2>
${list(docs, 'index.html')}
</section>
<section aria-labelledby="packages"><h2 id="packages">Packages</h2>
${list(packages, 'index.html')}
</section>`;
  write(outAbs, 'index.html', layout({ page: 'index.html', title: 'Home', section: 'home', body: home }));

  // Every internal link must resolve.
  const links = checkLinks(outAbs);
  errors.push(...links.errors);
  log(`${links.checked} internal links checked in ${links.files} pages`);

  return {
    errors,
    warnings,
    elements,
    guides,
    docs,
    packages,
    api: apiResult,
    ranCommands,
  };
}

/** Whether a markdown code block's info string asks for it to be run (for tests). */
export { parseRunInfo };
