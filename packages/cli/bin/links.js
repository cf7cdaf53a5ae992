#!/usr/bin/env node
// Runs the built CLI. In a workspace checkout with no build yet, it runs the
// TypeScript source through tsx instead, so `npx links` works straight after `npm ci`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/main.js', import.meta.url);
const source = new URL('../src/main.ts', import.meta.url);
const coreBuilt = new URL('../../core/dist/index.js', import.meta.url);
const isWorkspace = existsSync(source);

if (existsSync(built) && (!isWorkspace || existsSync(coreBuilt))) {
  await import(built.href);
} else {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@links-approach/source', '--import', 'tsx', fileURLToPath(source), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
