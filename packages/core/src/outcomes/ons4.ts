import type { Instrument, InstrumentOption } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function scale(low: string, high: string): InstrumentOption[] {
  return Array.from({ length: 11 }, (_, value) => ({
    value,
    label: String(value),
    ...(value === 0 ? { description: low } : value === 10 ? { description: high } : {}),
  }));
}

/**
 * The ONS personal well-being questions ("ONS4"): life satisfaction,
 * worthwhile, happiness and anxiety, each answered on a 0–10 scale and
 * reported separately (ONS does not combine them into one score). For the
 * first three higher is better; for anxiety lower is better.
 *
 * Wording from the Government Statistical Service (GSS) harmonised standard
 * for personal well-being, as the questions appear on the ONS Annual
 * Population Survey (numbers written as digits for self-completion). The
 * questions are free to use; ONS material is published under the Open
 * Government Licence v3.0, so acknowledge ONS as the source.
 */
export const ONS4: Instrument = deepFreeze({
  kind: 'links.instrument',
  id: 'ons4',
  version: '1.0.0',
  name: 'ONS personal well-being (ONS4)',
  description:
    'Four questions on personal well-being from the Office for National Statistics: life satisfaction, whether the things you do are worthwhile, happiness yesterday and anxiety yesterday. Each is answered from 0 to 10 and reported on its own.',
  source: {
    citation:
      'Office for National Statistics, personal well-being questions (ONS4), worded as in the Government Statistical Service harmonised standard for personal well-being.',
    url: 'https://gss.civilservice.gov.uk/policy-store/personal-well-being/',
    licence: 'Free to use: Open Government Licence v3.0 (acknowledge ONS)',
  },
  preamble:
    "Next I would like to ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I'd like you to give an answer on a scale of 0 to 10, where 0 is 'not at all' and 10 is 'completely'.",
  items: [
    {
      id: 'life-satisfaction',
      text: 'Overall, how satisfied are you with your life nowadays?',
      shortName: 'Life satisfaction',
      hint: "Where 0 is 'not at all satisfied' and 10 is 'completely satisfied'.",
      options: scale('Not at all satisfied', 'Completely satisfied'),
      better: 'higher',
    },
    {
      id: 'worthwhile',
      text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      shortName: 'Worthwhile',
      hint: "Where 0 is 'not at all worthwhile' and 10 is 'completely worthwhile'.",
      options: scale('Not at all worthwhile', 'Completely worthwhile'),
      better: 'higher',
    },
    {
      id: 'happiness',
      text: 'Overall, how happy did you feel yesterday?',
      shortName: 'Happiness',
      hint: "Where 0 is 'not at all happy' and 10 is 'completely happy'.",
      options: scale('Not at all happy', 'Completely happy'),
      better: 'higher',
    },
    {
      id: 'anxiety',
      text: "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
      shortName: 'Anxiety',
      options: scale('Not at all anxious', 'Completely anxious'),
      better: 'lower',
    },
  ],
  scoring: { items: true },
} satisfies Instrument);
