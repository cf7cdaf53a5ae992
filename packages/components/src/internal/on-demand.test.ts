import { expect } from '@open-wc/testing';
import { OnDemand } from './on-demand.js';

describe('OnDemand (code loaded when the person acts)', () => {
  it('loads once, runs tasks with the module, and settles after them', async () => {
    let loads = 0;
    const code = new OnDemand(async () => {
      loads += 1;
      return { answer: 42 };
    });
    expect(code.module).to.equal(undefined);
    const seen: number[] = [];
    void code.run(
      (m) => seen.push(m.answer),
      () => seen.push(-1),
    );
    void code.run(
      (m) => seen.push(m.answer + 1),
      () => seen.push(-1),
    );
    await code.settled();
    expect(seen).to.deep.equal([42, 43]);
    expect(loads).to.equal(1);
    // Once loaded, a task runs at once.
    void code.run(
      (m) => seen.push(m.answer + 2),
      () => seen.push(-1),
    );
    expect(seen).to.deep.equal([42, 43, 44]);
  });

  it('reports a failed load (offline) to the task’s fallback, never throws, and fetches again next time', async () => {
    let online = false;
    const code = new OnDemand(async () => {
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return { ok: true };
    });
    code.prefetch();
    const seen: string[] = [];
    await code.run(
      () => seen.push('ran'),
      () => seen.push('offline'),
    );
    expect(seen).to.deep.equal(['offline']);
    online = true;
    await code.run(
      () => seen.push('ran'),
      () => seen.push('offline'),
    );
    expect(seen).to.deep.equal(['offline', 'ran']);
  });
});
