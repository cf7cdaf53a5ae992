import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { authHook, type AuthOptions, type Authenticator } from './auth-hook.js';
import { devAuthenticator, oidcAuthenticator, type Actor, type DevAuth, type OidcOptions } from './auth.js';
import { DEMO_PEOPLE, DEMO_PRACTICES, type Person, type ServiceConfig } from './config.js';
import { migrate, openDatabase, type Database, type DatabaseOptions } from './db/database.js';
import { BODY_LIMIT, MAX_PARAM_LENGTH, frameworkErrorHandler, installProblemHandlers, problem } from './problem.js';
import { Repository } from './repository.js';
import { validatorCompiler } from './schemas.js';
import { collectRoutes, openApiRoutes } from './routes/openapi.js';
import { healthRoutes } from './routes/health.js';
import { devRoutes } from './routes/dev.js';
import { referralRoutes } from './routes/referrals.js';
import { documentRoutes } from './routes/documents.js';
import { reportRoutes } from './routes/reports.js';
import { fhirRoutes } from './routes/fhir.js';
import { auditRoutes } from './routes/audit.js';
import { changeRoutes, type ChangeStreamOptions } from './routes/changes.js';
import { ChangeHub } from './changes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, set once by the authentication hook; `null` on public routes. */
    actor: Actor | null;
  }
  interface FastifySchema {
    /** For the OpenAPI document. */
    summary?: string;
    description?: string;
    tags?: string[];
    /** Header parameters, as OpenAPI parameter objects. */
    'x-headers'?: unknown[];
    /** The media type of the 2xx response when it is not JSON (the change stream's `text/event-stream`). */
    'x-produces'?: string;
  }
  interface FastifyContextConfig {
    /** The route needs no sign-in (health, OpenAPI, dev tokens). */
    public?: boolean;
  }
}

/** How to run the service (`links serve` builds this from its options). */
export interface ServerOptions {
  /** The database: PGlite in `dataDir` (or memory), or PostgreSQL at `databaseUrl`. */
  readonly database: DatabaseOptions;
  /** Sign in with the fixed demo users and a key generated at start. Never for real data. */
  readonly devAuth?: boolean;
  /** Sign in with an OpenID Connect issuer's bearer tokens. */
  readonly oidc?: OidcOptions;
  /** Practices and people; with `devAuth` and none given, the demo practices and users. */
  readonly config?: ServiceConfig;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  readonly allowOrigins?: readonly string[];
  /**
   * Requests per minute per signed-in user (per address on the public
   * routes); refused tokens per address are limited to a twentieth of it
   * (at least 10 a minute). `false` turns limiting off. Default 600.
   */
  readonly rateLimit?: number | false;
  /** Fastify's pino logger settings; `false` for none (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** The clock for saved-at stamps (tests). */
  readonly now?: () => Date;
  /** How `GET /api/changes` streams (heartbeat, streams per user, replay window); defaults suit production. */
  readonly changeStreams?: ChangeStreamOptions;
}

/** A built service: the Fastify app, its repository and database. */
export interface LinksService {
  readonly app: FastifyInstance;
  readonly repository: Repository;
  readonly db: Database;
  readonly schemaVersion: number;
  /** This process's view of the change feed (`GET /api/changes`). */
  readonly changes: ChangeHub;
  /** The `--dev-auth` signer, when enabled. */
  readonly devAuth: DevAuth | undefined;
  /** Stops accepting requests, lets in-flight ones finish, closes the database. */
  close(): Promise<void>;
}

/** Log lines carry method, route and status: never a URL's query, a token or a body. */
const LOG_SERIALIZERS = {
  req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    route: req.routeOptions?.url ?? req.url.split('?')[0],
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/** Builds the service (opening the database and running its migrations); call `app.listen` to serve. */
export async function buildService(options: ServerOptions): Promise<LinksService> {
  if (!options.devAuth && !options.oidc)
    throw new Error('choose a sign-in: OpenID Connect (oidc) or the development sign-in (devAuth)');
  const db = await openDatabase(options.database);
  let schemaVersion: number;
  try {
    schemaVersion = await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  let changes: ChangeHub;
  try {
    changes = await ChangeHub.start(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const repository = new Repository(db, options.now ? { now: options.now } : {});
  const config: ServiceConfig =
    options.config ??
    (options.devAuth ? { practices: DEMO_PRACTICES, people: DEMO_PEOPLE } : { practices: [], people: [] });
  await repository.syncPractices(config.practices);
  const people = new Map<string, Person>(config.people.map((p) => [p.id, p]));
  const devAuth = options.devAuth ? await devAuthenticator(people) : undefined;
  const authenticator: Authenticator = options.oidc ? oidcAuthenticator(options.oidc, people) : devAuth!;

  const app = Fastify({
    logger:
      options.logger === undefined
        ? false
        : options.logger === false
          ? false
          : {
              ...(typeof options.logger === 'object' ? options.logger : {}),
              serializers: LOG_SERIALIZERS,
              redact: ['req.headers.authorization'],
            },
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler,
    trustProxy: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { strict: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('actor', null);
  const routes = collectRoutes(app);
  installProblemHandlers(app, () => routes.filter((r) => r.method !== 'HEAD'));

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  if (options.allowOrigins && options.allowOrigins.length > 0) {
    await app.register(cors, {
      origin: [...options.allowOrigins],
      methods: ['GET', 'POST', 'PUT'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'if-match',
        'if-none-match',
        'idempotency-key',
        'last-event-id',
      ],
      exposedHeaders: ['etag', 'retry-after', 'location'],
      maxAge: 600,
    });
  }
  const auth: AuthOptions = { authenticator };
  app.addHook('onRequest', authHook(auth));
  if (options.rateLimit !== false) {
    const max = options.rateLimit ?? 600;
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max,
      timeWindow: 60_000,
      keyGenerator: (request) => (request.actor ? `user:${request.actor.id}` : `address:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        problem(
          429,
          'rate-limited',
          `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          '',
          {
            headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
          },
        ),
    });
    // Before sign-in there is no user to count: refused tokens are counted per address (a twentieth of the limit, at least 10 a minute).
    auth.failedSignIns = app.createRateLimit({
      max: Math.max(10, Math.ceil(max / 20)),
      timeWindow: 60_000,
      keyGenerator: (request) => `sign-in:${request.ip}`,
    });
  }

  const ctx = { repository, db, schemaVersion, devAuth, people };
  await app.register(healthRoutes(ctx), { prefix: '/api' });
  if (devAuth) await app.register(devRoutes(ctx), { prefix: '/api' });
  await app.register(referralRoutes(ctx), { prefix: '/api' });
  await app.register(documentRoutes(ctx), { prefix: '/api' });
  await app.register(reportRoutes(ctx), { prefix: '/api' });
  await app.register(fhirRoutes(ctx), { prefix: '/api' });
  await app.register(auditRoutes(ctx), { prefix: '/api' });
  await app.register(changeRoutes({ ...ctx, changes }, options.changeStreams), { prefix: '/api' });
  await app.register(openApiRoutes(routes), { prefix: '/api' });
  await app.ready();

  let closing: Promise<void> | undefined;
  return {
    app,
    repository,
    db,
    schemaVersion,
    changes,
    devAuth,
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await changes.close();
          await db.close();
        }
      })();
      return closing;
    },
  };
}

/** What each route plugin gets. */
export interface RouteContext {
  readonly repository: Repository;
  readonly db: Database;
  readonly schemaVersion: number;
  readonly devAuth: DevAuth | undefined;
  readonly people: ReadonlyMap<string, Person>;
}
