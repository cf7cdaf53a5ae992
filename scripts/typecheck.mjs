// Typechecks every package: core strictly without DOM or Node types, then the tests of each.
import { runCommand } from './lib.mjs';

const projects = [
  'packages/core/tsconfig.json',
  'packages/core/tsconfig.test.json',
  'packages/components/tsconfig.test.json',
  'packages/cli/tsconfig.test.json',
  'packages/react/tsconfig.test.json',
  'packages/server/tsconfig.test.json',
];
let failed = 0;
for (const project of projects) {
  const code = await runCommand(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit']);
  if (code !== 0) {
    failed += 1;
    console.error(`typecheck failed: ${project}`);
  }
}
if (failed === 0) console.log(`typecheck: ${projects.length} projects clean`);
process.exitCode = failed ? 1 : 0;
