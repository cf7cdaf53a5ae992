// The referrals section of the demo page: the practice's caseload (the sample
// referrals in examples/data/sample-referrals.json plus seeded demo referrals),
// its figures, one referral's detail with the actions the chosen user may take
// (with the resource finder inside, to link a resource), and the referral form.
// Referrals are kept in IndexedDB through the page's <links-provider>: every
// action is appended to the referral's record as a new revision, so it is
// still there after a reload. People are shown with the names the host's
// person-label resolver gives (fictional ones: see host.ts).
import '@links-approach/components';
import { createMemoryDirectory, parseAlissSearchPage } from '@links-approach/core/resources';
import { generateDemoReferrals } from '@links-approach/core/demo-data';
import {
  parseReferralEvents,
  replay,
  type ActorRole,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import { demoStore } from './host.js';
import { appendEvent, loadEvents, referralRecordCodec, seedReferrals } from './referral-store.js';
import { session, ServiceProblem, type ServiceSession, type ServicePractice } from './service.js';

/** "Today" for the demo data: overdue flags and figures are as of this moment. */
const AS_OF = '2025-03-31T17:00:00Z';
const PRACTICE = { id: 'springburn-hc', name: 'Springburn Health Centre', listSize: 9840, clpId: 'clp-sb' };
const USERS: Record<string, { role: ActorRole; id: string; label: string }> = {
  clp: { role: 'clp', id: 'clp-sb', label: 'Community Links Practitioner (clp-sb)' },
  referrer: { role: 'referrer', id: 'gp-sb-1', label: 'GP (gp-sb-1)' },
  'practice-manager': { role: 'practice-manager', id: 'pm-sb', label: 'Practice manager (pm-sb)' },
};

const caseload = document.querySelector('links-caseload');
const summary = document.querySelector('links-caseload-summary');
const detail = document.querySelector('links-referral-detail');
const form = document.querySelector('links-referral-form');
const finder = document.querySelector<HTMLElementTagNameMap['links-resource-finder']>('#referral-resource-finder');
const status = document.querySelector('#referral-status');
const roleSelect = document.querySelector<HTMLSelectElement>('#referral-user');
const personSelect = document.querySelector<HTMLSelectElement>('#referral-person');

/** The seed: the sample referrals and 140 generated ones for this practice. */
async function seedEvents(): Promise<ReferralEvent[]> {
  const response = await fetch(new URL('../data/sample-referrals.json', import.meta.url));
  const sample = parseReferralEvents(await response.text(), { format: 'json' });
  if (!sample.ok)
    throw new Error(`The sample referrals are not valid: ${sample.errors[0]?.path} ${sample.errors[0]?.message}`);
  const seeded = generateDemoReferrals({ practices: [PRACTICE], seed: 2025, asOf: AS_OF, referralsPerPractice: 140 });
  return [...sample.value, ...seeded.events];
}

const store = demoStore(referralRecordCodec);
/** The service session when the page uses the team's service (see service.ts); else the page keeps referrals in this browser. */
let connected: ServiceSession | undefined;
/** Each referral's stream version at the service: the `If-Match` of the next append. */
const versions = new Map<string, number>();
let referrals: ReferralState[] = [];
let rejected = 0;
/** Saves run one after another, so two quick actions on one referral do not race. */
let saving: Promise<unknown> = Promise.resolve();
/** The referral this tab is saving now (its own saves need no reload). */
let savingId: string | undefined;

function show(message: string): void {
  if (status) status.textContent = message;
}

function refresh(): void {
  if (caseload) caseload.referrals = referrals;
  if (summary) summary.referrals = referrals;
  if (form) form.referrals = referrals;
}

function open(referral: ReferralState | undefined): void {
  if (!detail || !referral) return;
  detail.referral = referral;
  if (caseload) caseload.selected = referral.id;
}

/** Replays every stored event: the referrals as the store has them now. */
async function reload(): Promise<void> {
  const result = replay(await loadEvents(store), { trusted: true });
  referrals = [...result.state.referrals];
  rejected = result.rejected.length;
  refresh();
  const current = detail?.referral && referrals.find((r) => r.id === detail.referral!.id);
  if (current && current !== detail?.referral) open(current);
}

let reloadQueued = false;
/** One reload for a burst of saves from elsewhere. */
function queueReload(): void {
  if (reloadQueued) return;
  reloadQueued = true;
  setTimeout(() => {
    reloadQueued = false;
    void reload();
  }, 100);
}

/** Stores an event the elements accepted; says so if the store refuses it. */
function keep(event: ReferralEvent, author: string): void {
  if (connected) {
    const service = connected;
    saving = saving.then(() => send(service, event));
    return;
  }
  saving = saving.then(async () => {
    savingId = event.referralId;
    const saved = await appendEvent(store, event, author).finally(() => (savingId = undefined));
    if (!saved.ok) {
      show(
        `Not saved: ${
          saved.errors[0]?.message ?? 'the store refused it'
        }. Reload the page to see the referral as stored.`,
      );
    }
  });
}

async function start(): Promise<void> {
  const signedIn = await session;
  if (signedIn) return startConnected(signedIn);
  if ((await store.list()).length === 0) await seedReferrals(store, await seedEvents());
  for (const element of [caseload, summary, detail]) if (element) element.asOf = AS_OF;
  if (caseload) caseload.practices = [{ id: PRACTICE.id, name: PRACTICE.name }];
  if (summary) summary.practices = [PRACTICE];
  await reload();
  open(referrals.find((r) => r.id === 'ref-sb-002'));
  show(
    `${referrals.length} referrals replayed from the events stored in this browser; ${rejected} sample events were refused by the workflow, as intended.`,
  );
  // Saves from another tab: show them here too.
  store.subscribe((event) => {
    if (event.id !== savingId) queueReload();
  });

  if (finder) {
    const response = await fetch(new URL('../data/aliss-fixture.json', import.meta.url));
    const page = parseAlissSearchPage(await response.json());
    if (page.ok) {
      const directory = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
      if (directory.ok) finder.directory = directory.value;
    }
  }
}

// ---------------------------------------------------------------------------
// Connected to the team's service: referrals are what the signed-in user's role and practices may see; each
// action is appended to the referral's event stream at the service (If-Match: the version this page has, an
// idempotency key so a retry is never recorded twice). The service decides with core's workflow; its refusals
// are shown in its own words.

/** The CLP of each demo practice (the service's demo users). */
const CLP_OF: Record<string, string> = { 'practice-ash': 'clp-ash', 'practice-birch': 'clp-birch', 'practice-cedar': 'clp-birch' };
const WORKFLOW_ROLES = new Set<string>(['referrer', 'clp', 'practice-manager']);

interface ServiceReferral {
  readonly id: string;
  readonly version: number;
  readonly state: ReferralState;
}

/** Every referral the signed-in user may see, page by page (100 a page, at most 50 pages). */
async function loadFromService(service: ServiceSession): Promise<void> {
  const all: ReferralState[] = [];
  let after: string | null = '';
  for (let page = 0; page < 50 && after !== null; page++) {
    const query: string = after ? `?limit=100&after=${encodeURIComponent(after)}` : '?limit=100';
    const answer: { referrals: ServiceReferral[]; next: string | null } = await service.request(`referrals${query}`);
    for (const r of answer.referrals) {
      versions.set(r.id, r.version);
      all.push(r.state);
    }
    after = answer.next;
  }
  referrals = all;
  refresh();
  const current = detail?.referral && referrals.find((r) => r.id === detail.referral!.id);
  if (current && current !== detail?.referral) open(current);
}

/** Appends one event at the service; on a refusal, says why and shows the referral as the service has it. */
async function send(service: ServiceSession, event: ReferralEvent): Promise<void> {
  const { actor: _actor, ...body } = event;
  try {
    const answer = await service.request<{ version: number; state: ReferralState }>(
      `referrals/${encodeURIComponent(event.referralId)}/events`,
      {
        method: 'POST',
        body: { event: body },
        headers: { 'if-match': `"${versions.get(event.referralId) ?? 0}"`, 'idempotency-key': crypto.randomUUID() },
      },
    );
    versions.set(event.referralId, answer.version);
    show(
      `Saved at the service: ${event.type}${event.type === 'status-changed' ? ` to ${event.to}` : ''} on ${event.referralId}.`,
    );
  } catch (error) {
    show(
      `Not saved at the service: ${error instanceof Error ? error.message : String(error)} The referral is shown as the service has it.`,
    );
    await loadFromService(service).catch(() => undefined);
  }
}

async function startConnected(service: ServiceSession): Promise<void> {
  connected = service;
  const { user } = service;
  const actAs = document.querySelector<HTMLElement>('#act-as-field');
  if (actAs) actAs.hidden = true;
  const now = new Date().toISOString();
  for (const element of [caseload, summary, detail]) if (element) element.asOf = now;
  try {
    await loadFromService(service);
  } catch (error) {
    if (!(error instanceof ServiceProblem) || (error.status !== 403 && error.status !== 401)) throw error;
    // This role sees no referrals (the evaluator): the section says so, in the service's words, and shows nothing else.
    for (const element of [caseload, summary, detail?.closest('#referral-detail-anchor'), form, personSelect?.closest('p')])
      if (element instanceof HTMLElement) element.hidden = true;
    show(`Signed in as ${user.name}: ${error.message}`);
    return;
  }
  const { practices } = await service.request<{ practices: ServicePractice[] }>('practices');
  const mine = practices.filter((p) => user.practices.includes(p.id));
  if (caseload) caseload.practices = mine.map((p) => ({ id: p.id, name: p.name }));
  if (summary)
    summary.practices = mine.map((p) => ({ id: p.id, name: p.name, listSize: p.listSize ?? 0, clpId: CLP_OF[p.id] ?? '' }));
  if (detail && WORKFLOW_ROLES.has(user.role)) {
    detail.userRole = user.role as ActorRole;
    detail.userId = user.id;
  }
  const home = mine[0];
  if (form && home) {
    form.practiceId = home.id;
    form.referrerId = user.id;
    form.clpId = CLP_OF[home.id] ?? '';
  }
  open(referrals.find((r) => r.status === 'requested') ?? referrals[0]);
  show(
    `${referrals.length} referrals at ${mine.map((p) => p.name).join(' and ') || 'no practice'}, as the service shows them to ${user.name}.`,
  );
  // Changes made by colleagues: fetched again when the person comes back to this tab.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void loadFromService(service).catch(() => undefined);
  });
  if (finder) {
    const response = await fetch(new URL('../data/aliss-fixture.json', import.meta.url));
    const page = parseAlissSearchPage(await response.json());
    if (page.ok) {
      const directory = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
      if (directory.ok) finder.directory = directory.value;
    }
  }
}

