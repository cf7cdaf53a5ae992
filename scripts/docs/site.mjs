// Builds the docs site with Eleventy: element pages (site/elements/element.njk,
// one per element of custom-elements.json, with a live example on the
// self-contained bundle), the guides, docs and package READMEs from markdown,
// the core API reference from TSDoc (typedoc), a home page. Around Eleventy
// sit the checks no tool makes: every element documented, TSDoc on every
// export, every CLI command shown running for real, every internal link
// resolving.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import { checkElements, elementView, elementsFromManifest } from './elements.mjs';
import {
  manifestMarkdown,
  parseRunInfo,
  relativeHref,
  resolveRepoLink,
  runCliBlocks,
  siteMarkdown,
} from './markdown.mjs';
import { checkLinks } from './links.mjs';

/** Eleventy's input: the layouts, page templates and assets of the site. */
const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'site');

/** Guides in the order the site lists them; any other docs/guides/*.md follow alphabetically. */
const GUIDE_ORDER = ['gp-system', 'intranet', 'react', 'cli'];

/** The sections in the site's main navigation. */
const NAV = [
  { href: '/index.html', label: 'Home', section: 'home' },
  { href: '/elements/index.html', label: 'Elements', section: 'elements' },
  { href: '/guides/index.html', label: 'Guides', section: 'guides' },
  { href: '/api/index.html', label: 'Core API', section: 'api' },
  { href: '/docs/domain.html', label: 'Domain model', section: 'docs' },
];

/** The path of the components bundle, from the `./bundle.js` export of the components package. */
export function bundlePath(root) {
  const pkgFile = join(root, 'packages', 'components', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const target = pkg.exports?.['./bundle.js'];
  const file = typeof target === 'string' ? target : (target?.default ?? target?.import);
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

/** The first sentence of a markdown file's first paragraph after its title, as plain text (for lists). */
function firstParagraph(source) {
  const blocks = source.split(/\n\s*\n/).map((b) => b.trim());
  const para = blocks.find(
    (b) =>
      b && !b.startsWith('#') && !b.startsWith('```') && !b.startsWith('|') && !b.startsWith('-') && !b.startsWith('>'),
  );
  const text = (para ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '');
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

/** Serialises data for a `<script type="application/json">` block (no `</script>` can close it early). */
export function jsonForScript(value) {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** The Eleventy configuration of the site; `data` becomes its global data. */
function configure(eleventyConfig, { data, markdown }) {
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.setLibrary('md', markdown);
  eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), join(TEMPLATES, 'assets'))]: 'assets' });
  for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
  // Links are relative, so the site works wherever it is served (npm start serves it under /docs/site/).
  eleventyConfig.addFilter('rel', function rel(target) {
    return relativeHref(this.page?.url ?? '/', target);
  });
  eleventyConfig.addFilter('inlineCode', (text) =>
    manifestMarkdown.renderInline(String(text ?? '').replace(/\s*\n\s*/g, ' ')),
  );
  eleventyConfig.addFilter('manifestMarkdown', (text) => manifestMarkdown.render(String(text ?? '')));
  eleventyConfig.addFilter('jsonForScript', jsonForScript);
}

/**
 * Builds the site into `out` (emptied first). `bundle` overrides the
 * components bundle the live examples load. `api: false` leaves out the
 * typedoc reference (api/index.html then says so). `cli: false` shows `sh
 * run` blocks as plain code instead of running them. `manifest` and
 * `examples` replace custom-elements.json and the live examples' data (for
 * tests); `markdown: false` leaves out the markdown pages. Returns `{ errors,
 * warnings, elements, guides, docs, packages, api, ranCommands }`; the build
 * failed if `errors` is not empty.
 */
