// The evaluation section of the demo page: an ONS4 questionnaire inside an
// ordinary <form>, and the programme-vs-comparison report of a synthetic
// cohort (practices and plans from generateDemoData, referrals from
// generateDemoReferrals, ONS4 answers from examples/data/sample-outcomes.json).
import '@links-approach/components';
import { evaluateProgramme, ONS4, scoreAnswers, validateOutcomeResponses } from '@links-approach/core/outcomes';
import { generateDemoData, generateDemoReferrals } from '@links-approach/core/demo-data';
import { replay } from '@links-approach/core/referral';
import type { CohortComparison } from '@links-approach/core/maturity';
import { session, ServiceProblem } from './service.js';

const section = document.querySelector('#evaluation');
const form = section?.querySelector<HTMLFormElement>('#outcome-demo-form');
const status = section?.querySelector('#outcome-status');
const note = section?.querySelector('#evaluation-note');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = new FormData(form).get('ons4');
  const answers = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, number | null>) : {};
  const scores = scoreAnswers(ONS4, answers);
  if (status) {
    status.textContent = `Recorded as a baseline (not stored: this is a demo). ${ONS4.items
      .map((item) => `${item.shortName} ${scores.items[item.id] ?? 'not answered'}`)
      .join(', ')}.`;
  }
});
form?.addEventListener('reset', () => {
  if (status) status.textContent = '';
});

async function main(): Promise<void> {
  const response = await fetch(new URL('../data/sample-outcomes.json', import.meta.url));
  const outcomes = validateOutcomeResponses(await response.json());
  if (!outcomes.ok)
    throw new Error(`The sample outcomes are not valid: ${outcomes.errors[0]?.path} ${outcomes.errors[0]?.message}`);

  // The same 12 invented practices the sample outcomes were made for.
  const cohort = generateDemoData({ practices: 12, seed: 2024 });
  const programme = cohort.practices.filter((p) => p.cohort === 'programme');
  const events = generateDemoReferrals({
    practices: programme.map((p, i) => ({ id: p.id, listSize: p.listSize, clpId: `clp-${i + 1}` })),
    asOf: '2023-12-31T17:00:00Z',
    seed: 2024,
  }).events;
  const referrals = replay(events).state.referrals;

  const evaluation = evaluateProgramme({
    practices: cohort.practices,
    referrals,
    plans: cohort.plans,
    outcomes: { instrument: ONS4, responses: outcomes.value.responses },
    asOf: '2023-12-31',
    maturityDates: [
      '2022-03-31',
      '2022-06-30',
      '2022-09-30',
      '2022-12-31',
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31',
    ],
  });
  const report = section?.querySelector('links-programme-report');
  if (report) report.evaluation = evaluation;
  if (note) {
    note.textContent = `Synthetic data: ${cohort.practices.length} invented practices, ${referrals.length} referrals and ${outcomes.value.responses.length} ONS4 responses from invented, pseudonymous people. Nothing here is about real practices or patients.`;
  }
}

/** The cohort report at the team's service, as the signed-in user may see it: aggregates only, never a person. */
async function fromService(): Promise<void> {
  const service = await session;
  const serviceNote = section?.querySelector<HTMLElement>('#service-report');
  if (!service || !serviceNote) return;
  serviceNote.hidden = false;
  try {
    const report = await service.request<{
      practices: { programme: number; comparison: number };
      maturity: CohortComparison;
      referrals: { programme: { referrals: number; per1000: number | null }; comparison: { referrals: number } } | null;
    }>('reports/cohort');
    const comparison = document.querySelector('links-cohort-comparison');
    if (comparison) {
      comparison.comparison = report.maturity;
      comparison.label = 'The service’s practices: programme and comparison';
    }
    const referrals = report.referrals
      ? ` ${report.referrals.programme.referrals} referrals at programme practices (${report.referrals.programme.per1000 ?? 'no'} per 1,000 patients).`
      : '';
    serviceNote.textContent = `From the team’s service, for ${service.user.name}: ${report.practices.programme} programme and ${report.practices.comparison} comparison practices, as aggregates only (the cohort comparison in the maturity section now shows them).${referrals}`;
  } catch (error) {
    if (!(error instanceof ServiceProblem)) throw error;
    serviceNote.textContent = `Signed in as ${service.user.name}, the service shows no cohort report: ${error.message} The report below is the synthetic demo cohort.`;
  }
}

/** Resolves when the section is ready. */
export const ready = Promise.all([main(), fromService()]).catch((error: unknown) => {
  if (note)
    note.textContent = `The evaluation demo could not load: ${error instanceof Error ? error.message : String(error)}`;
});
