import { outcomeMessage, type OutcomeMessageCode, type OutcomeMessageParams } from '../messages/outcomes.js';
import { parseWith } from '../validation/parse.js';
import { formatPath } from '../validation/path.js';
import { fail, messageCodeOf, ok, type Result, type ValidationIssue } from '../validation/result.js';
import { ONS4 } from './ons4.js';
import { instrumentSchema, outcomeResponsesDocumentSchema } from './schema.js';
import type {
  Better,
  Instrument,
  InstrumentItem,
  OutcomeAnswers,
  OutcomeResponse,
  OutcomeResponsesDocument,
} from './types.js';

/** An issue at `path` with its message code, parameters and English. */
function outcomeIssue<C extends OutcomeMessageCode>(
  path: string,
  messageCode: C,
  params: OutcomeMessageParams[C],
): ValidationIssue {
  return { path, message: outcomeMessage(messageCode, params), messageCode, params };
}

/** The instruments the toolkit ships: only freely usable ones. */
export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = Object.freeze([ONS4]);

/**
 * Validates a host-supplied instrument definition (`kind: "links.instrument"`):
 * items with unique ids, at least two options each with unique values, and a
 * scoring that reports the items, a total, or both. Problems come with JSON
 * paths such as `items[2].options`.
 */
export function validateInstrument(input: unknown): Result<Instrument> {
  return parseWith(instrumentSchema, input);
}

/** One thing an instrument reports: an item, or the total. */
export interface InstrumentMeasure {
  /** The item id, or the total's id. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'item' | 'total';
  readonly better: Better;
  /** Lowest and highest possible score. */
  readonly min: number;
  readonly max: number;
}

function itemRange(item: InstrumentItem): { min: number; max: number } {
  const values = item.options.map((o) => o.value);
  return {
    min: values.reduce((a, b) => Math.min(a, b), Infinity),
    max: values.reduce((a, b) => Math.max(a, b), -Infinity),
  };
}

/**
 * What an instrument reports, in order: each item (when `scoring.items`),
 * then the total (when `scoring.total`), with which way is better and the
 * possible range of scores.
 */
export function instrumentMeasures(instrument: Instrument): InstrumentMeasure[] {
  const measures: InstrumentMeasure[] = [];
  if (instrument.scoring.items) {
    for (const item of instrument.items) {
      measures.push({ id: item.id, name: item.shortName, kind: 'item', better: item.better, ...itemRange(item) });
    }
  }
  const total = instrument.scoring.total;
  if (total) {
    const ranges = instrument.items.map(itemRange);
    let min = ranges.reduce((s, r) => s + r.min, 0);
    let max = ranges.reduce((s, r) => s + r.max, 0);
    if (total.method === 'mean') {
      min /= ranges.length;
      max /= ranges.length;
    }
    measures.push({ id: total.id, name: total.name, kind: 'total', better: total.better, min, max });
  }
  return measures;
}

/**
 * Checks answers against an instrument: every key is one of its items, and
 * every value is one of that item's option values (or `null`, not answered).
 * With `requireAll`, every item must be answered. Returns the problems, with
 * paths relative to the answers (`anxiety`), or none.
 */
export function answerIssues(
  instrument: Instrument,
  answers: OutcomeAnswers,
  options: { readonly requireAll?: boolean } = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  for (const [id, value] of Object.entries(answers)) {
    const item = items.get(id);
    if (!item) {
      issues.push(outcomeIssue(formatPath([id]), 'outcome.not-an-item', { instrument: instrument.name }));
      continue;
    }
    if (value !== null && !item.options.some((o) => o.value === value)) {
      issues.push(
        outcomeIssue(formatPath([id]), 'outcome.not-an-answer', {
          values: item.options.map((o) => String(o.value)),
          value: String(value),
        }),
      );
    }
  }
  if (options.requireAll) {
    for (const item of instrument.items) {
      const value = answers[item.id];
      if (value === undefined || value === null)
        issues.push(outcomeIssue(formatPath([item.id]), 'outcome.needs-answer', {}));
    }
  }
  return issues;
}

/** The items of an instrument not answered (missing or `null`), in instrument order. */
export function unansweredItems(instrument: Instrument, answers: OutcomeAnswers): string[] {
  return instrument.items.filter((item) => typeof answers[item.id] !== 'number').map((item) => item.id);
}

