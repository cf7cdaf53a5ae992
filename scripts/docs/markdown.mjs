// The markdown-it set-up of the docs site (markdown-it is Eleventy's markdown
// library): GitHub-style heading ids (markdown-it-anchor with github-slugger),
// links between repository files rewritten to the site's pages, and `sh run`
// code blocks shown with the real output of the CLI (run beforehand by
// `runCliBlocks`, since markdown-it renders synchronously).
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import markdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { slug } from 'github-slugger';

const { escapeHtml } = markdownIt().utils;

/**
 * A `sh run` block is run: its info string is `sh run` (exit code 0
 * expected) or `sh run exit=N`. One command per line; lines starting with
 * `#` are comments.
 */
export function parseRunInfo(lang) {
  const match = /^(?:sh|shell|bash|console)\s+run(?:\s+exit=(\d))?\s*$/.exec(lang ?? '');
  return match ? { expectedCode: Number(match[1] ?? 0) } : undefined;
}

const MAX_OUTPUT_LINES = 60;

function clip(text) {
  const lines = text.replace(/\n+$/, '').split('\n');
  if (lines.length <= MAX_OUTPUT_LINES) return lines.join('\n');
  return `${lines.slice(0, MAX_OUTPUT_LINES).join('\n')}\n… (${lines.length - MAX_OUTPUT_LINES} more lines)`;
}

/** The link from one site page to another (both site-relative, posix; a leading `/` is allowed). */
export function relativeHref(fromPage, toPage) {
  const from = fromPage.replace(/^\//, '');
  const [path, hash] = toPage.replace(/^\//, '').split('#');
  const fromDir = from === '' || from.endsWith('/') ? from : posix.dirname(from);
  let rel = posix.relative(fromDir === '.' ? '' : fromDir, path);
  if (rel === '') rel = posix.basename(path) || 'index.html';
  return hash === undefined ? rel : `${rel}#${hash}`;
}

/**
 * Where a link in a markdown file points on the site. Markdown files the
 * site renders map to their pages; links into docs/site/ map to that page;
 * other files of the repository are copied to `files/` (recorded in
 * `copies`); web links and in-page anchors are kept.
 */
export function resolveRepoLink({ root, pages, copies }, fromRepoPath, fromSitePath, href, errors) {
  if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return href;
  const [path, hash] = href.split('#');
  const target = posix.normalize(posix.join(posix.dirname(fromRepoPath), decodeURIComponent(path)));
  const withHash = (p) => (hash === undefined ? p : `${p}#${hash}`);
  if (pages.has(target)) return relativeHref(fromSitePath, withHash(pages.get(target)));
  if (target.startsWith('docs/site/')) return relativeHref(fromSitePath, withHash(target.slice('docs/site/'.length)));
  const full = join(root, target);
  if (!target.startsWith('..') && existsSync(full) && statSync(full).isFile()) {
    const copy = `files/${target}`;
    copies.set(copy, full);
    return relativeHref(fromSitePath, withHash(copy));
  }
  errors.push(`${fromRepoPath}: the link "${href}" points to ${target}, which is not a file in the repository`);
  return href;
}

/**
 * Runs the `sh run` blocks of one markdown file through `cli` (see
 * cli-runner.mjs). Returns `{ runs, ran, errors }`: `runs` maps each block's
 * text to its results, `ran` lists the command lines.
 */
export async function runCliBlocks(source, repoPath, cli) {
  const runs = new Map();
  const ran = [];
  const errors = [];
  for (const token of markdownIt().parse(source, {})) {
    const info = token.type === 'fence' ? parseRunInfo(token.info) : undefined;
    if (!info || runs.has(token.content)) continue;
    const results = [];
    for (const line of token.content.split('\n').map((l) => l.trim())) {
      if (!line || line.startsWith('#')) continue;
      const { code, stdout, stderr } = await cli.exec(line);
      if (code !== info.expectedCode) {
        errors.push(
          `${repoPath}: "${line}" exited with ${code}, the guide expects ${info.expectedCode}:\n${stdout}${stderr}`,
        );
      }
      ran.push(line);
      results.push({ line, stdout, stderr, code });
    }
    runs.set(token.content, results);
  }
  return { runs, ran, errors };
}

/**
 * The markdown library for the site's pages. Each page's data (markdown-it's
 * `env`, as Eleventy passes it) carries `repoPath` and `sitePath`;
 * `site.cliRuns(repoPath)` gives the results of its `sh run` blocks;
 * `site.resolveLink(repoPath, sitePath, href)` rewrites its links.
 */
export function siteMarkdown(site) {
  const md = markdownIt({ html: true }).use(anchor, { slugify: slug, tabIndex: false, level: 1 });

  // Links between repository files become links between site pages.
  md.core.ruler.push('repo-links', (state) => {
    const { repoPath, sitePath } = state.env ?? {};
    if (!repoPath) return;
    const visit = (tokens) => {
      for (const token of tokens ?? []) {
        if (token.type === 'link_open')
          token.attrSet('href', site.resolveLink(repoPath, sitePath, token.attrGet('href')));
        if (token.type === 'image') token.attrSet('src', site.resolveLink(repoPath, sitePath, token.attrGet('src')));
        visit(token.children);
      }
    };
    visit(state.tokens);
  });

  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const results = parseRunInfo(token.info) ? site.cliRuns(env?.repoPath)?.get(token.content) : undefined;
    // Code blocks may scroll: keyboard users must be able to reach them.
    if (!results) return fence(tokens, idx, options, env, self).replace(/^<pre(?=[ >])/, '<pre tabindex="0"');
    return `${results
      .map(
        ({ line, stdout, stderr, code }) =>
          `<pre tabindex="0"><code class="language-sh">${escapeHtml(line)}</code></pre>\n<p class="output-label">Output${code === 0 ? '' : ` (exit code ${code})`}:</p>\n<pre tabindex="0" class="output"><code>${escapeHtml(clip(`${stdout}${stderr}`) || '(nothing printed)')}</code></pre>`,
      )
      .join('\n')}\n`;
  };
  md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

/**
 * Markdown in manifest (JSDoc) text: paragraphs, lists, `code`, **bold**.
 * HTML in the text is shown as text, never made into markup; images are left
 * out.
 */
export const manifestMarkdown = markdownIt({ html: false }).disable(['image']);
