// Plugins shared by the dev server (npm start) and the browser test runner.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { reactPlugins } from './dev-react.mjs';

const componentsTsconfig = fileURLToPath(new URL('../packages/components/tsconfig.json', import.meta.url));

/** Serves TypeScript (with Lit's decorator settings) and resolves the workspace packages from source. */
export const devPlugins = [
  esbuildPlugin({ ts: true, target: 'es2022', tsconfig: componentsTsconfig }),
  {
    // immer (and others) read process.env.NODE_ENV, which a browser does not define.
    name: 'links-replace-node-env',
    transform(context) {
      if (
        context.response.is('js') &&
        typeof context.body === 'string' &&
        context.body.includes('process.env.NODE_ENV')
      ) {
        return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
      }
      return undefined;
    },
  },
  // React (CommonJS) as ES modules, for packages/react's tests and examples/react: see dev-react.mjs.
  ...reactPlugins,
];

export const nodeResolve = { exportConditions: ['@links-approach/source', 'browser', 'development'] };
