// Helpers shared by the connected caseload and referral-detail tests, and the tests of the controller itself.
import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import {
  createMemoryQueueStorage,
  createMemoryReferralStore,
  createQueuedReferralStore,
  type AppendOptions,
  type MemoryReferralStore,
  type QueuedReferralStore,
  type ReferralStore,
} from '@links-approach/core/service';
import type { ReferralEvent } from '@links-approach/core/referral';
import { referralContext, type ReferralSource } from './context.js';

export const CLP = { role: 'clp', id: 'clp-sb' } as const;
export const GP = { role: 'referrer', id: 'gp-sb-1' } as const;

/** Events bringing referral `id` to in progress, held by `clp-sb`. */
export function inProgressEvents(id: string, practiceId = 'springburn-hc', start = '2025-03-01'): ReferralEvent[] {
  let n = 0;
  const e = (time: string, actor: ReferralEvent['actor'], fields: Record<string, unknown>) =>
    ({
      id: `${id}-ev-${++n}`,
      referralId: id,
      at: `${start}T${time}:00Z`,
      actor,
      ...fields,
    }) as unknown as ReferralEvent;
  return [
    e('09:00', GP, {
      type: 'created',
      status: 'requested',
      person: `pt-${id}`,
      practiceId,
      route: 'gp',
      reasons: [{ themeId: 'living-well-day-to-day', text: 'Lonely since retiring' }],
      urgency: 'routine',
      consent: ['contact', 'share-outcome-with-gp-record'],
    }),
    e('10:00', CLP, { type: 'status-changed', to: 'accepted' }),
    e('10:05', CLP, { type: 'status-changed', to: 'in-progress' }),
  ];
}

/** A line to the service the test can cut. */
export interface Line {
  down: boolean;
}

export interface Connected {
  readonly service: MemoryReferralStore;
  readonly line: Line;
  readonly store: QueuedReferralStore;
  readonly source: ReferralSource;
  /** A wrapper element providing `source` as the referral context. */
  readonly wrap: HTMLDivElement;
  /** Appends straight to the service, as a colleague on another device would. */
  colleague(event: ReferralEvent): Promise<void>;
}

/** A memory service behind a line that can be cut, wrapped by the offline queue, provided on a wrapper element. */
export async function connected(
  referrals: readonly ReferralEvent[][],
  wrapInner: (inner: ReferralStore) => ReferralStore = (inner) => inner,
): Promise<Connected> {
  const service = createMemoryReferralStore();
  for (const events of referrals) expect((await service.seed(events)).ok).to.equal(true);
  const line: Line = { down: false };
  const offline = () => Promise.reject(new TypeError('Failed to fetch'));
  const cut: ReferralStore = {
    list: (q) => (line.down ? offline() : service.list(q)),
    get: (id) => (line.down ? offline() : service.get(id)),
    append: (event: ReferralEvent, options: AppendOptions) =>
      line.down
        ? Promise.resolve({ ok: false, errors: [{ code: 'unreachable', path: '', message: 'offline' }] })
        : service.append(event, options),
    subscribe: (listener) => service.subscribe(listener),
  };
  const store = createQueuedReferralStore(wrapInner(cut), createMemoryQueueStorage(), {
    flushOnReconnect: false,
    now: () => new Date('2025-03-20T12:00:00Z'),
  });
  const source: ReferralSource = { store };
  const wrap = document.createElement('div');
  new ContextProvider(wrap, { context: referralContext, initialValue: source });
  return {
    service,
    line,
    store,
    source,
    wrap,
    async colleague(event) {
      const version = (await service.get(event.referralId))?.referral.version ?? 0;
      const result = await service.append(event, { expectedVersion: version, idempotencyKey: `colleague-${event.id}` });
      expect(result.ok, result.ok ? '' : result.errors[0]!.message).to.equal(true);
    },
  };
}

export const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('connected referral helpers', () => {
  it('provide the referral context to an element inside the wrapper', async () => {
    const c = await connected([inProgressEvents('ref-h')]);
    await fixture(html`${c.wrap}`);
    let got: ReferralSource | undefined;
    const probe = document.createElement('span');
    c.wrap.append(probe);
    probe.dispatchEvent(
      new (class extends Event {
        context = referralContext;
        callback = (value: ReferralSource) => {
          got = value;
        };
        subscribe = false;
        contextTarget = probe;
        constructor() {
          super('context-request', { bubbles: true, composed: true });
        }
      })(),
    );
    expect(got).to.equal(c.source);
  });
});
