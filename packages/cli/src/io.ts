import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Text written a piece at a time (a file or standard output), waiting when the reader is behind. */
export interface TextSink {
  /** Writes `text` as it is (no newline added); the promise settles once the sink can take more. */
  write(text: string): Promise<void>;
  /**
   * Writes UTF-8 bytes as they are (the same output as `write` of the text they encode); optional. The sink
   * owns the bytes from then on: the caller never changes them.
   */
  writeBytes?(bytes: Uint8Array): Promise<void>;
  /** Finishes writing (a file is complete once this settles). */
  close(): Promise<void>;
}

/** Where a command writes and reads. Tests pass a recording one; `main.ts` passes the real process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): Promise<string>;
  /**
   * Reads a file a piece at a time (for files too large to hold): UTF-8 bytes (a piece may end inside a
   * character), or text.
   */
  readChunks(path: string): AsyncIterable<Uint8Array | string>;
  writeText(path: string, text: string): Promise<void>;
  /** Opens a file for writing a piece at a time (created with its folders; replaced if it exists). */
  openWrite(path: string): Promise<TextSink>;
  /** Standard output as a sink, for output too large to build in memory. */
  stdoutSink(): TextSink;
  /** Environment variables the CLI reads (only `LINKS_DEBUG`, `NO_COLOR`…); never logged. */
  env: Readonly<Record<string, string | undefined>>;
}

/** A sink over a Node writable stream, honouring its back-pressure. */
function streamSink(stream: NodeJS.WritableStream, end: boolean): TextSink {
  let failed: Error | undefined;
  stream.on('error', (error: Error) => {
    failed = error;
  });
  const write = (chunk: string | Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (failed) return reject(failed);
      if (stream.write(chunk)) resolve();
      else stream.once('drain', () => (failed ? reject(failed) : resolve()));
    });
  return {
    write,
    writeBytes: write,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        if (!end) return resolve();
        stream.end(() => (failed ? reject(failed) : resolve()));
      }),
  };
}

/** The real process's streams and file system. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readText: (path) => readFile(path, 'utf8'),
    readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
    writeText: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    openWrite: async (path) => {
      await mkdir(dirname(path), { recursive: true });
      const stream = createWriteStream(path, { encoding: 'utf8' });
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      return streamSink(stream, true);
    },
    stdoutSink: () => streamSink(process.stdout, false),
    env: process.env,
  };
}
