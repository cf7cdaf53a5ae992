#!/usr/bin/env node
// The `links` command. Published, it runs the built CLI in dist/. In this
// repository's workspace (tsconfig.json is not published) it runs the
// TypeScript source through tsx instead, so it is never stale and works
// straight after `npm ci`, before any build. The source runs in this same
// process (not a child), so signals such as SIGTERM from a supervisor, and
// `links serve`'s clean shutdown, reach it directly.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const inWorkspace = existsSync(new URL('../tsconfig.json', import.meta.url));

if (!inWorkspace) {
  await import(new URL('../dist/main.js', import.meta.url).href);
} else {
  register(new URL('./source-conditions.mjs', import.meta.url).href);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
