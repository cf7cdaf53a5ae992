import { msg, str } from '@lit/localize';
import type { MessageRenderers, ValidationParams } from '@links-approach/core';
import type { OutcomeMessageParams } from '@links-approach/core/outcomes';

/*
 * The outcome instruments' answer and response issues (core's
 * `OUTCOME_MESSAGES_EN`), and the instrument schema's own validation
 * messages, through msg(): `issueText` renders an issue with one of these
 * codes with this map in a locale other than the source locale. The
 * instrument's own wording (questions, answer labels) is validated text and
 * stays as the instrument gives it.
 */

type InstrumentSchemaParams = Pick<ValidationParams, 'option-values-unique' | 'scoring-reports-nothing' | 'unique-ids'>;

/** The outcome messages (and the instrument schema's), by code. */
export const OUTCOME_ISSUES: Partial<MessageRenderers<OutcomeMessageParams & InstrumentSchemaParams>> = {
  'outcome.not-an-item': (p) => msg(str`is not an item of ${p.instrument}`, { id: 'outcome-issue.not-an-item' }),
  'outcome.not-an-answer': (p) => {
    const values = p.values.join(', ');
    return msg(str`must be one of the answer values ${values}, not ${p.value}`, { id: 'outcome-issue.not-an-answer' });
  },
  'outcome.needs-answer': () => msg('needs an answer', { id: 'outcome-issue.needs-answer' }),
  'outcome.response-id-repeated': (p) =>
    msg(str`repeats the response id "${p.id}"`, { id: 'outcome-issue.response-id-repeated' }),
  'outcome.second-response': (p) => {
    const timepoint =
      p.timepoint === 'baseline'
        ? msg('baseline', { id: 'outcome-issue.timepoint.baseline' })
        : p.timepoint === 'follow-up'
          ? msg('follow-up', { id: 'outcome-issue.timepoint.follow-up' })
          : p.timepoint;
    return msg(str`is a second ${timepoint} response from the same person to "${p.instrumentId}" on ${p.date}`, {
      id: 'outcome-issue.second-response',
    });
  },
  'outcome.unknown-practice': (p) =>
    msg(str`"${p.practiceId}" is not one of the document's practices`, { id: 'outcome-issue.unknown-practice' }),
  'outcome.unknown-instrument': (p) =>
    msg(str`"${p.instrumentId}" is not a known instrument: include its definition in "instruments"`, {
      id: 'outcome-issue.unknown-instrument',
    }),
  'option-values-unique': () =>
    msg('must not repeat a value: each option needs its own score', { id: 'issue.option-values-unique' }),
  'scoring-reports-nothing': () =>
    msg('must report the items, a total, or both', { id: 'issue.scoring-reports-nothing' }),
  'unique-ids': () => msg('must not repeat an id: each entry needs its own id', { id: 'issue.unique-ids' }),
};
