import { createRequire } from 'node:module';

/** The CLI package's version (src/ and dist/ both sit one level below package.json). */
export const CLI_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
