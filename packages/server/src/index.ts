/**
 * `@links-approach/server`: the shared Links service: referral event streams,
 * business plans, network registers, outcome responses, reports and FHIR
 * exports over HTTP, on PostgreSQL or embedded PGlite, with OpenID Connect
 * sign-in, practice boundaries and an audit trail.
 *
 * @packageDocumentation
 */
export { buildService, type ServerOptions, type LinksService, type RouteContext } from './app.js';
export { startServer, type StartOptions, type RunningServer, isLoopback } from './start.js';
export {
  DEMO_PEOPLE,
  DEMO_PRACTICES,
  readServiceConfig,
  serviceConfigSchema,
  type Person,
  type ServiceConfig,
} from './config.js';
export {
  ACCEPTED_ALGORITHMS,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_TOKEN_SECONDS,
  type Actor,
  type OidcOptions,
} from './auth.js';
export {
  openDatabase,
  migrate,
  loadMigrations,
  schemaVersion,
  type Database,
  type DatabaseOptions,
  type Queryable,
} from './db/database.js';
export {
  Repository,
  eventActor,
  summarise,
  type AuditEntry,
  type ReferralSummary,
  type StoredReferral,
  type StoredReferralDetail,
} from './repository.js';
export { BODY_LIMIT, HttpProblem } from './problem.js';
export {
  BACKUP_FORMAT,
  BACKUP_KIND,
  BackupImportError,
  exportBackup,
  importBackup,
  type BackupCounts,
} from './backup.js';
export { openApiDocument } from './routes/openapi.js';
