// The size floor: what the libraries the issues require (Lit, @lit/localize,
// @lit/context, the virtualizer, idb, zod/mini, immer) cost by themselves,
// minified and gzipped exactly as scripts/size.mjs measures our entries.
// No element or domain rule is included, so no build of ours can go below
// these figures; docs/bundle-size.md compares them with the budgets.
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

/**
 * A virtual entry that imports the named libraries together, as a rollup
 * plugin: scripts/size.mjs measures it like any of our entries.
 */
export function floorEntry(names) {
  const modules = new Map(
    names.map((name, n) => [resolve(LIBRARIES[name][0], `__size_floor_${n}__.js`), LIBRARIES[name][1]]),
  );
  const input = resolve('__size_floor__.js');
  modules.set(input, [...modules.keys()].map((id, n) => `export * as m${n} from ${JSON.stringify(id)};`).join('\n'));
  return {
    input,
    plugin: {
      name: 'size-floor',
      resolveId: (id) => (modules.has(id) ? id : null),
      load: (id) => modules.get(id) ?? null,
    },
  };
}
