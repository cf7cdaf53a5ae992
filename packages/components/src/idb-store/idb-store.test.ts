import { expect } from '@open-wc/testing';
import { addAim, parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { type StoreEvent } from '@links-approach/core/store';
import { createIdbPlanStore, deleteIdbStore, type IdbStore } from './idb-store.js';

const SAMPLE_URL = new URL('../../../../examples/data/sample-plan.json', import.meta.url);

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(await (await fetch(SAMPLE_URL)).json());
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

let counter = 0;
const opened: IdbStore<Plan>[] = [];

function freshName(): string {
  counter += 1;
  return `links-test-${Date.now()}-${counter}`;
}

function open(databaseName: string): IdbStore<Plan> {
  let t = Date.parse('2025-04-01T09:00:00Z');
  const store = createIdbPlanStore({ databaseName, now: () => new Date((t += 60_000)) });
  opened.push(store);
  return store;
}

function nextEvent(store: IdbStore<Plan>): Promise<StoreEvent<Plan>> {
  return new Promise((resolve) => {
    const stop = store.subscribe((event) => {
      stop();
      resolve(event);
    });
  });
}

describe('IndexedDB plan store', () => {
  afterEach(async () => {
    const names = new Set(opened.map((s) => s.databaseName));
    for (const store of opened.splice(0)) store.close();
    for (const name of names) await deleteIdbStore(name);
  });

  it('saves revisions with number, time and author, and keeps them across a reopen (a page reload)', async () => {
    const name = freshName();
    const store = open(name);
    const plan = await samplePlan();
    const first = await store.save(plan, { expectedRevision: 0, author: 'Practice manager' });
    expect(first.ok).to.be.true;
    if (!first.ok) return;
    expect(first.value.revision).to.equal(1);
    expect(first.value.savedBy).to.equal('Practice manager');
    const edited = addAim(first.value, 'awareness', {
      statement: 'Reception staff complete Links awareness training.',
    });
    if (!edited.ok) throw new Error('edit failed');
    const second = await store.save(edited.value, { expectedRevision: 1, author: 'Community Links Practitioner' });
    expect(second.ok).to.be.true;
    store.close();

    const reopened = open(name);
    const latest = await reopened.get(plan.id);
    expect(latest?.revision).to.equal(2);
    expect(latest?.capacities['awareness']?.aims).to.have.length(2);
    const history = await reopened.history(plan.id);
    expect(history.map((p) => [p.revision, p.savedBy])).to.deep.equal([
      [1, 'Practice manager'],
      [2, 'Community Links Practitioner'],
    ]);
    expect(history[0]!.capacities['awareness']!.aims).to.have.length(1);
    expect((await reopened.list()).map((p) => p.id)).to.deep.equal([plan.id]);
    expect(await reopened.get('missing')).to.equal(undefined);
    expect(Object.isFrozen(latest)).to.be.true;
  });

  it('refuses a stale revision with a conflict carrying the current one, and writes nothing', async () => {
    const store = open(freshName());
    const plan = await samplePlan();
    await store.save(plan, { expectedRevision: 0, author: 'Practice manager' });
    await store.save(plan, { expectedRevision: 1, author: 'Lead GP' });
    const stale = await store.save(
      { ...plan, title: 'Lost edit?' },
      { expectedRevision: 1, author: 'Practice manager' },
    );
    expect(stale.ok).to.be.false;
    if (stale.ok) return;
    const [error] = stale.errors;
    expect(error!.code).to.equal('conflict');
    expect(error!.code === 'conflict' && error!.currentRevision).to.equal(2);
    expect((await store.get(plan.id))?.title).to.equal(plan.title);
    expect(await store.history(plan.id)).to.have.length(2);
  });

  it('two tabs saving the same revision at once: exactly one wins', async () => {
    const name = freshName();
    const tabA = open(name);
    const tabB = open(name);
    const plan = await samplePlan();
    await tabA.save(plan, { expectedRevision: 0, author: 'Practice manager' });
    const [a, b] = await Promise.all([
      tabA.save({ ...plan, title: 'Edit in tab A' }, { expectedRevision: 1, author: 'Lead GP' }),
      tabB.save({ ...plan, title: 'Edit in tab B' }, { expectedRevision: 1, author: 'Practice nurse' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).to.have.length(1);
    expect(await tabA.history(plan.id)).to.have.length(2);
  });

  it('refuses an invalid plan with JSON paths and leaves stored data unchanged', async () => {
    const store = open(freshName());
    const plan = await samplePlan();
    await store.save(plan, { expectedRevision: 0, author: 'Practice manager' });
    const before = JSON.stringify(await store.history(plan.id));
    const broken = structuredClone(plan) as unknown as { capacities: Record<string, { aims: { target?: unknown }[] }> };
    broken.capacities['signposting']!.aims[0]!.target = 'thirty';
    const result = await store.save(broken as unknown as Plan, { expectedRevision: 1, author: 'Practice manager' });
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(result.errors).to.deep.equal([
      {
        code: 'invalid',
        path: 'capacities.signposting.aims[0].target',
        message: 'must be a number, not text',
        messageCode: 'wrong-type',
        params: { expected: 'number', received: 'string' },
      },
    ]);
    expect(JSON.stringify(await store.history(plan.id))).to.equal(before);
  });

  it('tells subscribers about saves, in this tab and in other tabs of the same database', async () => {
    const name = freshName();
    const here = open(name);
    const otherTab = open(name);
    const plan = await samplePlan();
    const local = nextEvent(here);
    const remote = nextEvent(otherTab);
    await here.save(plan, { expectedRevision: 0, author: 'Practice manager' });
    const heardHere = await local;
    expect([heardHere.id, heardHere.revision]).to.deep.equal([plan.id, 1]);
    const heardThere = await remote;
    expect([heardThere.id, heardThere.revision]).to.deep.equal([plan.id, 1]);
    expect(heardThere.document?.savedBy).to.equal('Practice manager');

    let calls = 0;
    const stop = here.subscribe(() => (calls += 1));
    stop();
    await here.save(plan, { expectedRevision: 1, author: 'Lead GP' });
    expect(calls).to.equal(0);
  });
});
