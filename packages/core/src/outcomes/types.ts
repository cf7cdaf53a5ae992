import type * as z from 'zod/mini';
import type {
  betterSchema,
  instrumentItemSchema,
  instrumentOptionSchema,
  instrumentSchema,
  instrumentScoringSchema,
  instrumentSourceSchema,
  instrumentTotalSchema,
  outcomeResponseSchema,
  outcomeResponsesDocumentSchema,
  timepointSchema,
} from './schema.js';

/** Which way is better: `higher` or `lower`. */
export type Better = z.infer<typeof betterSchema>;
/** One answer option of an item. */
export type InstrumentOption = z.infer<typeof instrumentOptionSchema>;
/** One question of an instrument. */
export type InstrumentItem = z.infer<typeof instrumentItemSchema>;
/** How item scores combine into a total. */
export type InstrumentTotal = z.infer<typeof instrumentTotalSchema>;
/** How an instrument is scored and reported. */
export type InstrumentScoring = z.infer<typeof instrumentScoringSchema>;
/** Where an instrument comes from, and its terms of use. */
export type InstrumentSource = z.infer<typeof instrumentSourceSchema>;
/** An outcome measure: items, options with scores, and scoring. */
export type Instrument = z.infer<typeof instrumentSchema>;
/** `baseline` or `follow-up`. */
export type Timepoint = z.infer<typeof timepointSchema>;
/** One person's answers to an instrument at one timepoint. */
export type OutcomeResponse = z.infer<typeof outcomeResponseSchema>;
/** A document of outcome responses (with, optionally, the instruments and practices). */
export type OutcomeResponsesDocument = z.infer<typeof outcomeResponsesDocumentSchema>;
/** Item id → chosen value, or `null` for no answer. */
export type OutcomeAnswers = Readonly<Record<string, number | null>>;
