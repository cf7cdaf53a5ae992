// Serves React (CommonJS) as ES modules in the dev server and the browser test
// runner, for the React wrappers' tests and example (packages/react, examples/react).
// Used by dev-plugins.mjs after its NODE_ENV replacement, so React's entry files
// pick its development build. Only react, react-dom and scheduler are converted.
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);

/** The entry points pages import, each with the names its `module.exports` carries (read from React itself). */
const ENTRIES = ['react', 'react-dom', 'react-dom/client', 'scheduler'];

const namedExports = new Map(
  ENTRIES.map((id) => {
    const file = relative(root, require.resolve(id)).split(sep).join('/');
    const names = Object.keys(require(id)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
    return [`/${file}`, names];
  }),
);

export const reactPlugins = [
  // The rollup plugin runs file by file here (no module graph), so every module it converts exports its
  // `module.exports` as the default (requireReturnsDefault) and none is wrapped in a lazy require (strictRequires).
  fromRollup(rollupCommonjs)({
    include: ['**/node_modules/{react,react-dom,scheduler}/**'],
    strictRequires: false,
    requireReturnsDefault: true,
  }),
  {
    // …and named exports for the entry points, so `import { useState } from 'react'` works as with a bundler.
    name: 'links-react-named-exports',
    transform(context) {
      const names = namedExports.get(context.path);
      if (!names || typeof context.body !== 'string') return undefined;
      const exportsVar = /export \{ (\w+) as __moduleExports \};/.exec(context.body)?.[1];
      if (!exportsVar) return undefined;
      return { body: `${context.body}\nexport const { ${names.join(', ')} } = ${exportsVar};\n` };
    },
  },
];
