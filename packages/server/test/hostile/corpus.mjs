// The hostile-input corpus: malformed and malicious requests, each with the
// 4xx statuses that are right for it. Built from a context of real tokens and
// referrals so that each request is refused for the reason it names (a bad
// JSON body comes with a valid token, a cross-practice read with a valid id).
import { Buffer } from 'node:buffer';

/** SQL-injection strings tried in every path, query, header and body parameter. */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE referral_events; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  "') OR ('a'='a",
  "x' UNION SELECT state::text, id FROM referrals --",
  "admin'--",
  '1 OR 1=1',
  '%27%20OR%201%3D1--',
  '$$; DELETE FROM referrals; $$',
];

/** Path-traversal attempts, as raw paths. */
export const TRAVERSALS = [
  '/api/referrals/../../etc/passwd',
  '/api/referrals/..%2F..%2Fetc%2Fpasswd',
  '/api/referrals/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/api/referrals/....//....//etc/passwd',
  '/api/referrals/%252e%252e%252fetc%252fpasswd',
  '/api/referrals/..\\..\\windows\\win.ini',
  '/api/referrals/%00',
  '/api/referrals/ref%00.json',
  '/api/../../../etc/passwd',
  '/api/referrals/%2e%2e/events',
  '/api/fhir/Bundle?referral=../../etc/passwd',
  '/api/referrals?practice=../../etc/passwd',
];

const enc = encodeURIComponent;

/** Base64url of a JSON value (for forged tokens). */
const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * Builds the corpus.
 *
 * @param {{
 *   token: string,            // gp at practice A
 *   clpToken: string,         // CLP at practice A
 *   otherToken: string,       // gp at practice B
 *   evaluatorToken: string,
 *   practice: string,         // practice A
 *   otherPractice: string,    // practice B (not the gp's)
 *   referral: string,         // a referral at practice A, version `version`
 *   otherReferral: string,    // a referral at practice B
 *   version: number,
 *   usedKey: string,          // an idempotency key already used by `token` for an append to `referral`
 * }} ctx
 * @returns {{ name: string, method: string, url: string, headers?: Record<string,string>, payload?: string | Buffer, expect: number[] }[]}
 */
