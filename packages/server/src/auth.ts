import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { SERVICE_ROLES, type AccessUser, type ServiceRole } from '@links-approach/core/access';
import { problem } from './problem.js';
import type { Person } from './config.js';

/** The signed-in user of a request, decided once by the authentication hook. */
export type Actor = AccessUser;

/** Asymmetric algorithms only: `none` and HMAC tokens are refused before any key is looked at. */
export const ACCEPTED_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** OpenID Connect settings (`--oidc-*` options). */
export interface OidcOptions {
  /** The issuer (`iss`), e.g. `https://login.microsoftonline.com/<tenant>/v2.0`. */
  readonly issuer: string;
  /** The audience (`aud`) tokens must be for: the service's application id. */
  readonly audience: string;
  /** Where the issuer's signing keys are; default from the issuer's discovery document. */
  readonly jwksUrl?: string;
  /** The keys themselves (tests, air-gapped installs); overrides `jwksUrl`. */
  readonly jwks?: JSONWebKeySet;
  /** The claim naming the user (default `sub`; Entra ID: `oid`). */
  readonly userClaim?: string;
  /** The claim holding the role or roles (default `roles`, as Entra ID app roles). */
  readonly roleClaim?: string;
  /** Claim value → service role (default: the values `referrer`, `clp`, `practice-manager`, `evaluator`, `administrator` themselves). */
  readonly roleMap?: Readonly<Record<string, ServiceRole>>;
  /** The claim holding the practice ids (an array, or a space- or comma-separated string; default `practices`). */
  readonly practiceClaim?: string;
}

/** Verifies bearer tokens and turns their claims into an {@link Actor}. */
export interface Authenticator {
  authenticate(authorization: string | undefined): Promise<Actor>;
}

function unauthorised(code: string, message: string) {
  return problem(401, code, message, 'headers.authorization', {
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"` },
  });
}

