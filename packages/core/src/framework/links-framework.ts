import type { DefaultCapacityId, DefaultResponsibilityId, DefaultThemeId, Framework } from './types.js';
import { LINKS_THEMES } from './links-themes.js';

type DefaultFramework = Framework & {
  readonly capacities: readonly { id: DefaultCapacityId; name: string; description: string }[];
  readonly themes: readonly { id: DefaultThemeId; name: string; description: string }[];
  readonly responsibilities: readonly { id: DefaultResponsibilityId; name: string; description: string }[];
};

/**
 * The Links framework as the Links Worker Programme describes it: the 7
 * capacities a practice needs, the 5 themes of the Self Management Strategy
 * for Scotland, and the 3 responsibilities of the Community Links
 * Practitioner.
 *
 * Which words are whose:
 * - **Quoted from the programme**: the 7 capacity names and their
 *   descriptions, word for word (one typo, "proved" for "provide",
 *   corrected), and the 5 theme names, as the programme lists them from the
 *   Self Management Strategy for Scotland.
 * - **Written by this project**: the 5 theme descriptions (the programme
 *   gives the themes' names only), the 3 responsibility names, and the 3
 *   responsibility descriptions, which summarise the programme's longer
 *   account of the Community Links Practitioner's work in our own words.
 * - The ids are ours.
 *
 * Hosts may load a revised framework instead: see {@link validateFramework}.
 */
export const LINKS_FRAMEWORK: DefaultFramework = deepFreeze({
  kind: 'links.framework',
  id: 'links-approach',
  version: '1.0.0',
  name: 'The Links Approach',
  source:
    'Links Worker Programme (the ALLIANCE, Glasgow City HSCP): "What are participating practices doing?" and "The Community Links Practitioner". ' +
    'Capacity names and descriptions and theme names are quoted from it; theme descriptions and responsibility names and descriptions are written by the links-approach project.',
  capacities: [
    {
      id: 'team-wellbeing',
      name: 'Team Wellbeing',
      description:
        'A primary care team that’s in survival mode, or feels overwhelmed by demands cannot effectively offer patients support. The business plan must demonstrate how the team plans to support staff wellbeing and create an environment where there is enough time for staff to listen and advise people.',
    },
    {
      id: 'shared-learning',
      name: 'Shared Learning',
      description:
        'GP practices need to have protected time for shared learning, access to educational resources and the opportunity to share stories.',
    },
    {
      id: 'awareness',
      name: 'Awareness',
      description:
        'Staff need to be able to identify people who would benefit from information or support, to have a wider understanding of the social context of illness.',
    },
    {
      id: 'intelligence',
      name: 'Intelligence',
      description:
        'Practices need to be able to gather information, to curate that information and have efficient and accessible processes for people to receive this information. ALISS will play a key role in meeting this need.',
    },
    {
      id: 'signposting',
      name: 'Signposting',
      description: 'Practices need to be able to routinely provide information about local support to people.',
    },
    {
      id: 'problem-solving',
      name: 'Problem Solving',
      description: 'Links Practitioners have capacity to work with people to identify and solve problems.',
    },
    {
      id: 'network-building',
      name: 'Network Building',
      description:
        'Primary care teams need to develop an extensive network of personal relationships in their local community.',
    },
  ],
  themes: LINKS_THEMES,
  responsibilities: [
    {
      id: 'people',
      name: 'Working with people',
      description:
        'Working directly with the practice population, particularly with people who are experiencing complex circumstances: supporting people to identify goals and enabling them to achieve those goals by identifying and enabling access to local community assets, in the practice, the person’s home and the community, for as long as it takes.',
    },
    {
      id: 'practice-team',
      name: 'Working with the practice team',
      description:
        'Working with the entire primary care team, both clinical and non-clinical staff, to enable them to adopt the Links Approach through a business plan that follows a model of improvement across the 7 capacities.',
    },
    {
      id: 'community',
      name: 'Working with community resources',
      description:
        'Working with local community resources, supporting them to become more accessible to people accessing them via primary care, including making them aware of ALISS and how that helps the primary care team to find them.',
    },
  ],
} satisfies DefaultFramework);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
