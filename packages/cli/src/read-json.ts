import { InputError } from './errors.js';
import type { CliIo } from './io.js';

/**
 * Reads and parses a JSON file. A missing file or malformed JSON is the
 * input's fault: it becomes an InputError (exit 1) with a plain message.
 */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  const text = await readTextFile(io, path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError([{ path: '', message: `is not valid JSON (${(error as Error).message})` }], path);
  }
}

/** Reads a text file, turning a missing or unreadable file into an InputError. */
export async function readTextFile(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    throw readError(error, path);
  }
}

/** The InputError for a file that could not be read (missing, a folder, not permitted). */
export function readError(error: unknown, path: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES'
          ? 'permission denied'
          : 'cannot be read';
  return new InputError([{ path: '', message: `cannot read "${path}": ${why}` }], path);
}
