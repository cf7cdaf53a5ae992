// The referrals section of the demo page: the practice's caseload (the sample
// referrals in examples/data/sample-referrals.json plus seeded demo referrals),
// its figures, one referral's detail with the actions the chosen user may take
// (with the resource finder inside, to link a resource), and the referral form.
// In this browser only, referrals are kept in IndexedDB through the page's
// <links-provider>: every action is appended to the referral's record as a
// new revision, so it is still there after a reload. On the team's service,
// the caseload and the detail are connected to the provider's referral store
// (see "Connected to the team's service" below). People are shown with the names the host's
// person-label resolver gives (fictional ones: see host.ts).
import '@links-approach/components/caseload-summary.js';
import '@links-approach/components/caseload.js';
import '@links-approach/components/referral-detail.js';
import '@links-approach/components/referral-form.js';
import '@links-approach/components/resource-finder.js';
import { createMemoryDirectory, parseAlissSearchPage } from '@links-approach/core/resources';
import {
  parseReferralEvents,
  replay,
  type ActorRole,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import { demoProvider, demoStore } from './host.js';
import { appendEvent, loadEvents, referralRecordCodec, seedReferrals } from './referral-store.js';
import { isRefusal, session, whileSignedIn, type ServiceSession } from './service.js';
import type { ReferralStore } from '@links-approach/core/service';

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
  const { generateDemoReferrals } = await import('@links-approach/core/demo-data');
  const seeded = generateDemoReferrals({ practices: [PRACTICE], seed: 2025, asOf: AS_OF, referralsPerPractice: 140 });
  return [...sample.value, ...seeded.events];
}

const store = demoStore(referralRecordCodec);
/** The service session when the page uses the team's service (see service.ts); else the page keeps referrals in this browser. */
let connected: ServiceSession | undefined;
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
// Connected to the team's service: the caseload and the referral detail are connected to the referral store the
// page's <links-provider service-url> gives them (no `referrals` / `referral` set here): they list and load what
// the signed-in user's role and practices may see, append each recorded action there (If-Match: the version they
// loaded, an idempotency key so a retry is never recorded twice; kept on this device and sent later when there is no
// connection), and hear of colleagues' changes through the provider's live feed. The service decides with core's
// workflow; its refusals are shown at the action, in its own words. The page itself only gives the figures and the
// form the same list, and stores the referrals the form makes through the same store.

/** The CLP of each demo practice (the service's demo users). */
const CLP_OF: Record<string, string> = {
  'practice-ash': 'clp-ash',
  'practice-birch': 'clp-birch',
  'practice-cedar': 'clp-birch',
};
const WORKFLOW_ROLES = new Set<string>(['referrer', 'clp', 'practice-manager']);

/** The provider's referral store (the service's, queued offline). */
async function serviceReferrals(): Promise<ReferralStore> {
  const stores = await demoProvider().serviceStores();
  if (!stores) throw new Error('The page’s provider is not connected to the service.');
  return stores.referrals;
}

let stopListening: (() => void) | undefined;

/** The figures and the form's duplicate check: the same list the caseload shows. */
async function refreshFromStore(store: ReferralStore): Promise<void> {
  const listed = await store.list();
  referrals = listed.map((r) => r.state);
  if (summary) summary.referrals = referrals;
  if (form) form.referrals = referrals;
}

/** Opens a referral in the connected detail: the element loads it from the store. */
function openById(id: string | undefined): void {
  if (!detail || !id) return;
  detail.referralId = id;
  if (caseload) caseload.selected = id;
}

const referralParts = () => [
  caseload,
  summary,
  detail?.closest('#referral-detail-anchor'),
  form,
  personSelect?.closest('p'),
];

