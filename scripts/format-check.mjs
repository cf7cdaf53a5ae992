// `npm run format:check`: Prettier's check over the files git tracks, not a walk of the folder, so what
// another gate writes while this one runs (build output, packed tarballs, a database's folder) is never read.
// Outside a git checkout (an unpacked tarball) it falls back to the folder walk.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
let files;
try {
  files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\0')
    .filter((file) => file && existsSync(file)); // a file deleted but not yet committed is not checked
} catch {
  files = ['.'];
}
const result = spawnSync(process.execPath, [prettier, '--check', '--ignore-unknown', ...files], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    result.status === 1
      ? 'Formatting: the files above differ from Prettier\'s style; run "npm run format" to fix them.'
      : `Formatting: Prettier could not check the files (exit ${result.status ?? result.signal}); see above.`,
  );
}
process.exitCode = result.status ?? 1;
