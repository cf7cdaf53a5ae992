import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';

/** Default folder of the embedded database (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.links-data';
/** Default port. */
export const DEFAULT_PORT = 8787;

const SERVICE_ROLES = ['referrer', 'clp', 'practice-manager', 'evaluator', 'administrator'] as const;

function text(
  values: Record<string, unknown>,
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  envName: string,
): string | undefined {
  const value = values[name];
  if (typeof value === 'string') return value;
  const fromEnv = env[envName];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined;
}

function roleMap(value: string | undefined): Record<string, (typeof SERVICE_ROLES)[number]> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, (typeof SERVICE_ROLES)[number]> = {};
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [claim, role] = pair.split('=').map((s) => s.trim());
    if (!claim || !role || !(SERVICE_ROLES as readonly string[]).includes(role)) {
      throw new UsageError(
        `--oidc-role-map must be "claim value=role,…" with roles ${SERVICE_ROLES.join(', ')}; "${pair}" is not`,
        '--oidc-role-map',
      );
    }
    out[claim] = role as (typeof SERVICE_ROLES)[number];
  }
  return out;
}

/** `links serve`: the shared Links service over HTTP. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the shared Links service (HTTP API on PGlite or PostgreSQL, with sign-in and an audit trail)',
  usage:
    'serve [--port N] [--host H] [--data-dir DIR] [--database-url URL] [--dev-auth] [--allow-origin URL]… [--config FILE] [--oidc-issuer URL --oidc-audience ID …]',
  description:
    'Starts the service described in docs/guides/server.md and prints "Links service listening on http://HOST:PORT" once it ' +
    'accepts requests. Data is kept in PostgreSQL when --database-url (or DATABASE_URL) is given, otherwise in an embedded ' +
    `PGlite database in --data-dir (default ${DEFAULT_DATA_DIR}/ in the current folder). Migrations run at start. ` +
    'Sign-in is OpenID Connect bearer tokens (--oidc-issuer and --oidc-audience), or --dev-auth for the fixed demo users ' +
    '(GET /api/dev/users; never for real data: it only listens on a loopback address unless --dev-auth-on-network). ' +
    'Request bodies are limited to 1 MiB. SIGINT or SIGTERM stops it cleanly: requests in flight finish and the database closes. ' +
    'Environment variables (an option wins over its variable): PORT, LINKS_HOST, LINKS_DATA_DIR, DATABASE_URL, LINKS_CONFIG, ' +
    'LINKS_ALLOW_ORIGIN (comma-separated), LINKS_OIDC_ISSUER, LINKS_OIDC_AUDIENCE, LINKS_OIDC_JWKS_URL, LINKS_OIDC_USER_CLAIM, ' +
    'LINKS_OIDC_ROLE_CLAIM, LINKS_OIDC_ROLE_MAP, LINKS_OIDC_PRACTICE_CLAIM, LINKS_RATE_LIMIT, LINKS_LOG_LEVEL.',
  options: {
    port: {
      type: 'string',
      valueName: 'N',
      description: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one; env PORT)`,
    },
    host: { type: 'string', valueName: 'H', description: 'address to listen on (default 127.0.0.1; env LINKS_HOST)' },
    'data-dir': {
      type: 'string',
      valueName: 'DIR',
      description: `embedded PGlite database folder (default ${DEFAULT_DATA_DIR}; env LINKS_DATA_DIR)`,
    },
    'database-url': {
      type: 'string',
      valueName: 'URL',
      description: 'postgres://… to use a PostgreSQL server instead of PGlite (env DATABASE_URL)',
    },
    'dev-auth': {
      type: 'boolean',
      description: 'development sign-in: tokens for the fixed demo users from POST /api/dev/token',
    },
    'dev-auth-on-network': {
      type: 'boolean',
      description: 'allow --dev-auth with a --host other machines can reach (not recommended)',
    },
    'allow-origin': {
      type: 'string',
      multiple: true,
      valueName: 'URL',
      description: 'a web origin allowed to call the API (CORS); repeatable (env LINKS_ALLOW_ORIGIN)',
    },
    config: {
      type: 'string',
      valueName: 'FILE',
      description: 'practices and people (kind "links.service-config") (env LINKS_CONFIG)',
    },
    'oidc-issuer': {
      type: 'string',
      valueName: 'URL',
      description: 'OpenID Connect issuer whose tokens sign users in (env LINKS_OIDC_ISSUER)',
    },
    'oidc-audience': {
      type: 'string',
      valueName: 'ID',
      description: "the service's audience (application id) in those tokens (env LINKS_OIDC_AUDIENCE)",
    },
    'oidc-jwks-url': {
      type: 'string',
      valueName: 'URL',
      description: "the issuer's signing keys (default: from its discovery document) (env LINKS_OIDC_JWKS_URL)",
    },
    'oidc-user-claim': {
      type: 'string',
      valueName: 'NAME',
      description: 'claim naming the user (default sub; Entra ID: oid) (env LINKS_OIDC_USER_CLAIM)',
    },
    'oidc-role-claim': {
      type: 'string',
      valueName: 'NAME',
      description: 'claim holding the role(s) (default roles) (env LINKS_OIDC_ROLE_CLAIM)',
    },
    'oidc-role-map': {
      type: 'string',
      valueName: 'MAP',
      description: 'claim value=role pairs, e.g. "Links.GP=referrer,Links.CLP=clp" (env LINKS_OIDC_ROLE_MAP)',
    },
    'oidc-practice-claim': {
      type: 'string',
      valueName: 'NAME',
      description: 'claim holding the practice ids (default practices) (env LINKS_OIDC_PRACTICE_CLAIM)',
    },
    'rate-limit': {
      type: 'string',
      valueName: 'N',
      description:
        'requests a minute per user (or per address before sign-in); 0 turns it off (default 600; env LINKS_RATE_LIMIT)',
    },
    'log-level': {
      type: 'string',
      valueName: 'LEVEL',
      description: 'fatal, error, warn, info (default), debug or silent; logs go to stderr (env LINKS_LOG_LEVEL)',
    },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, args) {
    const v = args.values;
    const env = ctx.io.env;
    const portText = text(v, 'port', env, 'PORT') ?? String(DEFAULT_PORT);
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
      throw new UsageError(`--port must be a port number from 0 to 65535, not "${portText}"`, '--port');
    const host = text(v, 'host', env, 'LINKS_HOST') ?? '127.0.0.1';
    const databaseUrl = text(v, 'database-url', env, 'DATABASE_URL');
    if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
      throw new UsageError('--database-url must start with postgres:// or postgresql://', '--database-url');
    const dataDir = resolve(text(v, 'data-dir', env, 'LINKS_DATA_DIR') ?? DEFAULT_DATA_DIR);
    const origins = Array.isArray(v['allow-origin'])
      ? v['allow-origin']
      : (env['LINKS_ALLOW_ORIGIN'] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    for (const origin of origins) {
      let url: URL | undefined;
      try {
        url = new URL(origin);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
        throw new UsageError(
          `--allow-origin must be an origin like https://intranet.example.nhs.scot (no path), not "${origin}"`,
          '--allow-origin',
        );
      }
    }
    const issuer = text(v, 'oidc-issuer', env, 'LINKS_OIDC_ISSUER');
    const audience = text(v, 'oidc-audience', env, 'LINKS_OIDC_AUDIENCE');
    const devAuth = v['dev-auth'] === true;
    if (devAuth && issuer)
      throw new UsageError('choose one sign-in: --dev-auth or --oidc-issuer, not both', '--dev-auth');
    if (!devAuth && !issuer)
      throw new UsageError(
        'choose a sign-in: --oidc-issuer URL --oidc-audience ID, or --dev-auth for the demo users',
        '--oidc-issuer',
      );
    if (issuer && !audience)
      throw new UsageError(
        '--oidc-issuer needs --oidc-audience (the application id tokens are issued for)',
        '--oidc-audience',
      );
    const rateText = text(v, 'rate-limit', env, 'LINKS_RATE_LIMIT');
    if (rateText !== undefined && !/^\d{1,7}$/.test(rateText))
      throw new UsageError(`--rate-limit must be a whole number, not "${rateText}"`, '--rate-limit');
    const level = text(v, 'log-level', env, 'LINKS_LOG_LEVEL') ?? 'info';
    if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level))
      throw new UsageError(
        `--log-level must be one of fatal, error, warn, info, debug, silent; not "${level}"`,
        '--log-level',
      );

    const server = await import('@links-approach/server');
    const configFile = text(v, 'config', env, 'LINKS_CONFIG');
    let config;
    try {
      config = configFile ? server.readServiceConfig(configFile) : undefined;
    } catch (error) {
      throw new UsageError((error as Error).message, '--config');
    }
    const userClaim = text(v, 'oidc-user-claim', env, 'LINKS_OIDC_USER_CLAIM');
    const roleClaim = text(v, 'oidc-role-claim', env, 'LINKS_OIDC_ROLE_CLAIM');
    const practiceClaim = text(v, 'oidc-practice-claim', env, 'LINKS_OIDC_PRACTICE_CLAIM');
    const jwksUrl = text(v, 'oidc-jwks-url', env, 'LINKS_OIDC_JWKS_URL');
    const map = roleMap(text(v, 'oidc-role-map', env, 'LINKS_OIDC_ROLE_MAP'));
    let running;
    try {
      running = await server.startServer({
        host,
        port: Number(portText),
        database: databaseUrl ? { databaseUrl } : { dataDir },
        devAuth,
        allowDevAuthOnNetwork: v['dev-auth-on-network'] === true,
        ...(issuer && audience
          ? {
              oidc: {
                issuer,
                audience,
                ...(jwksUrl ? { jwksUrl } : {}),
                ...(userClaim ? { userClaim } : {}),
                ...(roleClaim ? { roleClaim } : {}),
                ...(practiceClaim ? { practiceClaim } : {}),
                ...(map ? { roleMap: map } : {}),
              },
            }
          : {}),
        ...(config ? { config } : {}),
        allowOrigins: origins,
        rateLimit: rateText === undefined ? 600 : Number(rateText) === 0 ? false : Number(rateText),
        logger: level === 'silent' ? false : { level, stream: process.stderr },
      });
    } catch (error) {
      const message = (error as Error).message;
      if (/dev-auth/.test(message)) throw new UsageError(message, '--host');
      ctx.io.stderr(`links serve: could not start: ${message}`);
      if (ctx.json)
        ctx.io.stdout(
          JSON.stringify(
            { ok: false, errors: [{ path: '', message: `could not start: ${message}`, code: 'could-not-start' }] },
            null,
            2,
          ),
        );
      return EXIT.invalidInput;
    }
    if (ctx.json) ctx.io.stdout(JSON.stringify({ ok: true, url: running.url, database: running.service.db.kind }));
    else ctx.io.stdout(`Links service listening on ${running.url}`);

    await new Promise<void>((done) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          ctx.io.stderr(`links serve: ${signal} again: exiting now`);
          process.exit(EXIT.internal);
        }
        stopping = true;
        ctx.io.stderr(`links serve: ${signal}: finishing requests in flight and closing the database…`);
        running.close().then(
          () => done(),
          (error: unknown) => {
            ctx.io.stderr(`links serve: error while stopping: ${(error as Error).message}`);
            done();
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    ctx.io.stderr('links serve: stopped');
    return EXIT.ok;
  },
};
