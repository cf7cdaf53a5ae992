import { readFile } from 'node:fs/promises';

/** Where a command writes and reads. Tests pass a recording one; `main.ts` passes the real process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
  /** Environment variables the CLI reads (only `LINKS_DEBUG`, `NO_COLOR`…); never logged. */
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams and file system. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readText: (path) => readFile(path, 'utf8'),
    writeText: async (path, text) => {
      const { writeFile, mkdir } = await import('node:fs/promises');
      const { dirname } = await import('node:path');
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    env: process.env,
  };
}
