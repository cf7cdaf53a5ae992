import type { CliIo, TextSink } from './io.js';

/**
 * Size in bytes of the pieces `readChunks` gives in tests: small, so lines, values, escapes and multi-byte
 * characters straddle pieces. `memoryIo(files, { chunk })` sets another.
 */
const TEST_CHUNK = 4096;

/** A recording CliIo for tests: in-memory files, captured output. */
export function memoryIo(
  files: Record<string, string> = {},
  options: { readonly chunk?: number } = {},
): CliIo & { out: string; err: string; files: Record<string, string> } {
  const size = options.chunk ?? TEST_CHUNK;
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
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
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
