// Checks each package as it would be published: publint (package.json and
// files) and "are the types wrong" on the packed tarball.
import { runQuiet, writeCounts } from './lib.mjs';

const packages = ['packages/core', 'packages/components', 'packages/cli', 'packages/react', 'packages/server'];
let passed = 0;
let failed = 0;
for (const dir of packages) {
  const checks = [
    ['publint', ['node_modules/publint/src/cli.js', '--strict', dir]],
    [
      'attw',
      [
        'node_modules/@arethetypeswrong/cli/dist/index.js',
        '--pack',
        dir,
        '--profile',
        'esm-only',
        '--format',
        'table-flipped',
      ],
    ],
  ];
  for (const [name, args] of checks) {
    const { code } = await runQuiet(process.execPath, args);
    console.log(`${code === 0 ? '✓' : '✗'} ${name} ${dir}`);
    if (code === 0) passed += 1;
    else failed += 1;
  }
}
writeCounts('pkgcheck', { passed, failed });
process.exitCode = failed ? 1 : 0;
