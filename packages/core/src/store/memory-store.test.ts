/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely to break them */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addAim,
  createMemoryPlanStore,
  createMemoryStore,
  parsePlanDocument,
  summariseRevisions,
  type Plan,
  type PlanStore,
  type StoreEvent,
} from '../test-all.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');

function sample(): Plan {
  const result = parsePlanDocument(JSON.parse(SAMPLE_TEXT));
  assert.ok(result.ok);
  return result.value;
}

function clock(start = '2025-04-01T09:00:00.000Z') {
  let t = Date.parse(start);
  return () => new Date((t += 60_000));
}

async function seeded(): Promise<{ store: PlanStore; plan: Plan }> {
  const store = createMemoryPlanStore({ now: clock() });
  const saved = await store.save(sample(), { expectedRevision: 0, author: 'Practice manager' });
  assert.ok(saved.ok);
  return { store, plan: saved.value };
}

test('a save produces the next revision with time and author; history keeps every revision', async () => {
  const { store, plan } = await seeded();
  assert.equal(plan.revision, 1, 'the first save of a document is revision 1, whatever the file said');
  assert.equal(plan.savedAt, '2025-04-01T09:01:00.000Z');
  assert.equal(plan.savedBy, 'Practice manager');

  const edited = addAim(plan, 'awareness', { statement: 'Reception staff complete Links awareness training.' });
  assert.ok(edited.ok);
  const second = await store.save(edited.value, { expectedRevision: 1, author: 'Community Links Practitioner' });
  assert.ok(second.ok);
  assert.equal(second.value.revision, 2);
  assert.equal(second.value.savedBy, 'Community Links Practitioner');

  assert.equal((await store.get(plan.id))?.revision, 2);
  const history = await store.history(plan.id);
  assert.deepEqual(summariseRevisions(history), [
    { revision: 1, savedAt: '2025-04-01T09:01:00.000Z', savedBy: 'Practice manager', status: 'agreed' },
    { revision: 2, savedAt: '2025-04-01T09:02:00.000Z', savedBy: 'Community Links Practitioner', status: 'agreed' },
  ]);
  assert.equal(history[0]!.capacities['awareness']!.aims.length, 1, 'the earlier revision is unchanged');
  assert.equal(history[1]!.capacities['awareness']!.aims.length, 2);
  assert.deepEqual(await store.history('nope'), []);
  assert.equal(await store.get('nope'), undefined);
});

test('a stale expectedRevision is a conflict carrying the current revision, and nothing is written', async () => {
  const { store, plan } = await seeded();
  const first = await store.save(plan, { expectedRevision: 1, author: 'Lead GP' });
  assert.ok(first.ok);
  const stale = await store.save(plan, { expectedRevision: 1, author: 'Practice manager' });
  assert.ok(!stale.ok);
  const [error] = stale.errors;
  assert.ok(error && error.code === 'conflict');
  assert.equal(error.currentRevision, 2);
  assert.equal(error.expectedRevision, 1);
  assert.equal(error.currentSavedBy, 'Lead GP');
  assert.match(error.message, /revision 2 is stored \(saved by Lead GP at .*\): someone else saved a newer version/);
  assert.equal((await store.history(plan.id)).length, 2);

  const fresh = await store.save({ ...plan, id: 'another-plan' }, { expectedRevision: 3, author: 'Lead GP' });
  assert.ok(!fresh.ok);
  assert.equal(fresh.errors[0]!.code, 'conflict');
  assert.equal((fresh.errors[0] as { currentRevision: number }).currentRevision, 0);
  assert.equal(await store.get('another-plan'), undefined);
});