function bearer(authorization: string | undefined): string {
  if (!authorization) {
    throw problem(401, 'no-token', 'Sign in first: send "Authorization: Bearer <token>".', 'headers.authorization', {
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  const match = /^Bearer ([A-Za-z0-9_.~+/=-]{1,8192})$/.exec(authorization);
  if (!match) throw unauthorised('malformed-token', 'The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

function explain(error: unknown): never {
  if (error instanceof joseErrors.JWTExpired)
    throw unauthorised('token-expired', 'The token has expired: sign in again.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'nbf') throw unauthorised('token-not-yet-valid', 'The token is not valid yet.');
    if (claim === 'iss')
      throw unauthorised('wrong-issuer', 'The token was issued by an issuer this service does not trust.');
    if (claim === 'aud') throw unauthorised('wrong-audience', 'The token is for another application.');
    throw unauthorised('invalid-claims', `The token's "${claim}" claim is not acceptable.`);
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    throw unauthorised('unknown-key', 'The token was signed with a key this service does not know.');
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    throw unauthorised('algorithm-not-allowed', 'The token is signed with an algorithm this service does not accept.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    throw unauthorised('bad-signature', 'The token signature does not verify.');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    throw problem(503, 'keys-unavailable', "The sign-in provider's keys could not be fetched; try again shortly.", '', {
      headers: { 'retry-after': '5' },
    });
  }
  throw unauthorised('invalid-token', 'The token could not be verified.');
}

function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

const PRACTICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Turns verified claims into an actor; the people configuration, when it names the user, decides role and practices. */
export function actorFromClaims(
  payload: JWTPayload,
  options: Pick<OidcOptions, 'userClaim' | 'roleClaim' | 'roleMap' | 'practiceClaim'>,
  people: ReadonlyMap<string, Person>,
): Actor {
  const id = payload[options.userClaim ?? 'sub'];
  if (typeof id !== 'string' || !PRACTICE_ID.test(id))
    throw unauthorised('no-user', 'The token does not name a user this service can use.');
  const person = people.get(id);
  if (person) return { id, role: person.role, practices: [...person.practices] };
  const map: Record<string, ServiceRole> = {
    ...Object.fromEntries(SERVICE_ROLES.map((r) => [r, r])),
    ...(options.roleMap ?? {}),
  };
  const roles = claimList(payload[options.roleClaim ?? 'roles'])
    .map((r) => map[r])
    .filter((r): r is ServiceRole => r !== undefined);
  const role = roles[0];
  if (!role) throw problem(403, 'no-role', 'Your account has no role in this service: ask an administrator.');
  const practices = claimList(payload[options.practiceClaim ?? 'practices']).filter((p) => PRACTICE_ID.test(p));
  return { id, role, practices };
}

/**
 * Tokens whose signature and claims were verified, so the signature (an
 * ECDSA or RSA verification, the largest cost of a small request) is not
 * checked again for every request a client sends with the same token. Keyed
 * by the exact token text: any other text (a tampered payload, another
 * signature) misses and is verified in full. An entry lasts until the
 * token's `exp` (no clock tolerance) and at most {@link VERIFIED_TOKEN_SECONDS}
 * after it was verified; the oldest entries go first beyond
 * {@link VERIFIED_TOKEN_ENTRIES}.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { payload: JWTPayload; until: number }>();

  get(token: string): JWTPayload | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() >= entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.payload;
  }

  set(token: string, payload: JWTPayload): void {
    const now = Date.now();
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : now;
    const until = Math.min(exp, now + VERIFIED_TOKEN_SECONDS * 1000);
    if (until <= now) return;
    if (this.entries.size >= VERIFIED_TOKEN_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { payload, until });
  }
}

/** How long a verified token is trusted without verifying it again, in seconds. */
export const VERIFIED_TOKEN_SECONDS = 60;
/** The most verified tokens remembered at once. */
export const VERIFIED_TOKEN_ENTRIES = 10_000;

/** An authenticator for an OpenID Connect issuer's tokens. */
export function oidcAuthenticator(options: OidcOptions, people: ReadonlyMap<string, Person>): Authenticator {
  let keys: JWTVerifyGetKey | undefined = options.jwks ? createLocalJWKSet(options.jwks) : undefined;
  const keySet = async (): Promise<JWTVerifyGetKey> => {
    if (keys) return keys;
    let url = options.jwksUrl;
    if (!url) {
      const discovery = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(discovery, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json()) as { jwks_uri?: unknown };
      if (typeof body.jwks_uri !== 'string') throw new joseErrors.JWKSInvalid('no jwks_uri in the discovery document');
      url = body.jwks_uri;
    }
    keys = createRemoteJWKSet(new URL(url));
    return keys;
  };
  const verified = new VerifiedTokens();
  return {
    async authenticate(authorization) {
      const token = bearer(authorization);
      const known = verified.get(token);
      if (known) return actorFromClaims(known, options, people);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, await keySet(), {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ACCEPTED_ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: 30,
        }));
      } catch (error) {
        explain(error);
      }
      verified.set(token, payload);
      return actorFromClaims(payload, options, people);
    },
  };
}

/** The issuer and audience of `--dev-auth` tokens. */
export const DEV_ISSUER = 'urn:links-approach:dev-auth';
export const DEV_AUDIENCE = 'urn:links-approach:service';
/** How long a `--dev-auth` token lasts, in seconds. */
export const DEV_TOKEN_SECONDS = 15 * 60;

/** `--dev-auth`: a key made at start, tokens for the configured demo people only. */
export interface DevAuth extends Authenticator {
  /** Signs a short-lived token for a configured person, or `undefined` for an unknown id. */
  sign(userId: string): Promise<{ token: string; expiresAt: string } | undefined>;
}

/** Makes the `--dev-auth` signer and verifier (ES256 key generated now, never stored). */
export async function devAuthenticator(people: ReadonlyMap<string, Person>): Promise<DevAuth> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'dev-1', alg: 'ES256', use: 'sig' };
  const verifier = oidcAuthenticator({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: { keys: [jwk] } }, people);
  return {
    authenticate: verifier.authenticate,
    async sign(userId) {
      const person = people.get(userId);
      if (!person) return undefined;
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ roles: [person.role], practices: [...person.practices] })
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-1', typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(person.id)
        .setIssuedAt(now)
        .setExpirationTime(now + DEV_TOKEN_SECONDS)
        .sign(privateKey);
      return { token, expiresAt: new Date((now + DEV_TOKEN_SECONDS) * 1000).toISOString() };
    },
  };
}
