// Markdown pages (docs/**/*.md, package READMEs, guides) to HTML with marked:
// GitHub-style heading ids, links rewritten to the site's pages, and
// `sh run` code blocks run through the CLI so the guide shows real output.
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { Marked } from 'marked';
import { escapeHtml, relativeHref, slug } from './html.mjs';

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

function walk(tokens, visit) {
  for (const token of tokens ?? []) {
    visit(token);
    if (token.tokens) walk(token.tokens, visit);
    if (token.items) walk(token.items, visit);
    if (token.type === 'table') {
      for (const cell of token.header ?? []) walk(cell.tokens, visit);
      for (const row of token.rows ?? []) for (const cell of row) walk(cell.tokens, visit);
    }
  }
}

/**
 * Renders one markdown file. `site` resolves links (see `createSite` in
 * site.mjs); `cli` runs `sh run` blocks when given. Returns the HTML, the
 * first heading (the title) and the commands it ran.
 */
export async function renderMarkdown(source, { repoPath, sitePath, site, cli }) {
  const ids = new Map();
  const runs = new Map();
  const ran = [];
  const errors = [];
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const base = slug(this.parser.parseInline(tokens, this.parser.textRenderer));
        const seen = ids.get(base) ?? 0;
        ids.set(base, seen + 1);
        const id = seen === 0 ? base : `${base}-${seen}`;
        return `<h${depth} id="${escapeHtml(id)}">${inner}</h${depth}>\n`;
      },
      code(token) {
        const result = runs.get(token);
        if (!result) return false;
        const parts = result.map(
          ({ line, stdout, stderr, code }) =>
            `<pre><code class="language-sh">${escapeHtml(line)}</code></pre>\n<p class="output-label">Output${code === 0 ? '' : ` (exit code ${code})`}:</p>\n<pre class="output"><code>${escapeHtml(clip(`${stdout}${stderr}`) || '(nothing printed)')}</code></pre>`,
        );
        return `${parts.join('\n')}\n`;
      },
    },
  });

  const tokens = marked.lexer(source);
  let title = '';
  const pending = [];
  walk(tokens, (token) => {
    if (token.type === 'heading' && token.depth === 1 && !title) title = token.text.replace(/`/g, '');
    if (token.type === 'link' || token.type === 'image') {
      token.href = site.resolveLink(repoPath, sitePath, token.href, errors);
    }
    if (token.type === 'code') {
      const info = parseRunInfo(token.lang);
      if (info && cli) pending.push({ token, info });
    }
  });
  for (const { token, info } of pending) {
    const results = [];
    for (const line of token.text.split('\n').map((l) => l.trim())) {
      if (!line || line.startsWith('#')) continue;
      const { code, stdout, stderr } = await cli.exec(line);
      if (code !== info.expectedCode) {
        errors.push(`${repoPath}: "${line}" exited with ${code}, the guide expects ${info.expectedCode}:\n${stdout}${stderr}`);
      }
      ran.push(line);
      results.push({ line, stdout, stderr, code });
    }
    runs.set(token, results);
  }
  const html = marked
    .parser(tokens)
    .replaceAll('<table>', '<div class="table-wrap"><table>')
    .replaceAll('</table>', '</table></div>')
    // Code blocks may scroll: keyboard users must be able to reach them.
    .replace(/<pre(?=[ >])/g, '<pre tabindex="0"');
  return { html, title: title || posix.basename(repoPath, '.md'), ran, errors };
}

/**
 * Where a link in a markdown file points on the site. Markdown files the
 * site renders map to their pages; links into docs/site/ map to that page;
 * other files of the repository are copied to `files/`; web links and
 * in-page anchors are kept.
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
