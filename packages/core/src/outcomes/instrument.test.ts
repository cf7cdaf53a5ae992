import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  answerIssues,
  instrumentMeasures,
  scoreAnswers,
  validateInstrument,
  validateOutcomeResponses,
} from './instrument.js';
import { ONS4 } from './ons4.js';
import type { Instrument } from './types.js';

const scale = (values: number[]) => values.map((value) => ({ value, label: String(value) }));

const mini: Instrument = {
  kind: 'links.instrument',
  id: 'mini',
  version: '1.0.0',
  name: 'Mini',
  source: { citation: 'A test instrument' },
  items: [
    { id: 'a', text: 'A?', shortName: 'A', options: scale([0, 1, 2]), better: 'higher' },
    // Reverse-scored item: its options carry the reversed values.
    {
      id: 'b',
      text: 'B?',
      shortName: 'B',
      options: [
        { value: 2, label: 'Never' },
        { value: 1, label: 'Sometimes' },
        { value: 0, label: 'Often' },
      ],
      better: 'higher',
    },
  ],
  scoring: { items: true, total: { id: 'total', name: 'Total', method: 'sum', better: 'higher' } },
};

describe('ONS4', () => {
  it('is a valid instrument: 4 items of 0–10, reported separately, anxiety lower-is-better', () => {
    const result = validateInstrument(structuredClone(ONS4));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(
      ONS4.items.map((i) => [i.id, i.options.length, i.options[0]!.value, i.options[10]!.value, i.better]),
      [
        ['life-satisfaction', 11, 0, 10, 'higher'],
        ['worthwhile', 11, 0, 10, 'higher'],
        ['happiness', 11, 0, 10, 'higher'],
        ['anxiety', 11, 0, 10, 'lower'],
      ],
    );
    assert.equal(ONS4.scoring.items, true);
    assert.equal(ONS4.scoring.total, undefined);
    assert.equal(ONS4.items[0]!.text, 'Overall, how satisfied are you with your life nowadays?');
    assert.match(ONS4.source.licence!, /Open Government Licence/);
    assert.ok(Object.isFrozen(ONS4.items[3]!.options[0]));
  });
});

describe('validateInstrument', () => {
  it('accepts a host instrument with a total', () => {
    assert.ok(validateInstrument(mini).ok);
  });

  it('explains what is wrong, with paths', () => {
    const bad = {
      ...mini,
      items: [
        { ...mini.items[0]!, options: [{ value: 1, label: 'One' }] },
        { ...mini.items[1]!, id: 'a', options: [...scale([1, 1])] },
      ],
      scoring: { items: false },
    };
    const result = validateInstrument(bad);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.path).sort(), [
      'items',
      'items[0].options',
      'items[1].options',
      'scoring',
    ]);
    assert.ok(result.errors.some((e) => e.path === 'items' && /repeat an id/.test(e.message)));
    assert.ok(result.errors.some((e) => e.path === 'scoring' && /items, a total, or both/.test(e.message)));
  });

  it('refuses hostile input before the schema sees it', () => {
    const result = validateInstrument(JSON.parse('{"__proto__": {"polluted": true}}'));
    assert.ok(!result.ok);
    assert.match(result.errors[0]!.message, /reserved key/);
  });
});

