import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { OutcomeResponsesDocument } from '@links-approach/core/outcomes';
import type { Plan, Practice } from '@links-approach/core/plan';
import type { ReferralEvent } from '@links-approach/core/referral';
import { buildCohortReport } from '@links-approach/core/outcomes';
import type { Person } from './config.js';
import { as, assertProblem, body, createdEvent, forEachBackend } from './test-support.js';

const OUTCOMES = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-outcomes.json', import.meta.url), 'utf8'),
) as OutcomeResponsesDocument;
const PLAN = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Plan;
const practices = OUTCOMES.practices as Practice[];
const ids = practices.map((p) => p.id);
const people: Person[] = [
  { id: 'clp-all', name: 'CLP', role: 'clp', practices: ids },
  { id: 'pm-all', name: 'Manager', role: 'practice-manager', practices: ids },
  { id: 'gp-all', name: 'GP', role: 'referrer', practices: ids },
  { id: 'evaluator', name: 'Evaluator', role: 'evaluator', practices: [] },
];

forEachBackend(
  'reports for evaluators',
  ({ service }) => {
    test('the cohort report has the same figures as links report, and no person-level rows', async () => {
      const plans: Plan[] = [];
      for (const [i, practice] of practices.slice(0, 4).entries()) {
        const planDoc = { ...PLAN, id: `plan-${practice.id}`, practice };
        const saved = await service().app.inject({
          method: 'PUT',
          url: `/api/plans/plan-${practice.id}`,
          headers: { ...(await as(service(), 'pm-all')), 'if-match': '"0"' },
          payload: planDoc as never,
        });
        assert.equal(saved.statusCode, 200, saved.body);
        plans.push(body(saved) as unknown as Plan);
        void i;
      }
      const documents: OutcomeResponsesDocument[] = [];
      for (const id of ids) {
        const doc = {
          kind: OUTCOMES.kind,
          schemaVersion: 1,
          responses: OUTCOMES.responses.filter((r) => r.practiceId === id),
        } as OutcomeResponsesDocument;
        const saved = await service().app.inject({
          method: 'PUT',
          url: `/api/outcomes/${id}`,
          headers: { ...(await as(service(), 'clp-all')), 'if-match': '"0"' },
          payload: doc as never,
        });
        assert.equal(saved.statusCode, 200, saved.body);
        documents.push(doc);
      }
      const events: ReferralEvent[] = [];
      for (const [i, id] of ids.entries()) {
        const event = createdEvent(`rep-${i}`, id, { at: `2025-03-0${1 + (i % 9)}T09:00:00Z` });
        const saved = await service().app.inject({
          method: 'POST',
          url: `/api/referrals/rep-${i}/events`,
          headers: { ...(await as(service(), 'gp-all')), 'if-match': '"0"' },
          payload: { event },
        });
        assert.equal(saved.statusCode, 201, saved.body);
        events.push({ ...event, actor: { role: 'referrer', id: 'gp-all' } } as unknown as ReferralEvent);
      }

      const response = await service().app.inject({
        method: 'GET',
        url: '/api/reports/cohort',
        headers: await as(service(), 'evaluator'),
      });
      assert.equal(response.statusCode, 200, response.body);
      const report = body<{ maturity: unknown; referrals: Record<string, unknown>; outcomes: unknown[] }>(response);
      const cli = buildCohortReport({ practices, plans, files: 0, synthetic: false, events, outcomes: documents });
      const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
      assert.deepEqual(report.maturity, plain(cli.comparison));
      assert.deepEqual(report.referrals, plain(cli.referrals));
      assert.deepEqual(report.outcomes, plain(cli.outcomes));
      assert.ok(report.outcomes.length > 0);
      // Aggregates only: no person pseudonym appears anywhere.
      assert.doesNotMatch(response.body, /pt-7f3a9c/);
      for (const r of OUTCOMES.responses.slice(0, 20)) assert.ok(!response.body.includes(`"${r.person}"`));
    });

    test('an evaluator reads no person-level data', async () => {
      for (const url of [
        '/api/referrals',
        '/api/referrals/rep-1',
        '/api/fhir/Bundle?referral=rep-1',
        `/api/outcomes/${ids[0]}`,
      ]) {
        const response = await service().app.inject({ method: 'GET', url, headers: await as(service(), 'evaluator') });
        assertProblem(response, 403, 'forbidden');
      }
      assertProblem(
        await service().app.inject({
          method: 'GET',
          url: '/api/reports/cohort',
          headers: await as(service(), 'gp-all'),
        }),
        403,
        'forbidden',
      );
    });
  },
  { config: { practices, people } },
);
