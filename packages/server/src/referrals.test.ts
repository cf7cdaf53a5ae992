import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyEvent,
  refusalReason,
  replay,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import { eventActor, Repository } from './repository.js';
import { as, assertProblem, body, createdEvent, forEachBackend, laterEvent } from './test-support.js';

type Append = { referral: { status: string; practiceId: string }; version: number; eventId: string };

forEachBackend('referral event streams', ({ service }) => {
  const post = async (
    user: string,
    id: string,
    payload: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) =>
    service().app.inject({
      method: 'POST',
      url: `/api/referrals/${id}/events`,
      headers: { ...(await as(service(), user)), ...headers },
      payload,
    });

  /** One referral as the detail route returns it, read by `user`. */
  const read = async (user: string, id: string) =>
    body<{ events: ReferralEvent[]; referral: { version: number; state: unknown } }>(
      await service().app.inject({ method: 'GET', url: `/api/referrals/${id}`, headers: await as(service(), user) }),
    );
  /** The referral's stored state equals core's replay of its stored stream. */
  const assertReplayEqualsState = (detail: Awaited<ReturnType<typeof read>>) =>
    assert.deepEqual(JSON.parse(JSON.stringify(replay(detail.events).state.referrals[0])), detail.referral.state);

  test('a GP creates a referral and the CLP accepts it: versions, ETags and the projection follow', async () => {
    const created = await post(
      'gp-ash',
      'ref-a1',
      { event: createdEvent('ref-a1', 'practice-ash') },
      { 'if-match': '"0"', 'idempotency-key': 'a1-create' },
    );
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers['etag'], '"1"');
    assert.equal(body<Append>(created).referral.status, 'requested');
    const accepted = await post('clp-ash', 'ref-a1', {
      expectedVersion: 1,
      event: laterEvent('ref-a1', { type: 'status-changed', to: 'accepted' }),
    });
    assert.equal(accepted.statusCode, 201, accepted.body);
    assert.equal(body<Append>(accepted).version, 2);

    const list = await service().app.inject({
      method: 'GET',
      url: '/api/referrals?practice=practice-ash&status=accepted',
      headers: await as(service(), 'clp-ash'),
    });
    assert.equal(list.statusCode, 200);
    const rows = body<{ referrals: { id: string; version: number; status: string }[] }>(list).referrals;
    assert.deepEqual(
      rows.map((r) => [r.id, r.version, r.status]),
      [['ref-a1', 2, 'accepted']],
    );

    const one = await service().app.inject({
      method: 'GET',
      url: '/api/referrals/ref-a1',
      headers: await as(service(), 'gp-ash'),
    });
    assert.equal(one.headers['etag'], '"2"');
    const detail = body<{ referral: { state: unknown }; events: ReferralEvent[] }>(one);
    assert.equal(detail.events.length, 2);
    // The projection equals a replay of the stored stream.
    assert.deepEqual(JSON.parse(JSON.stringify(replay(detail.events).state.referrals[0])), detail.referral.state);
  });

  test('the actor of every event is the signed-in user, never the request body', async () => {
    const forged = await post(
      'gp-ash',
      'ref-a2',
      { event: { ...createdEvent('ref-a2', 'practice-ash'), actor: { role: 'clp', id: 'clp-ash' } } },
      { 'if-match': '"0"' },
    );
    assertProblem(forged, 403, 'forged-actor');
    const ok = await post('gp-ash', 'ref-a2', { event: createdEvent('ref-a2', 'practice-ash') }, { 'if-match': '"0"' });
    assert.equal(ok.statusCode, 201);
    const detail = body<{ events: ReferralEvent[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a2',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.deepEqual(detail.events[0]!.actor, { role: 'referrer', id: 'gp-ash', practices: ['practice-ash'] });
  });

  test("the event's actor carries the practices of the verified token; core refuses it on another practice's referral (other-practice)", async () => {
    const ok = await post('gp-ash', 'ref-a9', { event: createdEvent('ref-a9', 'practice-ash') }, { 'if-match': '"0"' });
    assert.equal(ok.statusCode, 201, ok.body);
    const accepted = await post(
      'clp-ash',
      'ref-a9',
      { event: laterEvent('ref-a9', { type: 'status-changed', to: 'accepted' }) },
      { 'if-match': '"1"' },
    );
    assert.equal(accepted.statusCode, 201, accepted.body);
    const stored = await service().db.query<{ event: ReferralEvent }>(
      'SELECT event FROM referral_events WHERE referral_id = $1 ORDER BY version',
      ['ref-a9'],
    );
    assert.deepEqual(
      stored.map((r) => r.event.actor),
      [
        { role: 'referrer', id: 'gp-ash', practices: ['practice-ash'] },
        { role: 'clp', id: 'clp-ash', practices: ['practice-ash'] },
      ],
    );
    // Through HTTP the service's boundary answers first (404: the other practice's referral is hidden) …
    assertProblem(
      await post(
        'clp-birch',
        'ref-a9',
        { event: laterEvent('ref-a9', { type: 'note-added', text: 'x' }) },
        { 'if-match': '"2"' },
      ),
      404,
      'not-found',
    );
    // … and core itself refuses the same actor's event, as the stored actor says whom they act for.
    const state = body<{ referral: { state: ReferralState } }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a9',
        headers: await as(service(), 'gp-ash'),
      }),
    ).referral.state;
    const birch = {
      ...laterEvent('ref-a9', { type: 'note-added', text: 'x' }),
      actor: eventActor({ id: 'clp-birch', role: 'clp', practices: ['practice-birch', 'practice-cedar'] }),
    } as unknown as ReferralEvent;
    const refused = applyEvent(state, birch);
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.rejection.code, 'other-practice');
    // A user with no practices gets no (empty, invalid) list.
    assert.equal('practices' in eventActor({ id: 'x', role: 'referrer', practices: [] }), false);
  });

  test('a stale expected version is 409 with the current version, and nothing is written', async () => {
    await post('gp-ash', 'ref-a3', { event: createdEvent('ref-a3', 'practice-ash') }, { 'if-match': '"0"' });
    const stale = await post(
      'clp-ash',
      'ref-a3',
      { event: laterEvent('ref-a3', { type: 'status-changed', to: 'accepted' }) },
      { 'if-match': '"0"' },
    );
    const problem = assertProblem(stale, 409, 'version-conflict');
    assert.equal(problem['currentVersion'], 1);
    const again = await post(
      'gp-ash',
      'ref-a3',
      { event: createdEvent('ref-a3', 'practice-ash') },
      { 'if-match': '"0"' },
    );
    assertProblem(again, 409, 'version-conflict');
    const missing = await post('clp-ash', 'ref-a3', {
      event: laterEvent('ref-a3', { type: 'status-changed', to: 'accepted' }),
    });
    assertProblem(missing, 428, 'version-required');
    const detail = body<{ events: unknown[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a3',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.equal(detail.events.length, 1);
  });

  test('concurrent appends at one version: exactly one wins, the others get 409', async () => {
    await post('gp-ash', 'ref-a4', { event: createdEvent('ref-a4', 'practice-ash') }, { 'if-match': '"0"' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(
          'clp-ash',
          'ref-a4',
          { event: laterEvent('ref-a4', { type: 'note-added', text: `n${i}` }) },
          { 'if-match': '"1"' },
        ),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    const detail = body<{ events: unknown[]; referral: { version: number } }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a4',
        headers: await as(service(), 'clp-ash'),
      }),
    );
    assert.equal(detail.events.length, 2);
    assert.equal(detail.referral.version, 2);
  });

  test('appends to several referrals at once each get their own answer; one refused among them leaves the others written', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `ref-g${i}`);
    const created = new Map<string, Record<string, unknown>>();
    for (const id of ids) {
      const event = createdEvent(id, 'practice-ash');
      created.set(id, event);
      const r = await post('gp-ash', id, { event }, { 'if-match': '"0"', 'idempotency-key': `${id}-create` });
      assert.equal(r.statusCode, 201, r.body);
    }
    // Sent together, so they reach the database in one turn: ref-g4 repeats its created event's id
    // (core's duplicate check), ref-g5 reuses a key for another request.
    const results = await Promise.all(
      ids.map((id, i) =>
        post(
          'gp-ash',
          id,
          {
            event:
              i === 4
                ? { ...laterEvent(id, { type: 'note-added', text: 'again' }), id: created.get(id)!['id'] }
                : laterEvent(id, { type: 'note-added', text: `note ${i}` }),
          },
          // ref-g3 sends no key (a null among the batch's keys).
          i === 3
            ? { 'if-match': '"1"' }
            : { 'if-match': '"1"', 'idempotency-key': i === 5 ? 'ref-g0-create' : `${id}-note` },
        ),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [201, 201, 201, 201, 422, 422],
    );
    for (const r of results.slice(0, 4)) assert.equal(body<Append>(r).version, 2);
    assertProblem(results[4]!, 422, 'duplicate-event-id');
    assertProblem(results[5]!, 422, 'idempotency-key-reused');
    for (const [i, id] of ids.entries()) {
      const detail = await read('gp-ash', id);
      assert.equal(detail.events.length, i < 4 ? 2 : 1, id);
      assert.equal(detail.referral.version, detail.events.length, id);
      assertReplayEqualsState(detail);
    }
  });

  test('an append after another process moved the stream is decided on what is stored: 409, then written at the new version', async () => {
    /** A note by the GP on ref-p1, written against `version`. */
    const noteAt = (version: number, text: string) =>
      post(
        'gp-ash',
        'ref-p1',
        { event: laterEvent('ref-p1', { type: 'note-added', text }) },
        { 'if-match': `"${version}"` },
      );
    await post('gp-ash', 'ref-p1', { event: createdEvent('ref-p1', 'practice-ash') }, { 'if-match': '"0"' });
    const second = await noteAt(1, 'one');
    assert.equal(second.statusCode, 201, second.body);
    // Another server process on the same database (its own repository) appends version 3.
    const elsewhere = new Repository(service().db);
    const moved = await elsewhere.appendReferralEvent(
      { id: 'gp-ash', role: 'referrer', practices: ['practice-ash'] },
      { referralId: 'ref-p1', event: laterEvent('ref-p1', { type: 'note-added', text: 'two' }), expectedVersion: 2 },
    );
    assert.equal(moved.body.version, 3);
    // This process last wrote version 2: an append written against 2 is stale.
    assert.equal(assertProblem(await noteAt(2, 'three'), 409, 'version-conflict')['currentVersion'], 3);
    const current = await noteAt(3, 'four');
    assert.equal(current.statusCode, 201, current.body);
    assert.equal(body<Append>(current).version, 4);
    const detail = await read('gp-ash', 'ref-p1');
    assert.deepEqual(
      detail.events.map((e) => (e as { text?: string }).text ?? e.type),
      ['created', 'one', 'two', 'four'],
    );
    assertReplayEqualsState(detail);
  });

  test('a retried idempotency key returns the first answer and writes nothing', async () => {
    const event = createdEvent('ref-a5', 'practice-ash');
    const first = await post('gp-ash', 'ref-a5', { event }, { 'if-match': '"0"', 'idempotency-key': 'retry-me' });
    const second = await post('gp-ash', 'ref-a5', { event }, { 'if-match': '"0"', 'idempotency-key': 'retry-me' });
    assert.equal(first.statusCode, 201);
    assert.equal(second.statusCode, 201);
    assert.equal(second.headers['idempotent-replayed'], 'true');
    assert.deepEqual(body(second), body(first));
    // After the stream has moved on, a retry still gets the first answer (the referral as it was then).
    const later = await post(
      'clp-ash',
      'ref-a5',
      { event: laterEvent('ref-a5', { type: 'status-changed', to: 'accepted' }) },
      { 'if-match': '"1"' },
    );
    assert.equal(later.statusCode, 201, later.body);
    const third = await post('gp-ash', 'ref-a5', { event }, { 'if-match': '"0"', 'idempotency-key': 'retry-me' });
    assert.equal(third.statusCode, 201);
    assert.equal(third.headers['idempotent-replayed'], 'true');
    assert.deepEqual(body(third), body(first));
    const reused = await post(
      'gp-ash',
      'ref-a5',
      { event: { ...event, urgency: 'urgent' } },
      { 'if-match': '"0"', 'idempotency-key': 'retry-me' },
    );
    assertProblem(reused, 422, 'idempotency-key-reused');
    const detail = body<{ events: unknown[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a5',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.equal(detail.events.length, 2);
  });

  test('the projection row keeps the summary (no timeline, no notes); reading one referral replays its stream in full', async () => {
    await post('gp-ash', 'ref-s1', { event: createdEvent('ref-s1', 'practice-ash') }, { 'if-match': '"0"' });
    const note = laterEvent('ref-s1', { type: 'note-added', text: 'Spoke about the walking group' });
    const appended = await post('gp-ash', 'ref-s1', { event: note }, { 'if-match': '"1"' });
    assert.equal(appended.statusCode, 201, appended.body);
    const answer = body<{ referral: Record<string, unknown>; version: number }>(appended);
    assert.equal(answer.version, 2);
    assert.equal(
      'timeline' in answer.referral || 'notes' in answer.referral,
      false,
      'the append answers with the summary',
    );
    const detail = body<{ referral: { state: ReferralState }; events: ReferralEvent[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-s1',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.deepEqual(
      detail.referral.state.notes.map((n) => n.text),
      ['Spoke about the walking group'],
    );
    assert.equal(detail.referral.state.timeline.length, 2);
    const full = JSON.parse(JSON.stringify(replay(detail.events).state.referrals[0])) as ReferralState;
    const { timeline: _timeline, notes: _notes, ...summary } = full;
    const stored = await service().db.query<{ state: Record<string, unknown> }>(
      'SELECT state FROM referrals WHERE id = $1',
      ['ref-s1'],
    );
    assert.deepEqual(stored[0]!.state, summary);
    assert.deepEqual(answer.referral, summary);
    const list = body<{ referrals: { id: string; state: Record<string, unknown> }[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals?practice=practice-ash&limit=500',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.deepEqual(list.referrals.find((r) => r.id === 'ref-s1')!.state, summary);
  });

  test("an event id already in the stream is refused by core's duplicate check (422 duplicate-event-id), though the row keeps no timeline", async () => {
    await post('gp-ash', 'ref-s2', { event: createdEvent('ref-s2', 'practice-ash') }, { 'if-match': '"0"' });
    const note = laterEvent('ref-s2', { type: 'note-added', text: 'First' });
    assert.equal((await post('gp-ash', 'ref-s2', { event: note }, { 'if-match': '"1"' })).statusCode, 201);
    await post(
      'gp-ash',
      'ref-s2',
      { event: laterEvent('ref-s2', { type: 'note-added', text: 'Second' }) },
      { 'if-match': '"2"' },
    );
    assertProblem(
      await post('gp-ash', 'ref-s2', { event: { ...note, text: 'Again' } }, { 'if-match': '"3"' }),
      422,
      'duplicate-event-id',
    );
    const detail = body<{ events: unknown[] }>(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-s2',
        headers: await as(service(), 'gp-ash'),
      }),
    );
    assert.equal(detail.events.length, 3);
  });

  test("an event core's workflow refuses is 422 with core's code and reason", async () => {
    await post('gp-ash', 'ref-a6', { event: createdEvent('ref-a6', 'practice-ash') }, { 'if-match': '"0"' });
    // A referrer may not accept a referral: only the CLP may.
    const refused = await post(
      'gp-ash',
      'ref-a6',
      { event: laterEvent('ref-a6', { type: 'status-changed', to: 'accepted' }) },
      { 'if-match': '"1"' },
    );
    const problem = assertProblem(refused, 422);
    const error = (problem['errors'] as { code: string; message: string; params?: Record<string, unknown> }[])[0]!;
    assert.notEqual(error.code, 'invalid');
    assert.match(error.message, /referrer|Community Links Practitioner|CLP/i);
    // The code comes with core's parameters, unchanged: a client renders the reason from them in its own language.
    assert.equal(error.code, 'role-not-allowed');
    assert.deepEqual(error.params, { kind: 'status', to: 'accepted', roles: ['clp'], actor: 'referrer' });
    assert.equal(refusalReason('role-not-allowed', error.params as never), error.message);
    const invalid = await post(
      'gp-ash',
      'ref-a6',
      { event: laterEvent('ref-a6', { type: 'status-changed', to: 'flying' }) },
      { 'if-match': '"1"' },
    );
    assertProblem(invalid, 422, 'invalid-event');
  });

  test('practice boundaries: another practice’s referral is not found, and creating one there is forbidden', async () => {
    await post('gp-ash', 'ref-a7', { event: createdEvent('ref-a7', 'practice-ash') }, { 'if-match': '"0"' });
    assertProblem(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals/ref-a7',
        headers: await as(service(), 'gp-birch'),
      }),
      404,
      'not-found',
    );
    assertProblem(
      await post(
        'clp-birch',
        'ref-a7',
        { event: laterEvent('ref-a7', { type: 'status-changed', to: 'accepted' }) },
        { 'if-match': '"1"' },
      ),
      404,
      'not-found',
    );
    assertProblem(
      await post('gp-birch', 'ref-b1', { event: createdEvent('ref-b1', 'practice-ash') }, { 'if-match': '"0"' }),
      403,
      'outside-practice',
    );
    const list = body<{ referrals: { practiceId: string }[] }>(
      await service().app.inject({ method: 'GET', url: '/api/referrals', headers: await as(service(), 'gp-birch') }),
    );
    assert.ok(list.referrals.every((r) => r.practiceId === 'practice-birch'));
    assertProblem(
      await service().app.inject({
        method: 'GET',
        url: '/api/referrals?practice=practice-ash',
        headers: await as(service(), 'gp-birch'),
      }),
      403,
      'outside-practice',
    );
    assertProblem(
      await service().app.inject({ method: 'GET', url: '/api/referrals', headers: await as(service(), 'evaluator') }),
      403,
      'forbidden',
    );
  });

  test('the FHIR Bundle of a referral comes from core’s exporter, within the practice boundary', async () => {
    await post('gp-ash', 'ref-a8', { event: createdEvent('ref-a8', 'practice-ash') }, { 'if-match': '"0"' });
    const bundle = await service().app.inject({
      method: 'GET',
      url: '/api/fhir/Bundle?referral=ref-a8',
      headers: await as(service(), 'clp-ash'),
    });
    assert.equal(bundle.statusCode, 200, bundle.body);
    assert.match(String(bundle.headers['content-type']), /^application\/fhir\+json/);
    const doc = body<{ resourceType: string; type: string; entry: { resource: { resourceType: string } }[] }>(bundle);
    assert.equal(doc.resourceType, 'Bundle');
    assert.ok(doc.entry.some((e) => e.resource.resourceType === 'ServiceRequest'));
    assertProblem(
      await service().app.inject({
        method: 'GET',
        url: '/api/fhir/Bundle?referral=ref-a8',
        headers: await as(service(), 'clp-birch'),
      }),
      404,
    );
  });

  test('every person-level read and every write is in the audit trail, which only administrators read', async () => {
    assertProblem(
      await service().app.inject({ method: 'GET', url: '/api/audit', headers: await as(service(), 'pm-ash') }),
      403,
      'forbidden',
    );
    const audit = await service().app.inject({
      method: 'GET',
      url: '/api/audit?limit=500',
      headers: await as(service(), 'admin'),
    });
    assert.equal(audit.statusCode, 200);
    const entries = body<{
      entries: {
        userId: string;
        role: string;
        action: string;
        resource: string;
        targetId: string | null;
        practiceId: string | null;
      }[];
    }>(audit).entries;
    assert.ok(
      entries.some(
        (e) =>
          e.userId === 'gp-ash' &&
          e.action === 'write' &&
          e.resource === 'referral' &&
          e.targetId === 'ref-a1' &&
          e.practiceId === 'practice-ash',
      ),
    );
    assert.ok(entries.some((e) => e.userId === 'clp-ash' && e.action === 'read' && e.resource === 'referral'));
    assert.ok(entries.some((e) => e.userId === 'clp-ash' && e.action === 'read' && e.resource === 'fhir'));
    assert.ok(entries.some((e) => e.userId === 'gp-birch' && e.action === 'refused'));
    // No free text: the entries hold ids, roles and codes only.
    assert.doesNotMatch(audit.body, /pt-7f3a9c|living-well/);
    // Append-only: the database refuses to change an entry.
    await assert.rejects(service().db.query("UPDATE audit_log SET user_id = 'someone-else'"), /append-only/);
    await assert.rejects(service().db.query('DELETE FROM audit_log'), /append-only/);
  });
});