/** A response's scores: per item, and the total when the instrument has one. */
export interface ResponseScores {
  /** Item id → score, or `null` when not answered. */
  readonly items: Readonly<Record<string, number | null>>;
  /** The total; `null` when the instrument has none or an item is unanswered. */
  readonly total: number | null;
}

/**
 * Scores answers: each item's score is the value of the chosen option
 * (answers that are not an option's value count as unanswered); the total,
 * when the instrument defines one, is the sum or mean of the item scores and
 * only exists when every item is answered.
 */
export function scoreAnswers(instrument: Instrument, answers: OutcomeAnswers): ResponseScores {
  const items: Record<string, number | null> = {};
  let complete = true;
  let sum = 0;
  for (const item of instrument.items) {
    const value = answers[item.id];
    const valid = typeof value === 'number' && item.options.some((o) => o.value === value);
    items[item.id] = valid ? value : null;
    if (valid) sum += value;
    else complete = false;
  }
  const total = instrument.scoring.total;
  return {
    items,
    total: total && complete ? (total.method === 'sum' ? sum : sum / instrument.items.length) : null,
  };
}

/** Options for {@link validateOutcomeResponses}. */
export interface ValidateResponsesOptions {
  /** Instruments the responses may answer, besides those in the document. Default: the built-in ones (ONS4). */
  readonly instruments?: readonly Instrument[];
}

/**
 * Validates an outcome responses document (`kind: "links.outcome-responses"`):
 * its shape, then each response against its instrument (from the document,
 * `options.instruments`, or the built-in ones): the instrument must be known,
 * answers must name its items and use its option values. Response ids must be
 * unique, and a person has at most one response per instrument, timepoint
 * and day. Problems come with JSON paths such as `responses[3].answers.anxiety`.
 */
export function validateOutcomeResponses(
  input: unknown,
  options: ValidateResponsesOptions = {},
): Result<OutcomeResponsesDocument> {
  const parsed = parseWith(outcomeResponsesDocumentSchema, input);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const instruments = new Map<string, Instrument>();
  for (const i of options.instruments ?? BUILT_IN_INSTRUMENTS) instruments.set(i.id, i);
  for (const i of doc.instruments ?? []) instruments.set(i.id, i);
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  const slots = new Set<string>();
  const practices = doc.practices ? new Set(doc.practices.map((p) => p.id)) : undefined;
  doc.responses.forEach((response, index) => {
    const at = (...rest: PropertyKey[]) => formatPath(['responses', index, ...rest]);
    if (ids.has(response.id)) issues.push(outcomeIssue(at('id'), 'outcome.response-id-repeated', { id: response.id }));
    ids.add(response.id);
    const slot = `${response.instrumentId}\u0000${response.person}\u0000${response.timepoint}\u0000${response.date}`;
    if (slots.has(slot)) {
      const { timepoint, instrumentId, date } = response;
      issues.push(outcomeIssue(at(), 'outcome.second-response', { timepoint, instrumentId, date }));
    }
    slots.add(slot);
    if (practices && !practices.has(response.practiceId)) {
      issues.push(outcomeIssue(at('practiceId'), 'outcome.unknown-practice', { practiceId: response.practiceId }));
    }
    const instrument = instruments.get(response.instrumentId);
    if (!instrument) {
      issues.push(
        outcomeIssue(at('instrumentId'), 'outcome.unknown-instrument', { instrumentId: response.instrumentId }),
      );
      return;
    }
    for (const issue of answerIssues(instrument, response.answers))
      issues.push({ path: at('answers', issue.path), message: issue.message, ...messageCodeOf(issue) });
  });
  return issues.length > 0 ? fail(issues.slice(0, 100)) : ok(doc);
}

/** Finds an instrument by id among the given ones and the built-in ones. */
export function findInstrument(id: string, instruments: readonly Instrument[] = []): Instrument | undefined {
  return instruments.find((i) => i.id === id) ?? BUILT_IN_INSTRUMENTS.find((i) => i.id === id);
}

/** The responses to one instrument. */
export function responsesFor(instrumentId: string, responses: readonly OutcomeResponse[]): OutcomeResponse[] {
  return responses.filter((r) => r.instrumentId === instrumentId);
}
