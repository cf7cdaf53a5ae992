import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, exportJWK, generateKeyPair, base64url } from 'jose';
import type { LinksService } from './app.js';
import { startServer } from './start.js';
import { assertProblem, body, forEachBackend } from './test-support.js';

const ISSUER = 'https://login.example.test/tenant/v2.0';
const AUDIENCE = 'api://links-service';

const rsa = await generateKeyPair('RS256');
const stranger = await generateKeyPair('RS256');
const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };

interface TokenOptions {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresIn?: number;
  notBefore?: number;
  kid?: string;
  key?: Parameters<SignJWT['sign']>[0];
  alg?: string;
}

async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['Links.CLP'], practices: ['practice-ash'], ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'key-1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setSubject(typeof options.claims?.['sub'] === 'string' ? options.claims['sub'] : 'staff-42')
    .setIssuedAt(now - 10)
    .setNotBefore(options.notBefore ?? now - 10)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(options.key ?? rsa.privateKey);
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

forEachBackend(
  'OIDC sign-in',
  ({ service }) => {
    const get = (s: () => LinksService, headers: Record<string, string>) =>
      s().app.inject({ method: 'GET', url: '/api/referrals', headers });

    test('a valid token signs the user in with the mapped role and practices', async () => {
      const response = await get(service, bearer(await token()));
      assert.equal(response.statusCode, 200, response.body);
      const people = await service().app.inject({
        method: 'GET',
        url: '/api/practices',
        headers: bearer(await token({ claims: { sub: 'cfg-manager' } })),
      });
      assert.equal(people.statusCode, 200);
    });

    test('tokens are refused: none, expired, not yet valid, wrong issuer, wrong audience, unknown key, alg none, HMAC, tampered', async () => {
      assertProblem(await get(service, {}), 401, 'no-token');
      assertProblem(await get(service, bearer(await token({ expiresIn: -120 }))), 401, 'token-expired');
      assertProblem(
        await get(service, bearer(await token({ notBefore: Math.floor(Date.now() / 1000) + 3600 }))),
        401,
        'token-not-yet-valid',
      );
      assertProblem(await get(service, bearer(await token({ issuer: 'https://evil.example/' }))), 401, 'wrong-issuer');
      assertProblem(await get(service, bearer(await token({ audience: 'api://another-app' }))), 401, 'wrong-audience');
      assertProblem(
        await get(service, bearer(await token({ kid: 'key-2', key: stranger.privateKey }))),
        401,
        'unknown-key',
      );
      const [header, payload] = (await token()).split('.');
      const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
      assertProblem(await get(service, bearer(none)), 401);
      const hmac = await token({ alg: 'HS256', key: new TextEncoder().encode(JSON.stringify(jwk)) });
      assertProblem(await get(service, bearer(hmac)), 401, 'algorithm-not-allowed');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
      const forged = base64url.encode(JSON.stringify({ ...claims, roles: ['administrator'] }));
      const signature = (await token()).split('.')[2];
      assertProblem(await get(service, bearer(`${header}.${forged}.${signature}`)), 401, 'bad-signature');
      assertProblem(await get(service, { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'malformed-token');
    });

    test('a token already verified is remembered, yet a tampered copy of it is still refused', async () => {
      const t = await token({ claims: { sub: 'remembered-user' } });
      assert.equal((await get(service, bearer(t))).statusCode, 200);
      assert.equal((await get(service, bearer(t))).statusCode, 200);
      const [header, payload, signature] = t.split('.');
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as Record<string, unknown>;
      const promoted = base64url.encode(JSON.stringify({ ...claims, practices: ['practice-ash', 'practice-birch'] }));
      // From an address of its own: the test above used up 127.0.0.1's allowance of refused tokens.
      const from = (t2: string) =>
        service().app.inject({ method: 'GET', url: '/api/referrals', headers: bearer(t2), remoteAddress: '10.1.2.3' });
      assertProblem(await from(`${header}.${promoted}.${signature}`), 401, 'bad-signature');
      const resigned = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
      assertProblem(await from(resigned), 401, 'bad-signature');
    });

    test('a token whose role claim maps to no role is 403', async () => {
      assertProblem(await get(service, bearer(await token({ claims: { roles: ['Something.Else'] } }))), 403, 'no-role');
    });

    test('the people configuration decides role and practices when it names the user', async () => {
      const response = await service().app.inject({
        method: 'GET',
        url: '/api/referrals?practice=practice-birch',
        headers: bearer(await token({ claims: { sub: 'cfg-manager' } })),
      });
      assert.equal(response.statusCode, 200, response.body);
    });

    test('more requests than the limit a minute is 429 with Retry-After', async () => {
      const t = await token({ claims: { sub: 'busy-user' } });
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 7; i++) {
        last = await get(service, bearer(t));
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      assertProblem(last!, 429, 'rate-limited');
      assert.ok(Number(last!.headers['retry-after']) >= 1);
    });

    test('the limit is per user: once one user is limited, another user at the same address is not', async () => {
      const first = await token({ claims: { sub: 'first-user' } });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(service, bearer(first))).statusCode);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      const other = await get(service, bearer(await token({ claims: { sub: 'second-user' } })));
      assert.equal(other.statusCode, 200, other.body);
    });

    test('refused tokens are limited per address (429 with Retry-After), while a valid token from that address still signs in', async () => {
      const from = (headers: Record<string, string>, remoteAddress: string) =>
        service().app.inject({ method: 'GET', url: '/api/referrals', headers, remoteAddress });
      const expired = bearer(await token({ expiresIn: -120 }));
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 11; i++) {
        last = await from(expired, '10.9.8.7');
        statuses.push(last.statusCode);
      }
      // rateLimit 5: refused sign-ins are limited to max(10, 5 / 20) = 10 a minute per address.
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
      assertProblem(last!, 429, 'rate-limited');
      assert.ok(Number(last!.headers['retry-after']) >= 1);
      assertProblem(await from(expired, '10.9.8.6'), 401, 'token-expired');
      assert.equal(
        (await from(bearer(await token({ claims: { sub: 'behind-the-same-proxy' } })), '10.9.8.7')).statusCode,
        200,
      );
    });

    test('CORS answers only the allowed origin', async () => {
      const allowed = await service().app.inject({
        method: 'OPTIONS',
        url: '/api/referrals',
        headers: { origin: 'https://intranet.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://intranet.example');
      const other = await service().app.inject({
        method: 'OPTIONS',
        url: '/api/referrals',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      assert.notEqual(other.headers['access-control-allow-origin'], 'https://evil.example');
    });

    test('there are no dev-auth routes without --dev-auth', async () => {
      assertProblem(
        await service().app.inject({ method: 'POST', url: '/api/dev/token', payload: { user: 'admin' } }),
        404,
      );
      assert.equal(
        body<{ paths: Record<string, unknown> }>(
          await service().app.inject({ method: 'GET', url: '/api/openapi.json' }),
        ).paths['/api/dev/token'],
        undefined,
      );
    });
  },
  {
    devAuth: false,
    rateLimit: 5,
    oidc: {
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: { keys: [jwk] },
      roleMap: { 'Links.CLP': 'clp', 'Links.GP': 'referrer' },
    },
    allowOrigins: ['https://intranet.example'],
    config: {
      practices: [
        { id: 'practice-ash', name: 'Ash', cohort: 'programme', listSize: 5000 },
        { id: 'practice-birch', name: 'Birch', cohort: 'comparison', listSize: 6000 },
      ],
      people: [
        { id: 'cfg-manager', name: 'Configured manager', role: 'practice-manager', practices: ['practice-birch'] },
      ],
    },
  },
);

test('--dev-auth refuses a host other machines can reach, and says why', async () => {
  await assert.rejects(
    startServer({ host: '0.0.0.0', port: 0, devAuth: true, database: { dataDir: 'memory://' } }),
    /dev-auth signs tokens for anyone who asks.*--dev-auth-on-network/s,
  );
});
