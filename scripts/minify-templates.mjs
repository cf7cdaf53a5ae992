// Minifies the components' Lit templates at build time: the HTML in `html` and
// `svg` tagged templates (html-minifier-next) and the CSS in `css` ones
// (LightningCSS), through the Lit team's rollup plugin. One configuration for
// the build (rollup.config.mjs) and the size measurement (scripts/size.mjs).
//
// One exception, on purpose: a template passed straight to `msg()` is left as
// written. @lit/localize (runtime mode) looks a translation up by a hash of the
// template's strings, computed in the browser, and `lit-localize extract`
// computed the same hash from the source; minifying those strings would change
// the hash and a Gaelic page would silently show English for every such
// message. `msg('…')` and `str\`…\`` are not HTML templates and are never touched.
import minifyHTMLLiteralsPlugin from '@lit-labs/rollup-plugin-minify-html-literals';
import {
  minifyHTMLLiterals,
  defaultShouldMinify,
} from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';

/**
 * True when the tagged template `template` (as minify-html-literals parses it
 * out of `code`) is the first argument of a `msg(` call.
 */
export function isMessageTemplate(code, template) {
  const first = template.parts[0];
  if (!first || !template.tag) return false;
  // The head part starts just after the backtick; the tag stands before it.
  const before = code.slice(Math.max(0, first.start - 400), first.start - 1).trimEnd();
  if (!before.endsWith(template.tag)) return false;
  return /(?:^|[^\w$.])msg\(\s*$/.test(before.slice(0, before.length - template.tag.length));
}

/** The minifier as the plugin calls it, with templates given to `msg()` left alone. */
export function minifyTemplatesIn(code, options = {}) {
  return minifyHTMLLiterals(code, {
    ...options,
    shouldMinify: (template) => defaultShouldMinify(template) && !isMessageTemplate(code, template),
  });
}

/** The components' TypeScript sources, translations included (core holds no templates). */
export const componentSources = (id) => /[\\/]packages[\\/]components[\\/]src[\\/].*\.ts$/.test(id);

/**
 * The rollup plugin. `filter` picks the modules to minify: by default the
 * components' sources; scripts/size.mjs passes its own for other libraries.
 */
export function minifyTemplates({ filter = componentSources, failOnError = true } = {}) {
  return minifyHTMLLiteralsPlugin({
    filter,
    // A template of ours the minifier cannot parse fails the build instead of shipping unminified;
    // another library's (Shoelace's `<${tag}` static templates) is left as written, with a warning.
    failOnError,
    minifyHTMLLiterals: minifyTemplatesIn,
  });
}
