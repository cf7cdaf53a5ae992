// Runs `links` command lines for the CLI guide, in this process, so the
// guide shows real output. Commands run in a scratch folder that links to
// the repository's examples/ (so `examples/data/...` paths work and written
// files stay out of the repository); `resources search` goes to the local
// ALISS fixture server, never the internet.
import { createReadStream, mkdtempSync, rmSync, symlinkSync, cpSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { run, COMMANDS } from '@links-approach/cli';
import { startFixtureServer } from '../fixture-server.mjs';

/** The base URL the guide writes for the local fixture server; replaced by the real one when run. */
export const GUIDE_FIXTURE_URL = 'http://127.0.0.1:8787/';

/** Splits a command line into words (double and single quotes group words; no other shell syntax). */
export function splitWords(line) {
  const words = [];
  let current = '';
  let quote = '';
  let inWord = false;
  for (const ch of line.trim()) {
    if (quote) {
      if (ch === quote) quote = '';
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (inWord) words.push(current);
  return words;
}

/** The names of every `links` command, from the CLI's registry. */
export const commandNames = () => COMMANDS.map((c) => c.name);

/** Starts a runner; call `close()` when done. */
export async function createCliRunner(root) {
  const work = mkdtempSync(join(tmpdir(), 'links-docs-cli-'));
  try {
    symlinkSync(join(root, 'examples'), join(work, 'examples'), 'dir');
  } catch {
    cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
  }
  const server = await startFixtureServer();

  /**
   * Runs one command line (`links …`) and returns its exit code and what it
   * printed, with scratch paths and the fixture server's port made stable.
   */
  async function exec(line) {
    const words = splitWords(line.replaceAll(GUIDE_FIXTURE_URL, `${server.url.replace(/\/?$/, '/')}`));
    if (words[0] !== 'links') throw new Error(`a CLI guide example must start with "links": ${line}`);
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
      stderr: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
      readText: (path) => readFile(resolve(work, path), 'utf8'),
      writeText: async (path, text) => {
        const full = resolve(work, path);
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, text, 'utf8');
      },
      readChunks: (path) => createReadStream(resolve(work, path), { encoding: 'utf8' }),
      openWrite: async (path) => {
        const full = resolve(work, path);
        await mkdir(dirname(full), { recursive: true });
        let text = '';
        return { write: async (piece) => void (text += piece), close: () => writeFile(full, text, 'utf8') };
      },
      stdoutSink: () => ({ write: async (piece) => void (stdout += piece), close: async () => {} }),
      env: {},
    };
    // Folders given to `links report` are listed relative to the working directory.
    const cwd = process.cwd();
    process.chdir(work);
    let code;
    try {
      code = await run(words.slice(1), io);
    } finally {
      process.chdir(cwd);
    }
    const stable = (text) =>
      text.replaceAll(server.url.replace(/\/$/, ''), GUIDE_FIXTURE_URL.replace(/\/$/, '')).replaceAll(work, '.');
    return { code, stdout: stable(stdout), stderr: stable(stderr) };
  }

  async function close() {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }

  return { exec, close };
}
