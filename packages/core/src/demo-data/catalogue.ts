/**
 * Wording the demo-data generator draws on. Everything generated from it is
 * synthetic: areas are Glasgow-like place names, practices are invented, and
 * staff appear by role only.
 *
 * @module
 */

/** A measure the generator may give a capacity. */
export interface MeasureTemplate {
  readonly name: string;
  readonly kind: 'outcome' | 'process' | 'balancing';
  readonly unit: string;
  readonly direction: 'increase' | 'decrease';
  /** Typical starting value (before improvement). */
  readonly baseline: readonly [min: number, max: number];
  /** Improvement as a multiple of the baseline, e.g. 1.6 = 60% more. */
  readonly improvement: readonly [min: number, max: number];
  /** Upper bound for values (100 for percentages). */
  readonly max?: number;
  /** Decimal places recorded. */
  readonly decimals: number;
}

/** What the generator writes for one capacity. */
export interface CapacityTemplate {
  readonly aim: string;
  readonly measures: readonly MeasureTemplate[];
  readonly changeIdeas: readonly string[];
  readonly owners: readonly string[];
}

const pct = (
  name: string,
  kind: MeasureTemplate['kind'],
  baseline: [number, number],
  improvement: [number, number],
  direction: MeasureTemplate['direction'] = 'increase',
): MeasureTemplate => ({
  name,
  kind,
  unit: '%',
  direction,
  baseline,
  improvement,
  max: 100,
  decimals: 0,
});

const count = (
  name: string,
  kind: MeasureTemplate['kind'],
  unit: string,
  baseline: [number, number],
  improvement: [number, number],
  direction: MeasureTemplate['direction'] = 'increase',
): MeasureTemplate => ({
  name,
  kind,
  unit,
  direction,
  baseline,
  improvement,
  decimals: 0,
});

/** Per capacity id of the default framework: aim, measures, change ideas, owner roles. */
export const CAPACITY_TEMPLATES: Readonly<Record<string, CapacityTemplate>> = {
  'team-wellbeing': {
    aim: 'Staff feel supported and have time to listen to and advise people.',
    measures: [
      pct('Staff reporting good wellbeing', 'outcome', [35, 55], [1.4, 1.7]),
      count('Protected breaks taken', 'process', 'breaks per week', [6, 14], [1.5, 2]),
      count('Staff sickness absence', 'balancing', 'days per month', [4, 9], [0.9, 1.1], 'decrease'),
    ],
    changeIdeas: ['Protected coffee break every day', 'Monthly wellbeing check-in', 'Quiet room for staff'],
    owners: ['Practice manager', 'GP partner'],
  },
  'shared-learning': {
    aim: 'The whole team has protected time to learn together and share stories.',
    measures: [
      count('Protected learning sessions held', 'process', 'sessions per month', [1, 2], [2.5, 3.5]),
      pct('Staff attending learning sessions', 'outcome', [20, 40], [1.6, 2.2]),
      count('Stories shared at team meetings', 'process', 'stories per month', [1, 3], [2, 3]),
    ],
    changeIdeas: [
      'Links story at every team meeting',
      'Lunchtime learning with a community group',
      'Shared folder of learning resources',
    ],
    owners: ['GP partner', 'Practice nurse'],
  },
  awareness: {
    aim: 'Staff notice when social circumstances affect health and know who could help.',
    measures: [
      pct('Staff trained in the Links Approach', 'process', [10, 30], [2.5, 3.5]),
      count('People identified for CLP support', 'outcome', 'people per month', [4, 10], [1.6, 2.2]),
      pct('Appointments running over time', 'balancing', [15, 25], [0.9, 1.1], 'decrease'),
    ],
    changeIdeas: [
      'Social context prompt in the appointment template',
      'Reception training on spotting need',
      'Case discussion at clinical meetings',
    ],
    owners: ['Community Links Practitioner', 'GP partner'],
  },
  intelligence: {
    aim: 'Up-to-date information on local support is easy for every staff member to find.',
    measures: [
      count('Local resources listed on ALISS', 'outcome', 'resources', [15, 40], [1.8, 2.5]),
      pct('Resources reviewed in the last 12 months', 'process', [20, 45], [1.6, 2.2]),
      pct('Staff using ALISS weekly', 'process', [5, 20], [2.5, 4]),
    ],
    changeIdeas: [
      'ALISS shortcut on every desktop',
      'Quarterly resource review with the CLP',
      'Local resource board in the waiting room',
    ],
    owners: ['Community Links Practitioner', 'Practice manager'],
  },
  signposting: {
    aim: 'People routinely receive information about local support that suits them.',
    measures: [
      count('People signposted to local support', 'outcome', 'people per month', [8, 20], [1.6, 2.2]),
      pct('Signposts recorded in notes', 'process', [10, 30], [2, 3]),
      count(
        'Repeat consultations for social issues',
        'outcome',
        'consultations per month',
        [30, 60],
        [0.6, 0.75],
        'decrease',
      ),
    ],
    changeIdeas: [
      'Signposting leaflet rack by reception',
      'Read code for signposting',
      'Text message with resource links',
    ],
    owners: ['Reception team lead', 'Community Links Practitioner'],
  },
  'problem-solving': {
    aim: 'People working with the CLP are supported for as long as it takes to solve the problems that matter to them.',
    measures: [
      pct('People seen 3 or more times by the CLP', 'outcome', [25, 40], [1.3, 1.6]),
      count('Referrals to the CLP', 'process', 'referrals per month', [6, 14], [1.5, 2]),
      count('Days from referral to first contact', 'process', 'days', [14, 28], [0.4, 0.6], 'decrease'),
    ],
    changeIdeas: [
      'Same-week first contact slots',
      'Home visits for people who cannot come in',
      'Goal-setting sheet used at every contact',
    ],
    owners: ['Community Links Practitioner'],
  },
  'network-building': {
    aim: 'The practice knows, and is known by, the community organisations around it.',
    measures: [
      count('Community organisations in regular contact', 'outcome', 'organisations', [3, 8], [2, 3]),
      count('Visits to community organisations', 'process', 'visits per month', [1, 2], [3, 4]),
      count('Joint events with community groups', 'process', 'events per quarter', [1, 2], [2.5, 3.5]),
    ],
    changeIdeas: [
      'Community organisations invited to team meetings',
      'Staff visits to local groups',
      'Shared event calendar with the community centre',
    ],
    owners: ['Community Links Practitioner', 'Practice manager'],
  },
};

