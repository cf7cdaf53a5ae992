import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import { compareCohorts } from '@links-approach/core/maturity';
import {
  BUILT_IN_INSTRUMENTS,
  compareOutcomeChange,
  referralFiguresByCohort,
  type Instrument,
  type OutcomeResponsesDocument,
} from '@links-approach/core/outcomes';
import type { Plan } from '@links-approach/core/plan';
import type { RouteContext } from '../app.js';
import { errorResponses, jsonSchema } from '../schemas.js';

/**
 * Cohort and practice aggregates, the figures of `links report` computed
 * with the same core functions its model uses (compareCohorts,
 * referralFiguresByCohort, compareOutcomeChange): no person-level rows.
 */
export function reportRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/reports/cohort',
      {
        schema: {
          summary: 'Programme vs comparison aggregates: plan maturity, referral and engagement figures, outcome change',
          tags: ['reports'],
          response: {
            200: jsonSchema(
              z.object({
                practices: z.object({ programme: z.int(), comparison: z.int() }),
                maturity: z.unknown(),
                referrals: z.unknown(),
                outcomes: z.array(z.unknown()),
              }),
              'output',
            ),
            ...errorResponses(401, 403, 429),
          },
        },
      },
      async (request) => {
        const inputs = await ctx.repository.reportInputs(request.actor!);
        const plans = inputs.plans as Plan[];
        const maturity = compareCohorts(inputs.practices, plans);
        const asOf = inputs.referrals.reduce((latest, r) => (r.updatedAt > latest ? r.updatedAt : latest), '');
        const referrals =
          inputs.referrals.length > 0
            ? { asOf, ...referralFiguresByCohort(inputs.practices, inputs.referrals, { asOf }) }
            : null;
        const documents = inputs.outcomes as OutcomeResponsesDocument[];
        const cohortOf = new Map(inputs.practices.map((p) => [p.id, p.cohort]));
        const instruments = new Map<string, Instrument>(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i]));
        for (const doc of documents)
          for (const instrument of doc.instruments ?? []) instruments.set(instrument.id, instrument);
        const responses = documents.flatMap((doc) => doc.responses);
        const outcomes = [...new Set(responses.map((r) => r.instrumentId))].flatMap((id) => {
          const instrument = instruments.get(id);
          return instrument
            ? [compareOutcomeChange(instrument, responses, (practiceId) => cohortOf.get(practiceId))]
            : [];
        });
        return {
          practices: {
            programme: inputs.practices.filter((p) => p.cohort === 'programme').length,
            comparison: inputs.practices.filter((p) => p.cohort === 'comparison').length,
          },
          maturity,
          referrals,
          outcomes,
        };
      },
    );
  };
}
