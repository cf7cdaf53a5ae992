/**
 * The outcome instruments' answer and response issues as codes with
 * parameters, and their English. `answerIssues` and
 * `validateOutcomeResponses` give each issue one of these codes as
 * `messageCode` with `params`; its English `message` is rendered here. The
 * instrument's own wording (questions, answer labels) is validated text and
 * is not translated here.
 */
import type { MessageRenderers } from './types.js';

/** The parameters of each outcome message code. */
export interface OutcomeMessageParams {
  /** An answer to an item the instrument (named `instrument`) does not have. */
  readonly 'outcome.not-an-item': { readonly instrument: string };
  /** An answer `value` that is none of the item's answer `values`. */
  readonly 'outcome.not-an-answer': { readonly values: readonly string[]; readonly value: string };
  /** An item left unanswered where every item needs an answer. */
  readonly 'outcome.needs-answer': Record<string, never>;
  /** A response id used twice. */
  readonly 'outcome.response-id-repeated': { readonly id: string };
  /** A second response at the same `timepoint` from the same person to `instrumentId` on `date`. */
  readonly 'outcome.second-response': {
    readonly timepoint: string;
    readonly instrumentId: string;
    readonly date: string;
  };
  /** A practice id the document does not list. */
  readonly 'outcome.unknown-practice': { readonly practiceId: string };
  /** An instrument id that is neither built in nor defined in the document. */
  readonly 'outcome.unknown-instrument': { readonly instrumentId: string };
}

/** An outcome message code. */
export type OutcomeMessageCode = keyof OutcomeMessageParams;

/** The English of every outcome message code (each a predicate after the field's path). */
export const OUTCOME_MESSAGES_EN: MessageRenderers<OutcomeMessageParams> = {
  'outcome.not-an-item': (p) => `is not an item of ${p.instrument}`,
  'outcome.not-an-answer': (p) => `must be one of the answer values ${p.values.join(', ')}, not ${p.value}`,
  'outcome.needs-answer': () => 'needs an answer',
  'outcome.response-id-repeated': (p) => `repeats the response id "${p.id}"`,
  'outcome.second-response': (p) =>
    `is a second ${p.timepoint} response from the same person to "${p.instrumentId}" on ${p.date}`,
  'outcome.unknown-practice': (p) => `"${p.practiceId}" is not one of the document's practices`,
  'outcome.unknown-instrument': (p) =>
    `"${p.instrumentId}" is not a known instrument: include its definition in "instruments"`,
};

/** The English for an outcome message code and its parameters. */
export function outcomeMessage<C extends OutcomeMessageCode>(code: C, params: OutcomeMessageParams[C]): string {
  return (OUTCOME_MESSAGES_EN[code] as (p: OutcomeMessageParams[C]) => string)(params);
}
