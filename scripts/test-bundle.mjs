// Tests the BUILT script-tag files (dist/browser/) in Chromium, the way a page
// without a build step uses them. Runs after `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, runCommand, writeCounts } from './lib.mjs';

if (!existsSync(join(root, 'packages/components/dist/browser/links-autoloader.js'))) {
  console.error('The script-tag bundle is not built: run npm run build first.');
  writeCounts('bundle', { passed: 0, failed: 1 });
  process.exit(1);
}
const code = await runCommand(
  process.execPath,
  [join(root, 'scripts/test-browser.mjs'), '--files', 'examples/intranet/*.test.ts'],
  {
    env: { ...process.env, LINKS_COUNTS: 'bundle' },
  },
);
process.exitCode = code;