caseload?.addEventListener('links-referral-select', (event) => {
  open(event.detail.referral);
  document.querySelector('#referral-detail-anchor')?.scrollIntoView({ block: 'start' });
  show(`Opened referral ${event.detail.referral.id}.`);
});

detail?.addEventListener('links-referral-change', (event) => {
  // The host stores the event; the element shows the new state itself.
  keep(event.detail.event, event.detail.event.actor.id);
  referrals = referrals.map((r) => (r.id === event.detail.referral.id ? event.detail.referral : r));
  refresh();
  show(
    `Recorded on ${event.detail.referral.id}: ${event.detail.event.type}${
      event.detail.event.type === 'status-changed' ? ` to ${event.detail.event.to}` : ''
    }. ${connected ? 'Sending it to the service…' : 'Saved in this browser.'}`,
  );
});

form?.addEventListener('links-referral-create', (event) => {
  keep(event.detail.event, event.detail.event.actor.id);
  referrals = [...referrals, event.detail.referral];
  refresh();
  open(event.detail.referral);
  show(`Referral ${event.detail.referral.id} made; it is open below the caseload.`);
});

roleSelect?.addEventListener('change', () => {
  const user = USERS[roleSelect.value];
  if (detail && user) {
    detail.userRole = user.role;
    detail.userId = user.id;
    show(`Acting as the ${user.label}: the detail offers only what that role may do now.`);
  }
});

personSelect?.addEventListener('change', () => {
  if (form) form.person = personSelect.value;
});

/** Resolves when the section is ready (the demo page's walkthrough test waits for it). */
export const ready = start().catch((error: unknown) =>
  show(`The referral demo could not start: ${error instanceof Error ? error.message : String(error)}`),
);

/** Resolves when every action so far is stored. */
export function saved(): Promise<unknown> {
  return saving;
}
