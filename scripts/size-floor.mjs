// The size floor: what the libraries the issues require (Lit, @lit/localize,
// @lit/context, the virtualizer, idb, zod/mini, immer) cost by themselves,
// minified and gzipped exactly as scripts/size.mjs measures our entries.
// No element or domain rule is included, so no build of ours can go below
// these figures; docs/bundle-size.md compares them with the budgets.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';

const COMPONENTS = 'packages/components/src';
const CORE = 'packages/core/src'; // core's own zod 4 and immer, not the tooling's copies at the root

/** Each library as our code uses it: the same imports, kept alive by exporting them. */
export const LIBRARIES = {
  lit: [
    COMPONENTS,
    "import { LitElement, html, css } from 'lit'; customElements.define('x-floor', class extends LitElement { static styles = css`:host{display:block}`; static properties = { a: {} }; render() { return html`<p>${this.a}</p>`; } });",
  ],
  '@lit/localize': [COMPONENTS, "export { msg, str, localized, configureLocalization } from '@lit/localize';"],
  '@lit/context': [
    COMPONENTS,
    "export { createContext, ContextProvider, ContextConsumer, ContextRoot } from '@lit/context';",
  ],
  '@lit-labs/virtualizer': [COMPONENTS, "export { virtualize } from '@lit-labs/virtualizer/virtualize.js';"],
  idb: [COMPONENTS, "export { openDB, deleteDB } from 'idb';"],
  'zod/mini': [
    CORE,
    "import * as z from 'zod/mini'; const s = z.object({ a: z.string().check(z.minLength(1)), b: z.optional(z.array(z.number())), c: z.enum(['x', 'y']), d: z.union([z.literal(1), z.null()]) }); export const parse = (x) => z.safeParse(s, x);",
  ],
  immer: [CORE, "export { produce, enablePatches } from 'immer';"],
};

/** Gzip size of the named libraries bundled together (shared code counted once), dynamic imports included. */
export async function floorSize(names) {
  const modules = new Map(
    names.map((name, n) => [resolve(LIBRARIES[name][0], `__size_floor_${n}__.js`), LIBRARIES[name][1]]),
  );
  const entry = resolve('__size_floor__.js');
  modules.set(entry, [...modules.keys()].map((id, n) => `export * as m${n} from ${JSON.stringify(id)};`).join('\n'));
  const bundle = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [
      { name: 'size-floor', resolveId: (id) => (modules.has(id) ? id : null), load: (id) => modules.get(id) ?? null },
      nodeResolve({ browser: true }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
      terser({ format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return gzipSync(
    output
      .filter((c) => c.type === 'chunk')
      .map((c) => c.code)
      .join(''),
  ).length;
}
