import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { DEFAULT_DATA_DIR } from './serve.js';

function database(
  values: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): { databaseUrl: string } | { dataDir: string } {
  const url = typeof values['database-url'] === 'string' ? values['database-url'] : env['DATABASE_URL'] || undefined;
  const dir = typeof values['data-dir'] === 'string' ? values['data-dir'] : env['LINKS_DATA_DIR'] || undefined;
  if (typeof values['database-url'] === 'string' && typeof values['data-dir'] === 'string') {
    throw new UsageError('choose one database: --database-url or --data-dir, not both', '--database-url');
  }
  if (url !== undefined && typeof values['data-dir'] !== 'string') {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new UsageError('--database-url must start with postgres:// or postgresql://', '--database-url');
    return { databaseUrl: url };
  }
  return { dataDir: resolve(dir ?? DEFAULT_DATA_DIR) };
}

const describeCounts = (c: {
  practices: number;
  documents: number;
  events: number;
  referrals: number;
  idempotencyKeys: number;
  audit: number;
}) =>
  `${c.events} referral events (${c.referrals} referrals), ${c.documents} document revisions, ${c.practices} practices, ${c.idempotencyKeys} idempotency keys, ${c.audit} audit entries`;

/** `links backup export|import`: the service's whole database as NDJSON, and back. */
export const backupCommand: Command = {
  name: 'backup',
  summary: "Export the service's database as NDJSON, or import such a file into an empty database",
  usage:
    'backup export [--out FILE] [--database-url URL | --data-dir DIR]  |  backup import <file> [--database-url URL | --data-dir DIR]',
  description:
    'backup export writes everything the service stores (practices, every revision of every plan, network register and outcome ' +
    'responses document, every referral event, idempotency keys and the audit trail) as NDJSON, one record a line, in a fixed ' +
    'order: two exports of the same data are identical. It writes to standard output, or to --out FILE. It reads one consistent ' +
    'snapshot, so a PostgreSQL service may keep running; stop the service first for an embedded (--data-dir) database. ' +
    'backup import <file> reads such a file into an empty database only (a new --data-dir, or a new PostgreSQL database) in one ' +
    "transaction: every line is checked with the toolkit's validators, every referral's events are replayed with the referral " +
    "workflow's rules (which rebuilds the caseload projection), and if any line is wrong nothing is written and each problem " +
    'is listed with its line number and JSON path (exit 1). Migrations run first. The database is chosen as links serve ' +
    `chooses it: --database-url (or DATABASE_URL) for PostgreSQL, else the PGlite folder --data-dir (or LINKS_DATA_DIR, default ${DEFAULT_DATA_DIR}). ` +
    'With --json, export needs --out (standard output carries the backup) and prints { ok, file, counts }; import prints { ok, counts }. ' +
    'See docs/guides/server.md, "Back up and restore".',
  options: {
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'export: write the backup to FILE instead of standard output',
    },
    'database-url': {
      type: 'string',
      valueName: 'URL',
      description: "postgres://… of the service's PostgreSQL database (env DATABASE_URL)",
    },
    'data-dir': {
      type: 'string',
      valueName: 'DIR',
      description: `the service's embedded PGlite folder (default ${DEFAULT_DATA_DIR}; env LINKS_DATA_DIR)`,
    },
  },
  positionals: { min: 1, max: 2, names: 'export | import <file>' },
  async run(ctx, args) {
    const [action, file] = args.positionals;
    if (action !== 'export' && action !== 'import')
      throw new UsageError(`the first argument must be "export" or "import", not "${action}"`, 'action');
    const target = database(args.values, ctx.io.env);
    const server = await import('@links-approach/server');

    if (action === 'export') {
      if (file !== undefined)
        throw new UsageError(
          `backup export takes no file argument: use --out ${file} (or redirect standard output)`,
          'file',
        );
      const out = typeof args.values['out'] === 'string' ? args.values['out'] : undefined;
      if (ctx.json && out === undefined)
        throw new UsageError('--json needs --out FILE: standard output carries the backup itself', '--out');
      const db = await server.openDatabase(target);
      try {
        await server.migrate(db);
        const sink = out !== undefined ? await ctx.io.openWrite(out) : ctx.io.stdoutSink();
        const counts = await server.exportBackup(db, (line) => sink.write(line));
        await sink.close();
        if (ctx.json) ctx.io.stdout(JSON.stringify({ ok: true, file: out, counts }, null, 2));
        else ctx.io.stderr(`links backup: exported ${describeCounts(counts)}${out !== undefined ? ` to ${out}` : ''}`);
        return EXIT.ok;
      } finally {
        await db.close();
      }
    }

    if (file === undefined)
      throw new UsageError('backup import needs the backup file: links backup import <file>', 'file');
    if (args.values['out'] !== undefined) throw new UsageError('--out is for backup export', '--out');
    const db = await server.openDatabase(target);
    try {
      await server.migrate(db);
      let counts;
      try {
        counts = await server.importBackup(db, textChunks(ctx.io.readChunks(file)));
      } catch (error) {
        if (error instanceof server.BackupImportError) throw new InputError(error.errors, file);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new InputError([{ path: '', message: 'no such file' }], file);
        throw error;
      }
      ctx.succeed({ counts }, () => `Imported ${describeCounts(counts)}.`);
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};

/** The file's chunks as text (the CLI reads bytes; a character split across chunks is decoded whole). */
async function* textChunks(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}
