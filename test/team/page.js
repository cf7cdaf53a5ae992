// The script of the two-person test page (test/team/index.html): what a host
// page does around the elements, and nothing more. It signs in as a demo user
// through the service's dev token endpoint (`links serve --dev-auth`), keeps
// the token in memory only, points <links-provider service-url> at the
// service, and shows the sections the address asks for:
//
//   index.html?service=http://127.0.0.1:PORT&user=clp-ash&show=caseload,detail&practice=practice-ash
//
// Parameters: service, user, show (refer, caseload, detail, plan, report),
// practice (the caseload's and the form's practice), referral (the detail's
// referral id), plan (the plan editor's plan id), person (the form's person),
// queue-store=host (give the elements the service's queued store as the
// provider's `referralStore`).
// Host glue, as on an intranet page: the referral form's new referral is
// appended through the provider's service store; opening a caseload row
// shows it in the detail; the evaluator's cohort report is fetched and given
// to <links-cohort-comparison>.
/* global URLSearchParams, location, document, fetch, window -- a browser page */
import '@links-approach/components/provider.js';
import '@links-approach/components/referral-form.js';
import '@links-approach/components/caseload.js';
import '@links-approach/components/referral-detail.js';
import '@links-approach/components/plan-editor.js';
import '@links-approach/components/cohort-comparison.js';

const params = new URLSearchParams(location.search);
const service = (params.get('service') ?? '').replace(/\/$/, '');
const userId = params.get('user') ?? '';
const show = new Set((params.get('show') ?? '').split(',').filter(Boolean));
const $ = (selector) => document.querySelector(selector);
const say = (text) => {
  $('#host-status').textContent = text;
};

let session;
/** A token for the signed-in user, fetched again shortly before it expires; kept in memory only. */
async function token() {
  if (session && Date.parse(session.expiresAt) - Date.now() > 30_000) return session.token;
  const response = await fetch(`${service}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userId }),
  });
  if (!response.ok) throw new Error(`sign-in as ${userId} failed (${response.status})`);
  session = await response.json();
  return session.token;
}

const WORKFLOW_ROLE = { referrer: 'referrer', clp: 'clp', 'practice-manager': 'practice-manager' };

async function start() {
  await token();
  const user = session.user;
  $('#signed-in').textContent = `Signed in as ${user.name} (${user.id}).`;
  const role = WORKFLOW_ROLE[user.role];
  const practice = params.get('practice') ?? user.practices[0] ?? '';

  const provider = $('#provider');
  provider.getToken = token;
  provider.setAttribute('service-url', service);
  if (params.get('queue-store') === 'host') {
    // The host hands the elements the service's queued referral store itself (the provider's `referralStore`),
    // rather than the provider's default wrapper of it (see the two-person tests: the wrapper hides the queue).
    provider.referralStore = (await provider.serviceStores()).referrals;
  }

  const form = $('links-referral-form');
  const caseload = $('links-caseload');
  const detail = $('links-referral-detail');
  const editor = $('links-plan-editor');

  if (show.has('refer')) {
    form.setAttribute('practice-id', practice);
    form.setAttribute('referrer-id', user.id);
    form.person = params.get('person') ?? 'pt-3c9e1a';
    form.userPractices = user.practices;
    if (params.get('referral-id')) form.setAttribute('referral-id', params.get('referral-id'));
    form.addEventListener('links-referral-create', async (event) => {
      const created = event.detail.event;
      const stores = await provider.serviceStores();
      const result = await stores.referrals.append(created, {
        expectedVersion: 0,
        idempotencyKey: `create-${created.id}`,
      });
      if (!result.ok) {
        say(`The referral was not sent: ${result.errors.map((e) => e.message).join(' ')}`);
        return;
      }
      say(`Referral ${created.referralId} sent.`);
      if (show.has('detail')) detail.setAttribute('referral-id', created.referralId);
    });
  }
  if (show.has('caseload')) {
    if (practice) caseload.setAttribute('practice', practice);
    caseload.addEventListener('links-referral-select', (event) => {
      detail.setAttribute('referral-id', event.detail.referral.id);
      caseload.setAttribute('selected', event.detail.referral.id);
    });
  }
  if (show.has('detail')) {
    if (role) detail.setAttribute('user-role', role);
    detail.setAttribute('user-id', user.id);
    detail.userPractices = user.practices;
    if (params.get('referral')) detail.setAttribute('referral-id', params.get('referral'));
  }
  if (show.has('plan')) {
    editor.setAttribute('author', user.id);
    editor.setAttribute('plan-id', params.get('plan') ?? '');
  }
  if (show.has('report')) {
    const response = await fetch(`${service}/api/reports/cohort`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    const body = await response.json();
    if (response.ok) {
      $('links-cohort-comparison').comparison = body.maturity;
      const referrals = body.referrals
        ? ` ${body.referrals.programme.referrals} referrals at programme practices.`
        : '';
      $('#report-figures').textContent =
        `Aggregates for ${body.practices.programme} programme and ${body.practices.comparison} comparison practices.${referrals}`;
    } else {
      $('#report-figures').textContent = `No cohort report: ${body.detail ?? response.status}`;
    }
  }
  for (const id of show) document.getElementById(id)?.removeAttribute('hidden');
  return user;
}

window.__team = { ready: start(), provider: $('#provider') };
window.__team.ready.catch((error) => say(`The page could not start: ${error.message}`));
