import * as z from 'zod/mini';
import type { core } from 'zod/mini';

/** zod's schema compiler, `z.compile` from `zod/mini` (or anything with its contract). */
export type SchemaCompiler = <S extends core.$ZodType>(schema: S) => S;

let compiler: SchemaCompiler | undefined;
/** Compiled schemas, per compiler and schema. */
const compiledBy = new WeakMap<SchemaCompiler, WeakMap<core.$ZodType, core.$ZodType>>();

/**
 * Installs (or, with `undefined`, removes) the compiler that
 * {@link compiledSchema} uses. The compiler is passed in rather than
 * imported here so that bundles which never install it do not carry it
 * (zod's compiler is about 9 KB gzip).
 */
export function installSchemaCompiler(compile: SchemaCompiler | undefined): void {
  compiler = compile;
}

/**
 * The schema with zod's generated fast path (`z.compile`) when a compiler is
 * installed, built on first use and cached; otherwise the schema itself.
 *
 * The fast path only answers "valid, here is the parsed value" — the value
 * the interpreted schema returns. For any input it does not accept, zod runs
 * the interpreted schema, so every error message and path is the interpreted
 * schema's own. Compiling uses `new Function`: with `z.config({ jitless: true })`
 * the interpreted schema is used, and where compiling fails zod hands back
 * the schema unchanged.
 */
export function compiledSchema<S extends core.$ZodType>(schema: S): S {
  if (compiler === undefined || z.config().jitless) return schema;
  let cache = compiledBy.get(compiler);
  if (cache === undefined) {
    cache = new WeakMap();
    compiledBy.set(compiler, cache);
  }
  let fast = cache.get(schema);
  if (fast === undefined) {
    fast = compiler(schema);
    cache.set(schema, fast);
  }
  return fast as S;
}