export function buildCorpus(ctx) {
  const cases = [];
  const auth = (token = ctx.token) => ({ authorization: `Bearer ${token}` });
  const json = { 'content-type': 'application/json' };
  const eventsUrl = (id = ctx.referral) => `/api/referrals/${enc(id)}/events`;
  let keyN = 0;
  const appendHeaders = (extra = {}) => ({
    ...auth(),
    ...json,
    'if-match': `"${ctx.version}"`,
    'idempotency-key': `hostile-${(keyN += 1)}`,
    ...extra,
  });
  const note = (extra = {}) => ({
    id: `hostile-ev-${keyN + 1}`,
    referralId: ctx.referral,
    type: 'note-added',
    at: new Date().toISOString(),
    text: 'Hostile corpus',
    ...extra,
  });
  const created = (extra = {}) => ({
    id: `hostile-created-${keyN + 1}`,
    referralId: `hostile-new-${keyN + 1}`,
    type: 'created',
    at: new Date().toISOString(),
    status: 'requested',
    person: 'person-hostile',
    practiceId: ctx.practice,
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day' }],
    urgency: 'routine',
    ...extra,
  });
  // An object is an event, sent as `{ "event": … }`; a string is sent as it is.
  const post = (name, payload, expect, { url = eventsUrl(), headers = appendHeaders() } = {}) =>
    cases.push({
      name,
      method: 'POST',
      url,
      headers,
      payload: typeof payload === 'string' ? payload : JSON.stringify({ event: payload }),
      expect,
    });
  const wrapRaw = (eventJson) => `{"event":${eventJson}}`;

  // ── Sign-in: no token, malformed and forged tokens (401) ──
  const [h, p] = ctx.token.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  const badTokens = {
    'no Authorization header': undefined,
    'empty Bearer': 'Bearer ',
    'Bearer without a token': 'Bearer',
    'Basic credentials': `Basic ${Buffer.from('gp:password').toString('base64')}`,
    'lower-case scheme with garbage': 'bearer abc',
    'not a JWT': 'Bearer not-a-jwt',
    'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...payload, sub: 'admin' })}.`,
    'HMAC token where EC is expected': `Bearer ${b64({ alg: 'HS256', typ: 'JWT', kid: 'dev-1' })}.${b64(payload)}.${b64('x'.repeat(32))}`,
    'tampered payload (role raised)': `Bearer ${h}.${b64({ ...payload, sub: 'admin', roles: ['administrator'] })}.${ctx.token.split('.')[2]}`,
    'tampered payload (practices widened)': `Bearer ${h}.${b64({ ...payload, practices: [ctx.practice, ctx.otherPractice] })}.${ctx.token.split('.')[2]}`,
    'signature stripped': `Bearer ${h}.${p}.`,
    'unknown key id': `Bearer ${b64({ alg: 'ES256', typ: 'JWT', kid: 'other-key' })}.${p}.${ctx.token.split('.')[2]}`,
    'SQL in the token': `Bearer ${SQL_INJECTIONS[0]}`,
    'very long token': `Bearer ${'a'.repeat(9000)}`,
    'two tokens': `Bearer ${ctx.token} ${ctx.token}`,
  };
  const protectedRoutes = [
    ['GET', `/api/referrals?practice=${ctx.practice}`],
    ['GET', `/api/referrals/${ctx.referral}`],
    ['POST', eventsUrl()],
  ];
  for (const [label, value] of Object.entries(badTokens)) {
    for (const [method, url] of protectedRoutes) {
      const headers = method === 'POST' ? appendHeaders({ authorization: value }) : { authorization: value };
      if (value === undefined) delete headers.authorization;
      cases.push({
        name: `${label}: ${method} ${url}`,
        method,
        url,
        headers,
        payload: method === 'POST' ? JSON.stringify({ event: note() }) : undefined,
        expect: [401],
      });
    }
  }

  // ── Bad JSON (400) ──
  const badJson = [
    '{',
    '{"id": }',
    '{"id": "a",}',
    "{'id': 'a'}",
    '{"id": NaN}',
    '{"id": undefined}',
    'nul',
    '[1, 2',
    '{"text": "\\u12"}',
    '{"text": "unterminated}',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"id": "a" "type": "b"}',
    '// comment\n{}',
    '{"at": 2025-01-01}',
    '\ufeff{"id":"a"}x',
  ];
  for (const [i, body] of badJson.entries())
    post(`bad JSON #${i + 1}: ${JSON.stringify(body).slice(0, 30)}`, body, [400]);
  post('empty body with a JSON content type', '', [400]);

  // ── Not an event at all: wrong top-level types (400 / 422) ──
  for (const body of [
    'null',
    '[]',
    '"a string"',
    '42',
    'true',
    '{}',
    '[{"type":"note-added"}]',
    JSON.stringify(note()),
  ]) {
    post(`body is ${body.slice(0, 40)}`, body, [400, 422]);
  }
  for (const event of ['null', '[]', '"a string"', '42', '{}', '{"type":"note-added"}']) {
    post(`event is ${event}`, wrapRaw(event), [400, 422]);
  }
  const bodyLevel = {
    'expectedVersion as a string': { expectedVersion: 'two' },
    'expectedVersion negative': { expectedVersion: -1 },
    'expectedVersion fractional': { expectedVersion: 1.5 },
    'expectedVersion huge': { expectedVersion: 1e300 },
    'idempotencyKey as a number': { idempotencyKey: 5 },
    'unknown top-level member': { sneaky: true },
  };
  for (const [label, extra] of Object.entries(bodyLevel)) {
    post(`body ${label}`, JSON.stringify({ event: note(), ...extra }), [400, 422]);
  }

  // ── Deep nesting (400 / 413 / 422) ──
  post('array nested 10,000 deep', '['.repeat(10_000) + ']'.repeat(10_000), [400, 413, 422]);
  post('object nested 5,000 deep', '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), [400, 413, 422]);
  const deep = (n) => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n));
  post(
    'deeply nested reasons',
    created({ reasons: [{ themeId: 'living-well-day-to-day', text: deep(200) }] }),
    [400, 422],
    {
      url: eventsUrl(created().referralId),
      headers: appendHeaders({ 'if-match': '"0"' }),
    },
  );
  post('deeply nested note text', note({ text: deep(500) }), [400, 422]);
  post('deeply nested extra member', note({ extra: deep(1000) }), [400, 422]);

  // ── Huge strings and bodies (413 over the limit, else 400 / 422) ──
  post('2 MB body', note({ text: 'x'.repeat(2 * 1024 * 1024) }), [413]);
  post('1.1 MB of whitespace', ' '.repeat(1_150_000) + JSON.stringify({ event: note() }), [413]);
  post('200 KB note text', note({ text: 'x'.repeat(200_000) }), [400, 422]);
  post('100,000-character id', note({ id: 'a'.repeat(100_000) }), [400, 422]);
  post(
    '50,000 reasons',
    created({ reasons: Array.from({ length: 50_000 }, () => ({ themeId: 'living-well-day-to-day' })) }),
    [400, 413, 422],
  );
  post('a 20,000-character idempotency key', note(), [400], {
    headers: appendHeaders({ 'idempotency-key': 'k'.repeat(20_000) }),
  });
  cases.push({
    name: '10,000-character practice filter',
    method: 'GET',
    url: `/api/referrals?practice=${'p'.repeat(10_000)}`,
    headers: auth(),
    expect: [400],
  });
  cases.push({
    name: '10,000-character referral id',
    method: 'GET',
    url: `/api/referrals/${'r'.repeat(10_000)}`,
    headers: auth(),
    expect: [414],
  });

  // ── Prototype pollution (400 / 422) ──
  post(
    '__proto__ in the body',
    `{"__proto__":{"polluted":true},${JSON.stringify({ event: note() }).slice(1)}`,
    [400, 422],
  );
  post(
    '__proto__ in the event',
    wrapRaw(`{"__proto__":{"polluted":true},${JSON.stringify(note()).slice(1)}`),
    [400, 422],
  );
  post(
    'constructor.prototype in the body',
    `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify({ event: note() }).slice(1)}`,
    [400, 422],
  );
  post(
    'constructor.prototype in the event',
    wrapRaw(`{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(note()).slice(1)}`),
    [400, 422],
  );
  post(
    '__proto__ in the actor',
    wrapRaw(`{"actor":{"__proto__":{"role":"system"}},${JSON.stringify(note()).slice(1)}`),
    [400, 403, 422],
  );
  post(
    '__proto__ inside reasons',
    wrapRaw(
      JSON.stringify(created()).replace(
        '"reasons":[{"themeId":"living-well-day-to-day"}]',
        '"reasons":[{"themeId":"living-well-day-to-day","__proto__":{"polluted":true}}]',
      ),
    ),
    [400, 422],
    { url: eventsUrl(created().referralId), headers: appendHeaders({ 'if-match': '"0"' }) },
  );
  post('prototype member', note({ prototype: { polluted: true } }), [400, 422]);
  post('constructor member', note({ constructor: 'x' }), [400, 422]);
  post('__proto__ as the event type', note({ type: '__proto__' }), [400, 422]);
  post('hasOwnProperty overridden', note({ hasOwnProperty: 'x' }), [400, 422]);
  for (const query of [
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    '__proto__.polluted=1',
    'practice[__proto__]=x',
  ]) {
    cases.push({
      name: `pollution in the query: ${query}`,
      method: 'GET',
      url: `/api/referrals?practice=${ctx.practice}&${query}`,
      headers: auth(),
      expect: [400],
    });
  }
  post('__proto__ as a referral id', note({ referralId: '__proto__' }), [400, 404, 422], {
    url: eventsUrl('__proto__'),
  });

  // ── SQL injection in every parameter ──
  for (const sql of SQL_INJECTIONS) {
    const short = sql.slice(0, 24);
    cases.push({
      name: `SQL in referral id path: ${short}`,
      method: 'GET',
      url: `/api/referrals/${enc(sql)}`,
      headers: auth(),
      expect: [400, 404],
    });
    cases.push({
      name: `SQL in practice query: ${short}`,
      method: 'GET',
      url: `/api/referrals?practice=${enc(sql)}`,
      headers: auth(),
      expect: [400, 403],
    });
    cases.push({
      name: `SQL in status query: ${short}`,
      method: 'GET',
      url: `/api/referrals?practice=${ctx.practice}&status=${enc(sql)}`,
      headers: auth(),
      expect: [400],
    });
    cases.push({
      name: `SQL in FHIR referral query: ${short}`,
      method: 'GET',
      url: `/api/fhir/Bundle?referral=${enc(sql)}`,
      headers: auth(),
      expect: [400, 404],
    });
    post(`SQL in events path: ${short}`, note({ referralId: sql }), [400, 404, 422], { url: eventsUrl(sql) });
    post(`SQL in body referralId: ${short}`, note({ referralId: sql }), [400, 422]);
    post(`SQL in body id: ${short}`, note({ id: sql }), [400, 422]);
    post(`SQL in body type: ${short}`, note({ type: sql }), [400, 422]);
    post(`SQL in created practiceId: ${short}`, created({ practiceId: sql }), [400, 403, 422], {
      url: eventsUrl(created().referralId),
      headers: appendHeaders({ 'if-match': '"0"' }),
    });
    post(`SQL in created person: ${short}`, created({ person: sql }), [400, 422], {
      url: eventsUrl(created().referralId),
      headers: appendHeaders({ 'if-match': '"0"' }),
    });
    post(`SQL in If-Match: ${short}`, note(), [400, 409, 412, 428], { headers: appendHeaders({ 'if-match': sql }) });
    // Free text is stored as text, so an SQL string there is refused only for the stale version it comes with.
    post(`SQL in note text with a stale version: ${short}`, note({ text: sql }), [409, 412], {
      headers: appendHeaders({ 'if-match': `"${ctx.version - 1}"` }),
    });
  }

  // ── Path traversal (400 / 404) ──
  for (const url of TRAVERSALS)
    cases.push({ name: `traversal: ${url}`, method: 'GET', url, headers: auth(), expect: [400, 404] });

  // ── Wrong types in the event (400 / 422) ──
  const wrongTypes = {
    'id as a number': { id: 42 },
    'id as an array': { id: ['a'] },
    'id null': { id: null },
    'type as an object': { type: { $ne: null } },
    'at not a date': { at: 'yesterday' },
    'at as a number': { at: 1735689600000 },
    'text as a number': { text: 12 },
    'text as an array': { text: ['a', 'b'] },
    'text empty': { text: '   ' },
    'unknown event type': { type: 'deleted' },
    'unknown member': { sneaky: true },
    'referralId differs from the path': { referralId: ctx.otherReferral },
  };
  for (const [label, extra] of Object.entries(wrongTypes)) post(`wrong type: ${label}`, note(extra), [400, 409, 422]);
  post('created with durationMinutes as a string', created({ urgency: 7 }), [400, 422], {
    url: eventsUrl(created().referralId),
    headers: appendHeaders({ 'if-match': '"0"' }),
  });
  for (const value of ['two', '"-1"', '"1.5"', 'W/"x"', '*', '"99999999999999999999"', '', '""']) {
    post(`If-Match ${JSON.stringify(value)}`, note(), [400, 409, 412, 428], {
      headers: appendHeaders({ 'if-match': value }),
    });
  }
  for (const value of ['', ' ', 'key with spaces', 'ключ', 'k'.repeat(201), "'; DROP TABLE idempotency_keys; --"]) {
    post(`idempotency key ${JSON.stringify(value)}`, note(), [400], {
      headers: appendHeaders({ 'idempotency-key': value }),
    });
  }
  post('an idempotency key reused with a different body', note({ text: 'Different' }), [409, 422], {
    headers: appendHeaders({ 'idempotency-key': ctx.usedKey, 'if-match': `"${ctx.version - 1}"` }),
  });

  // ── Forged actors in bodies (400 / 422): the actor comes from the token ──
  const forged = [
    { role: 'clp', id: 'clp-ash' },
    { role: 'system', id: 'system' },
    { role: 'practice-manager', id: 'pm-ash' },
    { role: 'referrer', id: 'someone-else' },
    { role: 'administrator', id: 'admin' },
  ];
  for (const actor of forged) post(`forged actor ${actor.role}/${actor.id}`, note({ actor }), [400, 403, 422]);
  post('forged actor on created', created({ actor: { role: 'referrer', id: 'gp-birch' } }), [400, 403, 422], {
    url: eventsUrl(created().referralId),
    headers: appendHeaders({ 'if-match': '"0"' }),
  });
  post(
    'CLP-only event from a referrer',
    note({ type: 'contact-attempted', method: 'phone', outcome: 'no-answer', text: undefined }),
    [403, 409, 422],
  );

  // ── Cross-practice ids (403 / 404) ──
  cases.push({
    name: 'read another practice’s referral',
    method: 'GET',
    url: `/api/referrals/${ctx.otherReferral}`,
    headers: auth(),
    expect: [403, 404],
  });
  cases.push({
    name: 'list another practice’s caseload',
    method: 'GET',
    url: `/api/referrals?practice=${ctx.otherPractice}`,
    headers: auth(),
    expect: [403, 404],
  });
  cases.push({
    name: 'FHIR bundle of another practice’s referral',
    method: 'GET',
    url: `/api/fhir/Bundle?referral=${ctx.otherReferral}`,
    headers: auth(),
    expect: [403, 404],
  });
  cases.push({
    name: 'CLP reads another practice’s referral',
    method: 'GET',
    url: `/api/referrals/${ctx.otherReferral}`,
    headers: auth(ctx.clpToken),
    expect: [403, 404],
  });
  cases.push({
    name: 'evaluator reads a person-level referral',
    method: 'GET',
    url: `/api/referrals/${ctx.referral}`,
    headers: auth(ctx.evaluatorToken),
    expect: [403],
  });
  cases.push({
    name: 'evaluator lists a caseload',
    method: 'GET',
    url: `/api/referrals?practice=${ctx.practice}`,
    headers: auth(ctx.evaluatorToken),
    expect: [403],
  });
  post('append to another practice’s referral', note({ referralId: ctx.otherReferral }), [403, 404], {
    url: eventsUrl(ctx.otherReferral),
  });
  post('append as the other practice’s GP', note(), [403, 404], {
    headers: appendHeaders({ authorization: `Bearer ${ctx.otherToken}` }),
  });
  post('CLP appends to another practice’s referral', note({ referralId: ctx.otherReferral }), [403, 404], {
    url: eventsUrl(ctx.otherReferral),
    headers: appendHeaders({ authorization: `Bearer ${ctx.clpToken}` }),
  });
  post('evaluator appends', note(), [403], {
    headers: appendHeaders({ authorization: `Bearer ${ctx.evaluatorToken}` }),
  });
  post('create a referral at another practice', created({ practiceId: ctx.otherPractice }), [403, 422], {
    url: eventsUrl(created().referralId),
    headers: appendHeaders({ 'if-match': '"0"' }),
  });
  post(
    're-create an existing referral at another practice',
    created({ referralId: ctx.otherReferral, practiceId: ctx.practice }),
    [403, 404, 409, 412, 422],
    {
      url: eventsUrl(ctx.otherReferral),
      headers: appendHeaders({ 'if-match': '"0"' }),
    },
  );

  // ── Wrong methods (405) ──
  for (const [method, url] of [
    ['DELETE', `/api/referrals/${ctx.referral}`],
    ['PUT', `/api/referrals/${ctx.referral}`],
    ['PATCH', `/api/referrals/${ctx.referral}`],
    ['DELETE', eventsUrl()],
    ['PUT', eventsUrl()],
    ['PATCH', eventsUrl()],
    ['DELETE', '/api/referrals'],
    ['PUT', '/api/referrals'],
    ['DELETE', '/api/health'],
    ['POST', '/api/health'],
    ['PUT', '/api/dev/token'],
    ['DELETE', '/api/dev/users'],
  ]) {
    const headers = method === 'DELETE' ? auth() : { ...auth(), ...json };
    cases.push({
      name: `${method} ${url}`,
      method,
      url,
      headers,
      payload: method === 'DELETE' ? undefined : '{}',
      expect: [405],
    });
  }

  // ── Wrong content types (415) ──
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/jsonx',
    'image/png',
    'application/octet-stream',
  ]) {
    post(`content type ${type}`, JSON.stringify({ event: note() }), [415], {
      headers: appendHeaders({ 'content-type': type }),
    });
  }

  // ── Stale versions (409) ──
  for (const v of [0, 1, ctx.version + 1, ctx.version + 100]) {
    if (v === ctx.version) continue;
    post(`stale or future If-Match ${v}`, note(), [409, 412], { headers: appendHeaders({ 'if-match': `"${v}"` }) });
  }
  return cases;
}
