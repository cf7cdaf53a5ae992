// The referrals section of the demo page: the practice's caseload (the sample
// referrals in examples/data/sample-referrals.json plus seeded demo referrals),
// its figures, one referral's detail with the actions the chosen user may take,
// and the referral form. Everything is kept in memory: reload to start again.
import '@links-approach/components';
import {
  createMemoryDirectory,
  generateDemoReferrals,
  parseAlissSearchPage,
  parseReferralEvents,
  replay,
  type ActorRole,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core';

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
const finder = document.querySelector<HTMLElement & { directory?: unknown }>('#referral-resource-finder');
const status = document.querySelector('#referral-status');
const roleSelect = document.querySelector<HTMLSelectElement>('#referral-user');
const personSelect = document.querySelector<HTMLSelectElement>('#referral-person');

async function loadEvents(): Promise<ReferralEvent[]> {
  const response = await fetch(new URL('../data/sample-referrals.json', import.meta.url));
  const sample = parseReferralEvents(await response.text(), { format: 'json' });
  if (!sample.ok)
    throw new Error(`The sample referrals are not valid: ${sample.errors[0]?.path} ${sample.errors[0]?.message}`);
  const seeded = generateDemoReferrals({ practices: [PRACTICE], seed: 2025, asOf: AS_OF, referralsPerPractice: 140 });
  return [...sample.value, ...seeded.events];
}

let events: ReferralEvent[] = [];
let referrals: ReferralState[] = [];

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

async function start(): Promise<void> {
  events = await loadEvents();
  const result = replay(events, { trusted: true });
  referrals = [...result.state.referrals];
  for (const element of [caseload, summary, detail]) if (element) element.asOf = AS_OF;
  if (caseload) caseload.practices = [{ id: PRACTICE.id, name: PRACTICE.name }];
  if (summary) summary.practices = [PRACTICE];
  refresh();
  open(referrals.find((r) => r.id === 'ref-sb-002'));
  show(
    `${referrals.length} referrals replayed from ${events.length} events; ${result.rejected.length} sample events were refused by the workflow, as intended.`,
  );

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
  // The host stores the event; here, in memory. The element shows the new state itself.
  events.push(event.detail.event);
  referrals = referrals.map((r) => (r.id === event.detail.referral.id ? event.detail.referral : r));
  refresh();
  show(
    `Recorded on ${event.detail.referral.id}: ${event.detail.event.type}${
      event.detail.event.type === 'status-changed' ? ` to ${event.detail.event.to}` : ''
    }.`,
  );
});

form?.addEventListener('links-referral-create', (event) => {
  events.push(event.detail.event);
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

start().catch((error: unknown) =>
  show(`The referral demo could not start: ${error instanceof Error ? error.message : String(error)}`),
);
