import * as z from 'zod/mini';
import { longTextSchema, shortTextSchema, slugSchema } from '../framework/framework-schema.js';
import { practiceSchema } from '../plan/schema.js';
import { pseudonymSchema, referralIdSchema } from '../referral/schema.js';
import { LIMITS } from '../validation/limits.js';
import { customMessage } from '../messages/validation.js';

/** Most items an instrument may have. */
export const MAX_INSTRUMENT_ITEMS = 200;
/** Most answer options one item may have. */
export const MAX_ITEM_OPTIONS = 101;

/** Which way is better on an item or a total: `higher` (e.g. life satisfaction) or `lower` (e.g. anxiety). */
export const betterSchema = z.enum(['higher', 'lower']);

/** One answer option: the score it carries, and what the person sees. */
export const instrumentOptionSchema = z.strictObject({
  /** The score this answer counts as. Reverse-scored items simply give their options reversed values. */
  value: z.number(),
  /** The answer as shown, e.g. `"7"` or `"Most of the time"`. */
  label: shortTextSchema,
  /** Optional anchor text shown with the label, e.g. `"Not at all satisfied"` beside `0`. */
  description: z.optional(shortTextSchema),
});

const uniqueBy = <T>(key: (item: T) => unknown, message: string) =>
  z.refine<T[]>((items) => new Set(items.map(key)).size === items.length, { message });

/** One question of an instrument. */
export const instrumentItemSchema = z.strictObject({
  id: slugSchema,
  /** The question exactly as the instrument's source words it. */
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.longText)),
  /** A short name for reports and tables, e.g. `"Life satisfaction"`. */
  shortName: shortTextSchema,
  /** Extra guidance shown under the question. */
  hint: z.optional(longTextSchema),
  options: z.array(instrumentOptionSchema).check(
    z.minLength(2),
    z.maxLength(MAX_ITEM_OPTIONS),
    uniqueBy((o: { value: number }) => o.value, customMessage('option-values-unique', {})),
  ),
  better: betterSchema,
});

/** How the item scores combine into a total. */
export const instrumentTotalSchema = z.strictObject({
  id: slugSchema,
  name: shortTextSchema,
  /** `sum` adds the item scores; `mean` averages them. */
  method: z.enum(['sum', 'mean']),
  better: betterSchema,
});

/** How an instrument is scored and reported. */
export const instrumentScoringSchema = z
  .strictObject({
    /** Report each item on its own (as ONS4 requires). */
    items: z.boolean(),
    /** Combine the items into a total; only computed when every item is answered. */
    total: z.optional(instrumentTotalSchema),
  })
  .check(
    z.refine((scoring) => scoring.items || scoring.total !== undefined, {
      message: customMessage('scoring-reports-nothing', {}),
    }),
  );

/** Where an instrument comes from and on what terms it may be used. */
export const instrumentSourceSchema = z.strictObject({
  /** Who publishes it and where the wording comes from. */
  citation: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.longText)),
  url: z.optional(z.url({ protocol: /^https?$/ })),
  /** The terms of use, e.g. `"Open Government Licence v3.0"`. */
  licence: z.optional(shortTextSchema),
});

/**
 * An outcome measure a host supplies: its items with their answer options
 * and scores, and how it is scored. Many validated instruments are licensed;
 * a host that holds a licence can describe one here, and the toolkit ships
 * only freely usable ones (ONS4).
 */
export const instrumentSchema = z.strictObject({
  kind: z.literal('links.instrument'),
  id: slugSchema,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must be a version number like "1.0.0"')),
  name: shortTextSchema,
  description: z.optional(longTextSchema),
  source: instrumentSourceSchema,
  /** An introduction read before the items, e.g. the ONS4 preamble. */
  preamble: z.optional(longTextSchema),
  items: z.array(instrumentItemSchema).check(
    z.minLength(1),
    z.maxLength(MAX_INSTRUMENT_ITEMS),
    uniqueBy((i: { id: string }) => i.id, customMessage('unique-ids', { what: 'item' })),
  ),
  scoring: instrumentScoringSchema,
});

/** When a response was collected: at the start of support, or at follow-up. */
export const timepointSchema = z.enum(['baseline', 'follow-up']);

/** One person's answers to an instrument at one timepoint. */
export const outcomeResponseSchema = z.strictObject({
  id: referralIdSchema,
  instrumentId: slugSchema,
  /** Pseudonymous reference to the person, from the host: never a name or a CHI/NHS number. */
  person: pseudonymSchema,
  practiceId: referralIdSchema,
  /** The referral the response belongs to, when there is one. */
  referralId: z.optional(referralIdSchema),
  timepoint: timepointSchema,
  /** The day the answers were given, `YYYY-MM-DD`. */
  date: z.iso.date(),
  /** Item id → the value of the chosen option, or `null` when the person did not answer. */
  answers: z.record(slugSchema, z.nullable(z.number())),
});

/**
 * An outcome responses document: the responses, optionally with the
 * instrument they answer and the practices (with their cohort) they come
 * from, so one file carries everything an evaluation needs.
 */
export const outcomeResponsesDocumentSchema = z.strictObject({
  kind: z.literal('links.outcome-responses'),
  schemaVersion: z.literal(1),
  /** About the data: `synthetic: true` marks demonstration data about no real people. */
  meta: z.optional(z.strictObject({ synthetic: z.optional(z.boolean()), note: z.optional(longTextSchema) })),
  instruments: z.optional(z.array(instrumentSchema).check(z.maxLength(50))),
  practices: z.optional(z.array(practiceSchema).check(z.maxLength(LIMITS.listItems))),
  responses: z.array(outcomeResponseSchema).check(z.maxLength(1_000_000)),
});
