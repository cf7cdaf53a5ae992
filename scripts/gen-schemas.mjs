// Writes the published JSON Schemas in docs/schemas/ from core's zod schemas.
// Run: node --conditions=@links-approach/source --import tsx scripts/gen-schemas.mjs [--check]
// With --check it writes nothing and exits 1 when a committed file is out of date.
// Each schema is serialised as JSON.stringify(schema, null, 2) plus a newline;
// a node test in core compares the committed files with the same serialisation.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planJsonSchema } from '@links-approach/core/plan';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every published schema: file under docs/schemas/ and the function that builds it. */
const SCHEMAS = [{ file: 'plan.schema.json', build: planJsonSchema }];

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, build } of SCHEMAS) {
  const path = join(root, 'docs', 'schemas', file);
  const text = `${JSON.stringify(build(), null, 2)}\n`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) {
    console.log(`${relative(root, path)} is up to date`);
  } else if (check) {
    stale++;
    console.error(
      `${relative(
        root,
        path,
      )} is out of date: run node --conditions=@links-approach/source --import tsx scripts/gen-schemas.mjs`,
    );
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relative(root, path)}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
