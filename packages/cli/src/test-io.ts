import type { CliIo, TextSink } from './io.js';

/** Size of the pieces `readChunks` gives in tests: small, so lines and values straddle pieces. */
const TEST_CHUNK = 4096;

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
    async *readChunks(path: string) {
      const text = io.files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      for (let i = 0; i < text.length; i += TEST_CHUNK) yield text.slice(i, i + TEST_CHUNK);
    },
    async writeText(path: string, text: string) {
      io.files[path] = text;
    },
    async openWrite(path: string): Promise<TextSink> {
      io.files[path] = '';
      return {
        write: async (text) => {
          io.files[path] += text;
        },
        close: async () => {},
      };
    },
    stdoutSink(): TextSink {
      return {
        write: async (text) => {
          io.out += text;
        },
        close: async () => {},
      };
    },
    env: {},
  };
  return io;
}