async function showConnected(service: ServiceSession): Promise<void> {
  stopListening?.();
  stopListening = undefined;
  const { user } = service;
  // Who acts in the detail and the form: set at once, so nothing is recorded as the previous user's role.
  if (detail && WORKFLOW_ROLES.has(user.role)) {
    detail.userRole = user.role as ActorRole;
    detail.userId = user.id;
  }
  const mine = service.practices.filter((p) => user.practices.includes(p.id));
  const home = mine[0];
  if (form && home) {
    form.practiceId = home.id;
    form.referrerId = user.id;
    form.clpId = CLP_OF[home.id] ?? '';
    form.userRole = user.role === 'clp' ? 'clp' : 'referrer';
    form.userPractices = user.practices;
  }
  const store = await serviceReferrals();
  try {
    await refreshFromStore(store);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    // This role sees no referrals (the evaluator): the section says so, in the service's words, and shows nothing else.
    for (const element of referralParts()) if (element instanceof HTMLElement) element.hidden = true;
    show(`Signed in as ${user.name}, the service shows no referrals: ${(error as Error).message}`);
    return;
  }
  for (const element of referralParts()) if (element instanceof HTMLElement) element.hidden = false;
  if (caseload) {
    caseload.practices = mine.map((p) => ({ id: p.id, name: p.name }));
    caseload.practice = mine.length === 1 ? mine[0]!.id : undefined;
  }
  if (summary)
    summary.practices = mine.map((p) => ({
      id: p.id,
      name: p.name,
      listSize: p.listSize ?? 0,
      clpId: CLP_OF[p.id] ?? '',
    }));
  openById((referrals.find((r) => r.status === 'requested') ?? referrals[0])?.id);
  show(
    `${referrals.length} referrals at ${mine.map((p) => p.name).join(' and ') || 'no practice'}, as the service shows them to ${user.name}.`,
  );
  // Colleagues' changes (the provider's live feed) and this page's own: the figures follow the caseload.
  let queued: ReturnType<typeof setTimeout> | undefined;
  const stop = store.subscribe(() => {
    clearTimeout(queued);
    queued = setTimeout(() => void refreshFromStore(store).catch(() => undefined), 100);
  });
  stopListening = () => {
    clearTimeout(queued);
    stop();
  };
}

/** Stores a referral the form made, through the provider's store; says what the service answered. */
async function createAtService(event: ReferralEvent): Promise<void> {
  const store = await serviceReferrals();
  const answer = await store.append(event, { expectedVersion: 0, idempotencyKey: event.id });
  if (!answer.ok) {
    show(`Not saved at the service: ${answer.errors[0]?.message ?? 'it refused the referral'}`);
    return;
  }
  openById(event.referralId);
  show(
    answer.value.queued
      ? `Referral ${event.referralId} made; there is no connection, so it is kept on this device and sent when the connection returns.`
      : `Referral ${event.referralId} made and saved at the team’s service; it is open below the caseload.`,
  );
  await refreshFromStore(store).catch(() => undefined);
}

async function startConnected(service: ServiceSession): Promise<void> {
  connected = service;
  const actAs = document.querySelector<HTMLElement>('#act-as-field');
  if (actAs) actAs.hidden = true;
  for (const element of [caseload, summary, detail]) if (element) element.asOf = undefined;
  await whileSignedIn(service, () => showConnected(service));
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
  if (connected) openById(event.detail.referral.id);
  else open(event.detail.referral);
  document.querySelector('#referral-detail-anchor')?.scrollIntoView({ block: 'start' });
  show(`Opened referral ${event.detail.referral.id}.`);
});

detail?.addEventListener('links-referral-change', (event) => {
  // Connected: the element appends the event through the provider's store itself, and says what the service answered.
  if (connected) return;
  // The host stores the event; the element shows the new state itself.
  keep(event.detail.event, event.detail.event.actor.id);
  referrals = referrals.map((r) => (r.id === event.detail.referral.id ? event.detail.referral : r));
  refresh();
  show(
    `Recorded on ${event.detail.referral.id}: ${event.detail.event.type}${
      event.detail.event.type === 'status-changed' ? ` to ${event.detail.event.to}` : ''
    }. Saved in this browser.`,
  );
});

form?.addEventListener('links-referral-create', (event) => {
  if (connected) {
    saving = saving
      .then(() => createAtService(event.detail.event))
      .catch((error: unknown) =>
        show(`Not saved at the service: ${error instanceof Error ? error.message : String(error)}`),
      );
    return;
  }
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
