/* global window, document, fetch, structuredClone -- a browser page script (eslint lints .js files as Node) */
// The page script of csp.html (a file, since the policy forbids inline
// script): validates the sample plan and referral events with the toolkit's
// script-tag domain module, shows the plan in the editor, and tries an
// invalid event, which must be refused.
import {
  applyEvent,
  parsePlanDocument,
  parseReferralEvents,
  replay,
  validateReferralEvent,
} from '../../packages/components/dist/browser/links-core.js';

const status = document.getElementById('status');
const results = {};
try {
  const plan = parsePlanDocument(await (await fetch('../data/sample-plan.json')).json());
  if (!plan.ok) throw new Error('the sample plan is not valid');
  results.plan = plan.value.id;
  const broken = structuredClone(plan.value);
  broken.capacities['team-wellbeing'].aims[0].target = 'seventy';
  const refused = parsePlanDocument(broken);
  results.brokenPlan = refused.ok ? 'accepted' : refused.errors.map((e) => `${e.path}: ${e.message}`);

  const events = parseReferralEvents(await (await fetch('../data/sample-referrals.json')).text(), { format: 'json' });
  if (!events.ok) throw new Error('the sample referral events are not valid');
  results.referrals = replay(events.value).state.referrals.length;
  const invalid = { ...events.value[0], at: 'yesterday' };
  const checked = validateReferralEvent(invalid);
  results.invalidEvent = checked.ok ? 'accepted' : checked.errors.map((e) => `${e.path}: ${e.message}`);
  const applied = applyEvent(undefined, invalid);
  results.applied = applied.ok ? 'accepted' : applied.rejection.code;

  document.querySelector('links-plan-editor').plan = plan.value;
  status.textContent = `Checked the sample plan and ${results.referrals} sample referrals.`;
} catch (error) {
  status.textContent = `Could not load: ${error.message}`;
}
window.cspResults = results;
