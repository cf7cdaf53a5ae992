// Small helpers shared by the scripts in this folder.
import { readdirSync, statSync, existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Files below `dir` whose path (relative to the repo root) matches `pattern`. */
export function findFiles(dir, pattern) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(relative(root, full))) out.push(relative(root, full));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/**
 * Runs a command and resolves with its exit code and output, printing the output only if it fails
 * (or never, with `printOnFailure: false`). Other options go to `spawn`.
 */
export function runQuiet(command, args, { printOnFailure = true, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code, signal) => {
      const status = signal ? 1 : (code ?? 1);
      if (status !== 0 && printOnFailure) process.stdout.write(output);
      resolve({ code: status, output });
    });
    child.on('error', (error) => resolve({ code: 1, output: error.message }));
  });
}

/** Runs a command with inherited output; resolves with its exit code. */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

/** Where test counts are written for the summary line of `npm test`. */
export const countsDir = join(root, 'node_modules', '.cache', 'links-test-counts');

export function writeCounts(name, counts) {
  mkdirSync(countsDir, { recursive: true });
  writeFileSync(join(countsDir, `${name}.json`), JSON.stringify(counts));
}

export function readCounts(name) {
  const file = join(countsDir, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Runs TypeScript/JavaScript test files with node's test runner (through tsx,
 * core resolved from source), prints the spec report, records the counts
 * under `name` for the summary line, and resolves with the exit code.
 */
export async function runNodeTests(name, files, options = {}) {
  const tap = join(tmpdir(), `links-${name}-tests-${process.pid}.tap`);
  const code = await runCommand(
    process.execPath,
    [
      '--conditions=@links-approach/source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    options,
  );
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
  writeCounts(name, { passed, failed });
  console.log(`${name} tests: ${passed} passed, ${failed} failed`);
  return code;
}
