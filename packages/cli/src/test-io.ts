import type { CliIo } from './io.js';

/** A recording CliIo for tests: in-memory files, captured output. */
export function memoryIo(files: Record<string, string> = {}): CliIo & { out: string; err: string; files: Record<string, string> } {
  const io = {
    out: '',
    err: '',
    files: { ...files },
    stdout(text: string) {
      io.out += text.endsWith('\n') ? text : `${text}\n`;
    },
    stderr(text: string) {
      io.err += text.endsWith('\n') ? text : `${text}\n`;
    },
    async readText(path: string) {
      const text = io.files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    async writeText(path: string, text: string) {
      io.files[path] = text;
    },
    env: {},
  };
  return io;
}