/** Team roles (staff are never named in demo data). */
export const TEAM_ROLES: readonly string[] = [
  'GP partner',
  'Salaried GP',
  'Practice nurse',
  'Practice manager',
  'Receptionist',
  'Reception team lead',
  'Healthcare assistant',
  'Community Links Practitioner',
  'Pharmacist',
];

/** Glasgow-like areas grouped by locality (the three Glasgow City HSCP localities). */
export const LOCALITIES: Readonly<Record<string, readonly string[]>> = {
  'Glasgow City HSCP (North East)': [
    'Parkhead',
    'Easterhouse',
    'Springburn',
    'Dennistoun',
    'Shettleston',
    'Royston',
    'Barlanark',
    'Carntyne',
    'Ruchazie',
    'Garthamlock',
  ],
  'Glasgow City HSCP (North West)': [
    'Drumchapel',
    'Possilpark',
    'Maryhill',
    'Ruchill',
    'Yoker',
    'Milton',
    'Knightswood',
    'Lambhill',
    'Anderston',
    'Partick',
  ],
  'Glasgow City HSCP (South)': [
    'Govan',
    'Castlemilk',
    'Pollok',
    'Gorbals',
    'Toryglen',
    'Priesthill',
    'Nitshill',
    'Govanhill',
    'Arden',
    'Cardonald',
  ],
};

/** Endings for invented practice names. */
export const PRACTICE_SUFFIXES: readonly string[] = [
  'Medical Practice',
  'Health Centre',
  'Family Practice',
  'Group Practice',
  'Surgery',
];

/** Focus areas practices might agree under each theme. */
export const THEME_FOCUS: Readonly<Record<string, readonly string[]>> = {
  'adapting-to-diagnosis': ['Support after a diabetes diagnosis', 'Peer support for people newly diagnosed with COPD'],
  'living-well-day-to-day': ['Social isolation among older people', 'Physical activity groups in the area'],
  'facing-challenges-and-crises': ['Money worries and debt', 'Bereavement support'],
  'navigating-systems': ['Welfare benefits and housing advice', 'Getting to hospital appointments'],
  'dying-well': ['Planning ahead with people in their last year of life', 'Support for carers'],
};
