// The evaluation section of the demo page: an ONS4 questionnaire inside an
// ordinary <form>, and the programme-vs-comparison report of a synthetic
// cohort (practices and plans from generateDemoData, referrals from
// generateDemoReferrals, ONS4 answers from examples/data/sample-outcomes.json).
//
// On the team's service, answers are recorded in the practice's outcome
// responses there, through the page's <links-provider> (the CLP records
// them; the service tells anyone else why not), and the service's cohort
// report (aggregates only) is shown to the roles that may read reports.
// The synthetic report is built only when the section comes near the screen
// (lazy.ts), so the page's first load does not wait for it.
import '@links-approach/components/outcome-form.js';
import '@links-approach/components/programme-report.js';
import { ONS4, scoreAnswers, type OutcomeResponsesDocument } from '@links-approach/core/outcomes';
import type { CohortComparison } from '@links-approach/core/maturity';
import type { StoredDocument } from '@links-approach/core/store';
import { demoProvider } from './host.js';
import { isRefusal, session, whileSignedIn, type ServiceSession } from './service.js';
import { whenNear } from './lazy.js';

const section = document.querySelector<HTMLElement>('#evaluation');
const form = section?.querySelector<HTMLFormElement>('#outcome-demo-form');
const status = section?.querySelector('#outcome-status');
const note = section?.querySelector('#evaluation-note');

/** A practice's outcome responses as the service keeps them (one document per practice, its id the practice id). */
interface OutcomesRecord extends StoredDocument {
  readonly practiceId: string;
  readonly document: OutcomeResponsesDocument;
}

/** The provider's store for outcome responses (the service's, when the page uses it). */
const outcomesStore = () =>
  demoProvider().storeFor<OutcomesRecord>({
    kind: 'links.outcome-responses',
    validate: (input) => ({ ok: true, value: input as OutcomesRecord }),
  });

/** Appends one response to the practice's outcome responses on the service; returns what to tell the person. */
async function recordAtService(service: ServiceSession, answers: Record<string, number | null>): Promise<string> {
  const practiceId = service.user.practices[0];
  if (!practiceId)
    return `Not recorded: ${service.user.name} works at no practice, so there is nowhere to record answers.`;
  const store = outcomesStore();
  if (!store) return 'Not recorded: the page has no store for outcome responses.';
  let current: OutcomesRecord | undefined;
  try {
    current = await store.get(practiceId);
  } catch (error) {
    if (isRefusal(error)) return `Not recorded: ${(error as Error).message}`;
    throw error;
  }
  const responses = current?.document.responses ?? [];
  const response = {
    id: `ons4-${crypto.randomUUID().slice(0, 8)}`,
    instrumentId: 'ons4',
    person: 'pt-demo-0001',
    practiceId,
    timepoint: 'baseline' as const,
    date: new Date().toISOString().slice(0, 10),
    answers,
  };
  const document: OutcomeResponsesDocument = {
    ...(current?.document ?? { kind: 'links.outcome-responses', schemaVersion: 1, meta: { synthetic: true } }),
    responses: [...responses, response],
  };
  const saved = await store.save(
    { id: practiceId, practiceId, revision: current?.revision ?? 0, savedAt: '', savedBy: '', document },
    { expectedRevision: current?.revision ?? 0, author: service.user.id },
  );
  return saved.ok
    ? `Recorded at the team’s service as a baseline for pt-demo-0001 (revision ${saved.value.revision} of the practice’s outcome responses).`
    : `Not recorded: ${saved.errors[0]?.message ?? 'the service refused it'}`;
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const raw = new FormData(form).get('ons4');
  const answers = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, number | null>) : {};
  const scores = scoreAnswers(ONS4, answers);
  const summary = ONS4.items.map((item) => `${item.shortName} ${scores.items[item.id] ?? 'not answered'}`).join(', ');
  void session.then(async (service) => {
    if (!status) return;
    if (!service) {
      status.textContent = `Recorded as a baseline (not stored: this is a demo). ${summary}.`;
      return;
    }
    status.textContent = `${await recordAtService(service, answers)} ${summary}.`;
  });
});
form?.addEventListener('reset', () => {
  if (status) status.textContent = '';
});

/** The synthetic programme report (a few hundred milliseconds of work: done when the section comes near the screen). */
async function buildReport(): Promise<void> {
  const [{ evaluateProgramme, validateOutcomeResponses }, { generateDemoData, generateDemoReferrals }, { replay }] =
    await Promise.all([
      import('@links-approach/core/outcomes'),
      import('@links-approach/core/demo-data'),
      import('@links-approach/core/referral'),
    ]);
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

/** The synthetic report, built when the section comes near the screen; `report.now()` builds it at once. */
export const report = whenNear(section, () =>
  buildReport().catch((error: unknown) => {
    if (note)
      note.textContent = `The evaluation demo could not load: ${error instanceof Error ? error.message : String(error)}`;
  }),
);

/** The cohort report at the team's service, as the signed-in user may see it: aggregates only, never a person. */
async function fromService(service: ServiceSession): Promise<void> {
  const serviceNote = section?.querySelector<HTMLElement>('#service-report');
  if (!serviceNote) return;
  serviceNote.hidden = false;
  const comparison = document.querySelector('links-cohort-comparison');
  try {
    const answer = await service.request<{
      practices: { programme: number; comparison: number };
      maturity: CohortComparison;
      referrals: { programme: { referrals: number; per1000: number | null }; comparison: { referrals: number } } | null;
    }>('reports/cohort');
    if (comparison) {
      comparison.dataset['fromService'] = 'true';
      comparison.comparison = answer.maturity;
      comparison.label = 'The service’s practices: programme and comparison';
    }
    const referrals = answer.referrals
      ? ` ${answer.referrals.programme.referrals} referrals at programme practices (${answer.referrals.programme.per1000 ?? 'no'} per 1,000 patients).`
      : '';
    serviceNote.textContent = `From the team’s service, for ${service.user.name}: ${answer.practices.programme} programme and ${answer.practices.comparison} comparison practices, as aggregates only (the cohort comparison in the maturity section now shows them).${referrals}`;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    serviceNote.textContent = `Signed in as ${service.user.name}, the service shows no cohort report: ${(error as Error).message} The report below is the synthetic demo cohort.`;
  }
}

async function main(): Promise<void> {
  const service = await session;
  if (service) await whileSignedIn(service, () => fromService(service));
}

/** Resolves when the section is ready (the synthetic report is `report.done`). */
export const ready = main().catch((error: unknown) => {
  if (note)
    note.textContent = `The evaluation demo could not load: ${error instanceof Error ? error.message : String(error)}`;
});