test('an invalid plan or author is refused with paths, and stored data is unchanged', async () => {
  const { store, plan } = await seeded();
  const before = JSON.stringify(await store.history(plan.id));
  const broken = structuredClone(plan) as any;
  broken.capacities.signposting.aims[0].target = 'thirty';
  const invalid = await store.save(broken, { expectedRevision: 1, author: 'Practice manager' });
  assert.ok(!invalid.ok);
  assert.deepEqual(invalid.errors, [
    {
      code: 'invalid',
      path: 'capacities.signposting.aims[0].target',
      message: 'must be a number, not text',
      messageCode: 'wrong-type',
      params: { expected: 'number', received: 'string' },
    },
  ]);

  const badAuthor = await store.save(plan, { expectedRevision: 1, author: '' });
  assert.ok(!badAuthor.ok);
  assert.deepEqual(badAuthor.errors, [
    { code: 'invalid', path: 'savedBy', message: 'must not be empty', messageCode: 'text-empty', params: {} },
  ]);
  const chi = await store.save(plan, { expectedRevision: 1, author: '0101901234' });
  assert.ok(!chi.ok);
  assert.match(chi.errors[0]!.message, /CHI/);

  const badRevision = await store.save(plan, { expectedRevision: -1, author: 'Practice manager' });
  assert.ok(!badRevision.ok);
  assert.equal(badRevision.errors[0]!.path, 'expectedRevision');

  const hostile = JSON.parse(JSON.stringify(plan).replace('"team":[]', '"team":[],"__proto__":{"x":1}'));
  const hostileResult = await store.save(hostile, { expectedRevision: 1, author: 'Practice manager' });
  assert.equal(hostileResult.ok, false);
  for (const junk of [null, 'plan', 42]) {
    const result = await store.save(junk as never, { expectedRevision: 0, author: 'Practice manager' });
    assert.equal(result.ok, false);
  }
  assert.equal(JSON.stringify(await store.history(plan.id)), before);
  assert.equal((await store.list()).length, 1);
});

test('stored revisions are frozen copies: changing the saved object or a returned one cannot alter the store', async () => {
  const store = createMemoryPlanStore();
  const mine = structuredClone(sample()) as any;
  const saved = await store.save(mine, { expectedRevision: 0, author: 'Practice manager' });
  assert.ok(saved.ok);
  mine.title = 'changed after saving';
  const got = (await store.get(mine.id))!;
  assert.notEqual(got.title, 'changed after saving');
  assert.throws(() => {
    (got as any).title = 'changed';
  }, TypeError);
});

test('subscribers hear every save; unsubscribing stops them; a failing subscriber does not fail the save', async () => {
  const { store, plan } = await seeded();
  const heard: StoreEvent<Plan>[] = [];
  store.subscribe(() => {
    throw new Error('subscriber bug');
  });
  const unsubscribe = store.subscribe((event) => heard.push(event));
  const saved = await store.save(plan, { expectedRevision: 1, author: 'Lead GP' });
  assert.ok(saved.ok);
  assert.deepEqual(
    heard.map((e) => [e.type, e.id, e.revision]),
    [['saved', plan.id, 2]],
  );
  assert.equal(heard[0]!.document, saved.value);
  await store.save(plan, { expectedRevision: 1, author: 'Lead GP' }); // conflict: no event
  assert.equal(heard.length, 1);
  unsubscribe();
  await store.save(plan, { expectedRevision: 2, author: 'Lead GP' });
  assert.equal(heard.length, 1);
});

test('list returns the latest revision of each document, by id; the generic store works for any codec', async () => {
  const { store, plan } = await seeded();
  await store.save({ ...plan, id: 'a-plan' }, { expectedRevision: 0, author: 'Lead GP' });
  await store.save(plan, { expectedRevision: 1, author: 'Lead GP' });
  assert.deepEqual(
    (await store.list()).map((p) => [p.id, p.revision]),
    [
      ['a-plan', 1],
      [plan.id, 2],
    ],
  );

  interface Note {
    id: string;
    revision: number;
    savedAt: string;
    savedBy: string;
    text: string;
  }
  const notes = createMemoryStore<Note>({
    kind: 'test.note',
    validate: (input) => {
      const note = input as Note;
      return typeof note.text === 'string' && note.text.length > 0
        ? { ok: true, value: { ...note } }
        : { ok: false, errors: [{ path: 'text', message: 'must not be empty' }] };
    },
  });
  const first = await notes.save(
    { id: 'n1', revision: 0, savedAt: '', savedBy: '', text: 'hello' },
    { expectedRevision: 0, author: 'CLP' },
  );
  assert.ok(first.ok);
  assert.equal(first.value.revision, 1);
  const bad = await notes.save({ ...first.value, text: '' }, { expectedRevision: 1, author: 'CLP' });
  assert.deepEqual(bad, { ok: false, errors: [{ code: 'invalid', path: 'text', message: 'must not be empty' }] });
});
