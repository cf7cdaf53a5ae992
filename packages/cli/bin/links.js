#!/usr/bin/env node
// The `links` command. Published, it runs the built CLI in dist/. In this
// repository's workspace (tsconfig.json is not published) it runs the
// TypeScript source through tsx instead, so it is never stale and works
// straight after `npm ci`, before any build.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const inWorkspace = existsSync(new URL('../tsconfig.json', import.meta.url));

if (!inWorkspace) {
  await import(new URL('../dist/main.js', import.meta.url).href);
} else {
  const source = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const result = spawnSync(
    process.execPath,
    ['--conditions=@links-approach/source', '--import', 'tsx', source, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