describe('scoring', () => {
  it('lists the measures with their ranges', () => {
    assert.deepEqual(instrumentMeasures(mini), [
      { id: 'a', name: 'A', kind: 'item', better: 'higher', min: 0, max: 2 },
      { id: 'b', name: 'B', kind: 'item', better: 'higher', min: 0, max: 2 },
      { id: 'total', name: 'Total', kind: 'total', better: 'higher', min: 0, max: 4 },
    ]);
  });

  it('sums complete answers, and gives no total when one is missing or invalid', () => {
    assert.deepEqual(scoreAnswers(mini, { a: 2, b: 1 }), { items: { a: 2, b: 1 }, total: 3 });
    assert.deepEqual(scoreAnswers(mini, { a: 2, b: null }), { items: { a: 2, b: null }, total: null });
    assert.deepEqual(scoreAnswers(mini, { a: 7, b: 1 }), { items: { a: null, b: 1 }, total: null });
    const meanScored: Instrument = {
      ...mini,
      scoring: { items: false, total: { id: 't', name: 'T', method: 'mean', better: 'higher' } },
    };
    assert.equal(scoreAnswers(meanScored, { a: 2, b: 1 }).total, 1.5);
    assert.equal(scoreAnswers(ONS4, { anxiety: 3 }).total, null);
  });

  it('answerIssues checks items and values, and completeness on request', () => {
    assert.deepEqual(answerIssues(ONS4, { anxiety: 3 }), []);
    assert.deepEqual(answerIssues(ONS4, { anxiety: 11, mood: 2 }), [
      {
        path: 'anxiety',
        message: 'must be one of the answer values 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, not 11',
        messageCode: 'outcome.not-an-answer',
        params: { values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], value: '11' },
      },
      {
        path: 'mood',
        message: 'is not an item of ONS personal well-being (ONS4)',
        messageCode: 'outcome.not-an-item',
        params: { instrument: 'ONS personal well-being (ONS4)' },
      },
    ]);
    assert.deepEqual(
      answerIssues(ONS4, { anxiety: 3, happiness: null }, { requireAll: true }).map((i) => i.path),
      ['life-satisfaction', 'worthwhile', 'happiness'],
    );
  });
});

describe('validateOutcomeResponses', () => {
  const doc = (responses: unknown[], extra: Record<string, unknown> = {}) => ({
    kind: 'links.outcome-responses',
    schemaVersion: 1,
    ...extra,
    responses,
  });
  const good = {
    id: 'r1',
    instrumentId: 'ons4',
    person: 'person-7f3a',
    practiceId: 'p1',
    timepoint: 'baseline',
    date: '2024-01-10',
    answers: { 'life-satisfaction': 5, worthwhile: 6, happiness: 4, anxiety: 7 },
  };

  it('accepts ONS4 responses, and host instruments carried in the document', () => {
    assert.ok(validateOutcomeResponses(doc([good])).ok);
    const withMini = doc([{ ...good, instrumentId: 'mini', answers: { a: 1, b: 0 } }], { instruments: [mini] });
    assert.ok(validateOutcomeResponses(withMini).ok);
  });

  it('rejects unknown instruments, answers outside the options, repeated ids and unknown practices', () => {
    const result = validateOutcomeResponses(
      doc(
        [
          good,
          { ...good, timepoint: 'follow-up', answers: { ...good.answers, anxiety: 12 } },
          { ...good, id: 'r3', instrumentId: 'eq-5d-5l' },
          { ...good, id: 'r4', practiceId: 'p2', timepoint: 'follow-up', date: '2024-06-01' },
        ],
        { practices: [{ id: 'p1', name: 'Practice 1', cohort: 'programme', listSize: 5000 }] },
      ),
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.path),
      ['responses[1].id', 'responses[1].answers.anxiety', 'responses[2].instrumentId', 'responses[3].practiceId'],
    );
    assert.match(result.errors[2]!.message, /not a known instrument/);
  });

  it('refuses anything that looks like a CHI number instead of a pseudonymous reference', () => {
    const result = validateOutcomeResponses(doc([{ ...good, person: '0101901234' }]));
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.path, 'responses[0].person');
    assert.match(result.errors[0]!.message, /CHI or NHS number/);
    const named = validateOutcomeResponses(doc([{ ...good, person: 'Jane Smith' }]));
    assert.ok(!named.ok);
  });

  it('refuses two responses from one person at the same timepoint on the same day', () => {
    const result = validateOutcomeResponses(doc([good, { ...good, id: 'r2' }]));
    assert.ok(!result.ok);
    assert.equal(result.errors[0]!.path, 'responses[1]');
  });
});
