// The core API reference: typedoc over every public entry in
// packages/core/package.json "exports" (read when the command runs, so new
// subpaths appear by themselves), one module per entry named as it is
// imported (`@links-approach/core/plan`…).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Application, Converter, Logger, LogLevel, ReflectionKind } from 'typedoc';

const SOURCE_CONDITION = '@links-approach/source';

/** Core's public entries: `{ specifier, file }` for each subpath of its exports map that has a source file. */
export function coreEntries(root) {
  const dir = join(root, 'packages', 'core');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === 'object' && target ? target[SOURCE_CONDITION] : undefined;
    if (typeof source !== 'string' || !source.endsWith('.ts')) continue;
    entries.push({
      specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`,
      file: resolve(dir, source),
    });
  }
  return entries;
}

/** The module name typedoc gives an entry file: its path from the entries' common folder, without `/index.ts`. */
function defaultModuleName(file, base) {
  const rel = relative(base, file).split(sep).join('/').replace(/\.ts$/, '');
  return rel === 'index' ? 'index' : rel.replace(/\/index$/, '');
}

function commonDir(files) {
  let base = dirname(files[0]);
  while (!files.every((f) => f.startsWith(base + sep))) base = dirname(base);
  return base;
}

/** Collects typedoc's messages instead of printing them. */
class CollectingLogger extends Logger {
  messages = [];
  log(message, level) {
    this.messages.push({
      message: message.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''),
      level,
    });
  }
}

const MISSING_DOCS = /^(.+?) \((\w+)\), defined in (.+?), does not have any documentation$/;

function classify(messages) {
  const errors = [];
  const warnings = [];
  for (const { message, level } of messages) {
    if (level === LogLevel.Error) {
      errors.push(message);
    } else if (level === LogLevel.Warn) {
      const missing = MISSING_DOCS.exec(message);
      // An exported symbol itself (module.symbol) without TSDoc fails; a member of one is listed.
      if (missing && !missing[1].replace(/^[^.]+\./, '').includes('.'))
        errors.push(`no TSDoc: ${missing[1]} (${missing[2]}) in ${missing[3]}`);
      else warnings.push(message);
    }
  }
  return { errors, warnings };
}

/**
 * Converts core's public entries with typedoc and validates the result
 * (without writing HTML). Returns the entries, the typedoc `app` and
 * `project`, and typedoc's `errors` (including any exported symbol without
 * TSDoc, which fails the build) and `warnings` (members without TSDoc, types
 * referenced but not exported…).
 */
export async function convertApi({ root, out, siteHome = '../index.html' }) {
  const entries = coreEntries(root);
  if (entries.length === 0)
    return { entries, errors: ['packages/core/package.json has no exports with a source entry'], warnings: [] };
  const base = entries.length === 1 ? dirname(entries[0].file) : commonDir(entries.map((e) => e.file));
  const names = new Map(entries.map((e) => [defaultModuleName(e.file, base), e.specifier]));

  const app = await Application.bootstrapWithPlugins({
    entryPoints: entries.map((e) => e.file),
    entryPointStrategy: 'resolve',
    tsconfig: join(root, 'packages', 'core', 'tsconfig.json'),
    name: '@links-approach/core API',
    readme: 'none',
    ...(out ? { out } : {}),
    skipErrorChecking: true,
    disableSources: true,
    disableGit: true,
    sourceLinkTemplate: 'https://example.invalid/{path}#L{line}',
    hideGenerator: true,
    excludePrivate: true,
    excludeInternal: true,
    requiredToBeDocumented: ['Function', 'Class', 'Interface', 'TypeAlias', 'Variable', 'Enum', 'Namespace'],
    validation: { notExported: true, invalidLink: true, notDocumented: true },
    navigationLinks: { 'Docs home': siteHome },
    logLevel: 'Info',
  });
  const logger = new CollectingLogger();
  app.logger = logger;
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const child of context.project.children ?? []) {
      if (child.kindOf(ReflectionKind.Module) && names.has(child.name)) child.name = names.get(child.name);
    }
  });

  const project = await app.convert();
  if (!project) {
    return {
      entries,
      errors: ['typedoc could not convert core', ...logger.messages.map((m) => m.message)],
      warnings: [],
    };
  }
  app.validate(project);
  return { entries, app, project, logger, ...classify(logger.messages) };
}

/** Generates the API reference (HTML) into `out`; returns as {@link convertApi} does. */
export async function buildApi({ root, out, siteHome = '../index.html' }) {
  const converted = await convertApi({ root, out, siteHome });
  if (!converted.project) return converted;
  await converted.app.generateDocs(converted.project, out);
  return { ...converted, ...classify(converted.logger.messages) };
}
