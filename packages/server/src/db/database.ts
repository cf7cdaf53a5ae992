import type { PGlite as PGliteInstance } from '@electric-sql/pglite';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Something SQL runs on: the database itself, or one transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement (`$1`, `$2`…) and returns its rows.
   * `options.name` makes it a prepared statement on PostgreSQL (parsed and
   * planned once per connection; one name per SQL text); PGlite ignores it.
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
}

/** How to run a statement. */
export interface QueryOptions {
  /** Prepare the statement under this name (PostgreSQL; the same name must always carry the same SQL). */
  readonly name?: string;
}

/** The database behind the service: embedded PGlite or a PostgreSQL server. The same SQL runs on both. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; throws while it is unreachable. */
  ping(): Promise<void>;
  /**
   * `LISTEN`s on a channel: `onNotify` hears every `NOTIFY` committed on it (by
   * any process on the same database). On PostgreSQL the listening connection
   * is its own, re-opened with backoff when it drops; `onReconnect` is called
   * after each re-open, since notifications sent meanwhile are lost.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  close(): Promise<void>;
}

/** What {@link Database.listen} calls. */
export interface ListenHandlers {
  onNotify(payload: string): void;
  onReconnect?(): void;
}

/** A `LISTEN` in force; `close` stops it. */
export interface Listening {
  close(): Promise<void>;
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Where the embedded database keeps its files, and which PostgreSQL to use instead. */
export interface DatabaseOptions {
  /** `postgres://…`: use this PostgreSQL server. */
  readonly databaseUrl?: string;
  /** PGlite's data folder; `memory://` (or omitted with no URL) keeps it in memory. */
  readonly dataDir?: string;
  /** PostgreSQL only: use (and create) this schema instead of `public` (tests use one per file). */
  readonly schema?: string;
  /** PGlite only: start from this data folder dump (`PGlite.dumpDataDir()`) instead of an empty database (tests). */
  readonly pgliteTemplate?: Blob;
  /** PostgreSQL only: the most connections to hold open (default 10). */
  readonly poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the database the options name; PGlite unless a PostgreSQL URL is given. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(options.dataDir, options.pgliteTemplate);
}

async function openPglite(dataDir: string | undefined, template: Blob | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite({
    ...(dataDir && dataDir !== 'memory://' ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
  });
  await db.waitReady;
  return openDatabaseOn(db);
}

/** A {@link Database} over a PGlite instance already open. */
export function openDatabaseOn(db: PGliteInstance): Database {
  let closed = false;
  return {
    kind: 'pglite',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<R>(sql, [...params]);
      return result.rows;
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (tx) =>
        work({
          async query<R>(sql: string, params: readonly unknown[] = []) {
            return (await tx.query<R>(sql, [...params])).rows;
          },
        }),
      );
    },
    async ping() {
      if (closed) throw new Error('the database is closed');
      await db.query('SELECT 1');
    },
    async listen(channel: string, handlers: ListenHandlers) {
      if (!CHANNEL_NAME.test(channel))
        throw new Error(`channel name "${channel}" is not a plain lower-case identifier`);
      const unlisten = await db.listen(channel, (payload) => handlers.onNotify(payload));
      return {
        async close() {
          if (!closed) await unlisten();
        },
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    throw new Error(`schema name "${schema}" is not a plain lower-case identifier`);
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by a restarting server must not crash the process.
  pool.on('error', () => undefined);
  let poolClosed = false;
  return {
    kind: 'postgres',
    async query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
      const result = options.name
        ? await pool.query({ name: options.name, text: sql, values: [...params] })
        : await pool.query(sql, [...params]);
      return result.rows as R[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await work({
          async query<R>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) {
            const result = options.name
              ? await client.query({ name: options.name, text: sql, values: [...params] })
              : await client.query(sql, [...params]);
            return result.rows as R[];
          },
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async listen(channel: string, handlers: ListenHandlers) {
      if (!CHANNEL_NAME.test(channel))
        throw new Error(`channel name "${channel}" is not a plain lower-case identifier`);
      let client: InstanceType<typeof pg.Client> | undefined;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let attempt = 0;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({
          connectionString: url,
          connectionTimeoutMillis: 5_000,
          ...(schema ? { options: `-c search_path=${schema}` } : {}),
        });
        const lost = () => {
          if (client === next) retry();
        };
        next.on('notification', (message) => {
          if (message.channel === channel) handlers.onNotify(message.payload ?? '');
        });
        next.on('error', lost);
        next.on('end', lost);
        client = next;
        try {
          await next.connect();
          await next.query(`LISTEN ${channel}`);
        } catch (error) {
          client = undefined;
          void next.end().catch(() => undefined);
          throw error;
        }
        attempt = 0;
      };
      // Bounded, jittered backoff (0.25 s doubling to 10 s) while the server is away.
      const retry = (): void => {
        const old = client;
        client = undefined;
        void old?.end().catch(() => undefined);
        if (stopped || timer) return;
        const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt++, 6)) * (0.5 + Math.random() / 2);
        timer = setTimeout(() => {
          timer = undefined;
          if (stopped) return;
          connect().then(
            () => handlers.onReconnect?.(),
            () => retry(),
          );
        }, delay);
        timer.unref?.();
      };
      await connect();
      return {
        async close() {
          stopped = true;
          if (timer) clearTimeout(timer);
          const old = client;
          client = undefined;
          await old?.end().catch(() => undefined);
        },
      };
    },
    async close() {
      if (poolClosed) return;
      poolClosed = true;
      await pool.end();
    },
  };
}

/** The migrations folder shipped in the package. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** One migration file: `NNN_name.sql`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The package's migrations, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/**
 * Brings the schema up to date: applies, in order and each in its own
 * transaction, every migration not yet recorded in `schema_migrations`.
 * Forward-only and idempotent (running it again changes nothing); several
 * processes starting at once take turns through an advisory lock.
 * @returns the schema version now in force.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = loadMigrations()): Promise<number> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7158201)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
  return schemaVersion(db);
}

/** The highest migration applied, 0 for none. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ v: number | null }>('SELECT max(version)::int AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Splits a migration into statements at `;` line ends, keeping `$$ … $$` bodies whole. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inBody) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      if (current.trim()) out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