export async function buildSite({
  root,
  out,
  api = true,
  cli = true,
  markdown = true,
  bundle: bundleOverride,
  manifest: manifestOverride,
  examples: examplesOverride,
  log = () => {},
}) {
  const errors = [];
  const warnings = [];
  const outAbs = resolve(out);
  if (outAbs === resolve(root) || resolve(root).startsWith(`${outAbs}/`))
    throw new Error(`refusing to empty ${outAbs}: it holds the repository`);
  rmSync(outAbs, { recursive: true, force: true });
  mkdirSync(outAbs, { recursive: true });

  // Elements, from the manifest.
  const manifestFile = manifestPath(root);
  if (!manifestOverride && !existsSync(manifestFile)) {
    return {
      errors: [`${relative(root, manifestFile)} is missing: run "npm run manifest" (npm run docs does)`],
      warnings,
      elements: [],
      guides: [],
      docs: [],
    };
  }
  const manifest = manifestOverride ?? JSON.parse(readFileSync(manifestFile, 'utf8'));
  const elements = elementsFromManifest(manifest);
  if (elements.length === 0) errors.push('custom-elements.json lists no custom elements');
  const completeness = checkElements(elements, manifest.modules ?? []);
  errors.push(...completeness.errors.map((e) => `custom-elements.json: ${e}`));
  warnings.push(...completeness.warnings.map((w) => `custom-elements.json: ${w}`));

  const bundle = bundleOverride ? resolve(bundleOverride) : bundlePath(root);
  if (!existsSync(bundle))
    errors.push(`the components bundle ${relative(root, bundle)} is missing: run "npm run build"`);
  const examples = examplesOverride ?? (await import('./examples.mjs')).elementExamples(root);
  for (const el of elements) {
    if (!examples.has(el.tag))
      warnings.push(
        `<${el.tag}> has no live example data in scripts/docs/examples.mjs: its page shows it with defaults`,
      );
  }
  const elementViews = elements.map((el) => elementView(el, examples.get(el.tag), { bundle: posix.basename(bundle) }));

  // Markdown: the existing docs, package READMEs and the guides; the CLI guide's `sh run` blocks are run first.
  const pages = markdown ? markdownPages(root) : new Map();
  const copies = new Map();
  const sources = new Map([...pages.keys()].map((p) => [p, readFileSync(join(root, p), 'utf8')]));
  const cliRuns = new Map();
  const ranCommands = [];
  if (cli && [...sources.values()].some((s) => /```(?:sh|shell|bash|console)\s+run/.test(s))) {
    const { createCliRunner } = await import('./cli-runner.mjs');
    const runner = await createCliRunner(root);
    try {
      for (const [repoPath, source] of sources) {
        const result = await runCliBlocks(source, repoPath, runner);
        cliRuns.set(repoPath, result.runs);
        ranCommands.push(...result.ran);
        errors.push(...result.errors);
      }
    } finally {
      await runner.close();
    }
  }
  const md = siteMarkdown({
    cliRuns: (repoPath) => cliRuns.get(repoPath),
    resolveLink: (repoPath, sitePath, href) =>
      resolveRepoLink({ root, pages, copies }, repoPath, sitePath, href, errors),
  });

  const rendered = [...pages].map(([repoPath, sitePath]) => {
    const source = sources.get(repoPath);
    const title = (/^# (.+)$/m.exec(source)?.[1] ?? posix.basename(repoPath, '.md')).replace(/`/g, '');
    return { repoPath, sitePath, url: `/${sitePath}`, title, summary: firstParagraph(source) };
  });
  const guides = rendered
    .filter((r) => r.sitePath.startsWith('guides/'))
    .sort((a, b) => guideOrder(a.repoPath, b.repoPath));
  const docs = rendered.filter((r) => r.repoPath.startsWith('docs/') && !r.sitePath.startsWith('guides/'));
  const packages = rendered.filter((r) => r.sitePath.startsWith('packages/'));

  // The API reference's module pages: typedoc names them after the module (`@links-approach/core/plan` → modules/_links-approach_core_plan.html).
  const { coreEntries } = await import('./api.mjs');
  const apiEntries = coreEntries(root).map((e) => ({
    ...e,
    page: api ? `api/modules/${e.specifier.replace(/[^a-z0-9-]/gi, '_')}.html` : undefined,
  }));

  const eleventy = new Eleventy(TEMPLATES, outAbs, {
    quietMode: true,
    config(eleventyConfig) {
      configure(eleventyConfig, {
        data: { nav: NAV, elements: elementViews, pages: { guides, docs, packages }, apiEntries },
        markdown: md,
      });
      for (const page of rendered) {
        const section = page.sitePath.startsWith('guides/')
          ? 'guides'
          : page.sitePath.startsWith('packages/')
            ? 'home'
            : 'docs';
        eleventyConfig.addTemplate(`markdown/${page.repoPath}`, sources.get(page.repoPath), {
          permalink: page.sitePath,
          layout: 'prose.njk',
          title: page.title,
          section,
          repoPath: page.repoPath,
          sitePath: page.sitePath,
          templateEngineOverride: 'md',
        });
      }
      if (!api) {
        eleventyConfig.addTemplate(
          'api/index.njk',
          '<h1>Core API reference</h1>\n<p>This copy of the site was built without the API reference (<code>--no-api</code>). Run <code>npm run docs</code> to build it.</p>',
          { permalink: 'api/index.html', layout: 'base.njk', title: 'Core API reference', section: 'api' },
        );
      }
    },
  });
  await eleventy.write();
  log(
    `${elements.length} element pages, ${guides.length} guides, ${docs.length} docs pages, ${packages.length} package pages`,
  );

  if (existsSync(bundle)) copyModuleGraph(bundle, join(outAbs, 'assets'));
  for (const [copy, full] of copies) {
    mkdirSync(dirname(join(outAbs, copy)), { recursive: true });
    copyFileSync(full, join(outAbs, copy));
  }

  // The CLI guide must show every command.
  if (cli && pages.has('docs/guides/cli.md')) {
    const { commandNames } = await import('./cli-runner.mjs');
    const used = new Set(ranCommands.map((line) => line.split(/\s+/)[1]));
    for (const name of commandNames()) {
      if (!used.has(name))
        errors.push(`docs/guides/cli.md has no run example (a \`\`\`sh run block) for "links ${name}"`);
    }
  }

  // The intranet guide names the bundle file: keep it in step with the package's `./bundle.js` export.
  if (sources.has('docs/guides/intranet.md')) {
    const shipped = relative(join(root, 'packages', 'components'), bundlePath(root))
      .split('\\')
      .join('/');
    if (!sources.get('docs/guides/intranet.md').includes(shipped)) {
      errors.push(
        `docs/guides/intranet.md does not mention ${shipped}, the file the components package exports as ./bundle.js: update the guide`,
      );
    }
  }

  // The API reference (typedoc writes its own pages into api/).
  let apiResult;
  if (api) {
    const { buildApi } = await import('./api.mjs');
    apiResult = await buildApi({ root, out: join(outAbs, 'api') });
    errors.push(...apiResult.errors.map((e) => `typedoc: ${e}`));
    warnings.push(...apiResult.warnings.map((w) => `typedoc: ${w}`));
    log(
      `API reference for ${apiResult.entries.length} entries: ${apiResult.entries.map((e) => e.specifier).join(', ')}`,
    );
  }

  // Every internal link must resolve.
  const links = checkLinks(outAbs);
  errors.push(...links.errors);
  log(`${links.checked} internal links checked in ${links.files} pages`);

  return { errors, warnings, elements, guides, docs, packages, api: apiResult, ranCommands };
}

/** Whether a markdown code block's info string asks for it to be run (for tests). */
export { parseRunInfo };
