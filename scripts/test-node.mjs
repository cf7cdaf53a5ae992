// Runs the core and CLI tests with node's test runner (TypeScript through tsx,
// core resolved from source). Pass file paths to run only those.
import { rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findFiles, runCommand, writeCounts } from './lib.mjs';

const files = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : [...findFiles('packages/core/src', /\.test\.ts$/), ...findFiles('packages/cli/src', /\.test\.ts$/), ...findFiles('scripts', /\.test\.mjs$/), ...findFiles('packages/components/themes', /\.test\.mjs$/)];

const tap = join(tmpdir(), `links-node-tests-${process.pid}.tap`);
const code = await runCommand(process.execPath, [
  '--conditions=@links-approach/source',
  '--import', 'tsx',
  '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...files,
]);

let passed = 0;
let failed = 0;
try {
  const text = readFileSync(tap, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  rmSync(tap);
} catch {
  failed = Math.max(failed, 1);
}
if (code !== 0 && failed === 0) failed = 1;
writeCounts('node', { passed, failed });
console.log(`node tests: ${passed} passed, ${failed} failed`);
process.exitCode = code;
