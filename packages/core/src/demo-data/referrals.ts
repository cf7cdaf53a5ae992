import type { StatusReasonCode } from '../codes/status-reasons.js';
import type {
  ConsentScope,
  ContactSetting,
  GoalStatus,
  ReferralRoute,
  ReferralStatus,
  ResourceLinkStatus,
  ResourceMode,
} from '../referral/constants.js';
import { hashSeed, mulberry32 } from '../shared/random.js';
import { toMillis, type Instant } from '../referral/rules.js';
import type { Actor, ReferralEvent, ReferralEventsDocument, ReferralReason } from '../referral/types.js';

/** A practice for the demo generator. */
export interface DemoPractice {
  readonly id: string;
  /** Registered patients; sets how many referrals the practice gets when `referralsPerPractice` is not given. */
  readonly listSize?: number;
  /** The practice's CLP pseudonym. Default `clp-<n>`. */
  readonly clpId?: string;
}

/** Options for {@link generateDemoReferrals}. */
export interface DemoReferralOptions {
  /** Practices (ids, or objects with a list size and CLP). */
  readonly practices: readonly (string | DemoPractice)[];
  /** Seed of the pseudo-random generator: the same seed gives the same events. A text seed is hashed (as `links demo-data --seed word` does). Default 1. */
  readonly seed?: number | string;
  /** The "today" of the demo: no event is later. */
  readonly asOf: Instant;
  /** Referrals per practice. Default: 1.5% of the list size a year (at least 12), or 40 without one. */
  readonly referralsPerPractice?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const THEMES = [
  'adapting-to-diagnosis',
  'living-well-day-to-day',
  'facing-challenges-and-crises',
  'navigating-systems',
  'dying-well',
] as const;
const THEME_WEIGHTS = [0.12, 0.34, 0.3, 0.2, 0.04];

const REASON_TEXT: Record<(typeof THEMES)[number], readonly string[]> = {
  'adapting-to-diagnosis': [
    'New diagnosis of diabetes, struggling to adjust',
    'Recently diagnosed with COPD and anxious about it',
    'Coming to terms with a cancer diagnosis',
  ],
  'living-well-day-to-day': [
    'Lonely and isolated since retiring',
    'Wants to be more active',
    'Low mood, few social contacts',
    'Caring for a partner and needs a break',
  ],
  'facing-challenges-and-crises': [
    'Debt and rent arrears',
    'Recent bereavement',
    'Facing eviction',
    'Relationship breakdown and low mood',
  ],
  'navigating-systems': [
    'Needs help with a benefits application',
    'Struggling to get a housing repair done',
    'Help with a Personal Independence Payment review',
  ],
  'dying-well': ['Wants to plan for end of life', 'Supporting a family member towards end of life'],
};

const GOALS: Record<(typeof THEMES)[number], readonly string[]> = {
  'adapting-to-diagnosis': ['Join a peer support group for the condition', 'Learn more about managing the condition'],
  'living-well-day-to-day': [
    'Get out of the house twice a week',
    'Join a walking group',
    'Meet new people through a local group',
  ],
  'facing-challenges-and-crises': ['Get a plan to deal with debts', 'Find bereavement support', 'Keep the tenancy'],
  'navigating-systems': ['Complete the benefits application', 'Get the housing repair done'],
  'dying-well': ['Make an anticipatory care plan', 'Find support for the family'],
};

const RESOURCES = [
  { id: 'demo-walking-group', name: 'Possilpark walking group' },
  { id: 'demo-money-advice', name: 'Community money advice service' },
  { id: 'demo-mens-shed', name: 'North Glasgow Men’s Shed' },
  { id: 'demo-food-pantry', name: 'Community food pantry' },
  { id: 'demo-carers-centre', name: 'Carers centre' },
  { id: 'demo-befriending', name: 'Befriending service' },
  { id: 'demo-art-class', name: 'Community art class' },
  { id: 'demo-bereavement', name: 'Bereavement support group' },
  { id: 'demo-housing-advice', name: 'Housing advice drop-in' },
  { id: 'demo-gardening', name: 'Community gardening project' },
  { id: 'demo-employability', name: 'Employability service' },
  { id: 'demo-peer-support', name: 'Long-term conditions peer support' },
] as const;

/** Reasons for each status: the code every output may carry, and the free text only the toolkit keeps. */
type CodedReason = readonly [code: StatusReasonCode, text: string];
const REJECT_REASONS: readonly CodedReason[] = [
  [
    'needs-other-service',
    'Needs are mainly clinical: the person has been referred to the community mental health team.',
  ],
  ['already-supported', 'The person is already working with a link worker from another service.'],
  ['not-suitable', 'The request is for a service the CLP does not provide (home care).'],
];
const CANCEL_REASONS: readonly CodedReason[] = [
  ['no-longer-needed', 'The person’s needs were met by the practice team before the CLP could help.'],
  ['moved-away', 'The person moved out of the practice area.'],
  ['person-declined', 'The person decided they no longer want support.'],
];
const HOLD_REASONS: readonly CodedReason[] = [
  ['person-unavailable', 'The person is in hospital.'],
  ['person-asked-to-pause', 'The person asked to pause for a few weeks.'],
  ['person-unavailable', 'The person is away caring for a relative.'],
];
const FAIL_REASONS: readonly CodedReason[] = [
  ['no-contact', 'Could not reach the person after several attempts.'],
  ['stopped-engaging', 'The person stopped responding after the first meeting.'],
];
const ERROR_REASONS: readonly CodedReason[] = [
  ['wrong-person', 'Referral made for the wrong person by mistake.'],
  ['duplicate', 'Duplicate of another referral.'],
];
/** The event fields of a coded reason. */
const coded = ([reasonCode, reason]: CodedReason) => ({ reasonCode, reason });

/** How often each final status is the target of a generated journey. */
const TARGETS: readonly [ReferralStatus, number][] = [
  ['draft', 0.03],
  ['requested', 0.07],
  ['accepted', 0.04],
  ['rejected', 0.05],
  ['in-progress', 0.2],
  ['on-hold', 0.05],
  ['completed', 0.38],
  ['failed', 0.08],
  ['cancelled', 0.08],
  ['entered-in-error', 0.02],
];
const ALL_TARGETS = TARGETS.map(([s]) => s);

/** Days of slack before "today" for a journey's last event, by final status: open referrals are recent. */
const SLACK_DAYS: Record<ReferralStatus, number> = {
  draft: 10,
  requested: 26,
  accepted: 6,
  'in-progress': 25,
  'on-hold': 20,
  rejected: 330,
  completed: 330,
  failed: 330,
  cancelled: 330,
  'entered-in-error': 330,
};

type Pending = { event: ReferralEvent & { at: string }; offset: number; dueOffset?: number };

interface Staff {
  readonly referrers: readonly { actor: Actor; route: ReferralRoute }[];
  readonly clp: Actor;
  readonly manager: Actor;
}

/**
 * Generates realistic, seeded referral event streams for demos and
 * benchmarks: referrals in every status (the first ten of the first practice
 * cover all ten), re-referrals, people with two open referrals, overdue
 * requests, follow-ups due, consent and do-not-contact. Deterministic (no
 * `Math.random`): the same options give the same document. Every event is
 * accepted by the workflow, in time order, none later than `asOf`.
 */
export function generateDemoReferrals(options: DemoReferralOptions): ReferralEventsDocument {
  const rng = mulberry32(typeof options.seed === 'string' ? hashSeed(options.seed) : (options.seed ?? 1));
  const asOf = Math.floor(toMillis(options.asOf) / MINUTE) * MINUTE;
  const all: Pending[] = [];
  const float = (min: number, max: number) => min + rng() * (max - min);
  const int = (min: number, max: number) => Math.floor(float(min, max + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const weighted = <T>(items: readonly T[], weights: readonly number[]): T => {
    let r = rng() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) {
      r -= weights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };

  options.practices.forEach((entry, pi) => {
    const practice: DemoPractice = typeof entry === 'string' ? { id: entry } : entry;
    const tag = String(pi + 1);
    const staff: Staff = {
      referrers: [
        { actor: { role: 'referrer', id: `gp-${tag}-a` }, route: 'gp' },
        { actor: { role: 'referrer', id: `gp-${tag}-b` }, route: 'gp' },
        { actor: { role: 'referrer', id: `nurse-${tag}` }, route: 'nurse' },
        { actor: { role: 'referrer', id: `reception-${tag}` }, route: 'practice-staff' },
        { actor: { role: 'referrer', id: `reception-${tag}` }, route: 'self' },
      ],
      clp: { role: 'clp', id: practice.clpId ?? `clp-${tag}` },
      manager: { role: 'practice-manager', id: `pm-${tag}` },
    };
    const count =
      options.referralsPerPractice ??
      (practice.listSize !== undefined ? Math.max(12, Math.round(practice.listSize * 0.015)) : 40);
    const openPeople: string[] = [];
    let seq = 0;
    let personSeq = 0;
    const newPerson = () =>
      `pt-${tag}-${(++personSeq).toString(36)}${Math.floor(rng() * 1296)
        .toString(36)
        .padStart(2, '0')}`;

    for (let k = 0; k < count; k++) {
      const target =
        pi === 0 && k < ALL_TARGETS.length
          ? ALL_TARGETS[k]!
          : weighted(
              ALL_TARGETS,
              TARGETS.map(([, w]) => w),
            );
      const isOpenTarget =
        target === 'requested' || target === 'accepted' || target === 'in-progress' || target === 'on-hold';
      const person = isOpenTarget && openPeople.length > 0 && rng() < 0.03 ? pick(openPeople) : newPerson();
      const block: Pending[] = [];
      let cursor = 0;
      const firstId = `ref-${tag}-${(++seq).toString().padStart(4, '0')}`;
      cursor = journey(firstId, person, target, undefined, cursor, block);
      let lastTarget = target;
      if ((target === 'completed' || target === 'failed') && rng() < 0.08) {
        cursor += int(7, 60) * DAY;
        lastTarget = pick(['requested', 'in-progress', 'completed'] as const);
        cursor = journey(
          `ref-${tag}-${(++seq).toString().padStart(4, '0')}`,
          person,
          lastTarget,
          firstId,
          cursor,
          block,
        );
      }
      if (isOpenTarget || lastTarget === 'in-progress' || lastTarget === 'requested') openPeople.push(person);
      const slack = rng() * SLACK_DAYS[lastTarget] * DAY;
      const start = Math.floor((asOf - cursor - slack) / MINUTE) * MINUTE;
      for (const p of block) {
        p.offset += start;
        p.event.at = new Date(p.offset).toISOString();
        if (p.dueOffset !== undefined)
          (p.event as { due: string }).due = new Date(start + p.dueOffset).toISOString().slice(0, 10);
        all.push(p);
      }
    }

    function journey(
      referralId: string,
      person: string,
      target: ReferralStatus,
      previous: string | undefined,
      t: number,
      out: Pending[],
    ): number {
      let n = 0;
      const ev = (actor: Actor, fields: Record<string, unknown>, dueOffset?: number): void => {
        const event = {
          id: `${referralId}-e${++n}`,
          referralId,
          at: '',
          actor,
          ...fields,
        } as unknown as ReferralEvent & { at: string };
        out.push(dueOffset === undefined ? { event, offset: t } : { event, offset: t, dueOffset });
      };
      const wait = (minHours: number, maxHours: number) => {
        t += Math.round(float(minHours, maxHours) * 60) * MINUTE;
      };
      const referrer = pick(staff.referrers);
      const clp = staff.clp;
      const needsContact =
        target === 'in-progress' ||
        target === 'on-hold' ||
        target === 'completed' ||
        target === 'failed' ||
        target === 'cancelled';
      const consent: ConsentScope[] = [];
      if (needsContact || rng() < 0.9) consent.push('contact');
      if (rng() < 0.75) consent.push('share-outcome-with-gp-record');
      if (rng() < 0.15) consent.push('share-with-community-organisation');
      const theme = weighted(THEMES, THEME_WEIGHTS);
      const reasons: ReferralReason[] = [{ themeId: theme, text: pick(REASON_TEXT[theme]) }];
      if (rng() < 0.35) {
        const second = weighted(THEMES, THEME_WEIGHTS);
        if (second !== theme) reasons.push({ themeId: second, text: pick(REASON_TEXT[second]) });
      }
      const asDraft = target === 'draft' || rng() < 0.2;
      ev(referrer.actor, {
        type: 'created',
        status: asDraft ? 'draft' : 'requested',
        person,
        practiceId: practice.id,
        ...(rng() < 0.5 ? { clpId: clp.id } : {}),
        route: referrer.route,
        reasons,
        urgency: weighted(['routine', 'soon', 'urgent'] as const, [0.75, 0.2, 0.05]),
        ...(consent.length > 0 ? { consent } : {}),
        ...(previous ? { previousReferralId: previous } : {}),
        ...(rng() < 0.2 ? { note: 'Happy to be contacted by phone in the mornings.' } : {}),
      });
      if (asDraft) {
        if (rng() < 0.4) {
          wait(1, 30);
          ev(referrer.actor, { type: 'details-updated', urgency: 'soon' });
        }
        if (target === 'draft') return t;
        wait(1, 72);
        if (target === 'entered-in-error' && rng() < 0.5) {
          ev(referrer.actor, { type: 'status-changed', to: 'entered-in-error', ...coded(pick(ERROR_REASONS)) });
          return t;
        }
        ev(referrer.actor, { type: 'status-changed', to: 'requested' });
      }
      if (target === 'requested') {
        if (rng() < 0.3) {
          wait(2, 72);
          ev(referrer.actor, {
            type: 'note-added',
            text: 'The person phoned to ask when they will hear from the CLP.',
          });
        }
        return t;
      }
      if (target === 'entered-in-error') {
        wait(1, 240);
        ev(rng() < 0.5 ? referrer.actor : staff.manager, {
          type: 'status-changed',
          to: 'entered-in-error',
          ...coded(pick(ERROR_REASONS)),
        });
        return t;
      }
      if (target === 'cancelled' && rng() < 0.4) {
        wait(6, 200);
        ev(rng() < 0.7 ? referrer.actor : staff.manager, {
          type: 'status-changed',
          to: 'cancelled',
          ...coded(pick(CANCEL_REASONS)),
        });
        return t;
      }
      // The CLP's response: most within the two-week window, some late.
      wait(rng() < 0.85 ? 4 : 14 * 24, rng() < 0.85 ? 10 * 24 : 24 * 24);
      if (target === 'rejected') {
        ev(clp, { type: 'status-changed', to: 'rejected', ...coded(pick(REJECT_REASONS)) });
        return t;
      }
      ev(clp, { type: 'status-changed', to: 'accepted' });
      if (target === 'accepted') return t;
      wait(1, 72);
      ev(clp, { type: 'status-changed', to: 'in-progress' });

      const attempts = target === 'failed' ? int(2, 4) : int(0, 2);
      for (let i = 0; i < attempts; i++) {
        wait(20, 96);
        ev(clp, {
          type: 'contact-attempted',
          method: pick(['phone', 'phone', 'text', 'letter'] as const),
          outcome: pick(['no-answer', 'left-message'] as const),
        });
      }
      if (target === 'failed' && rng() < 0.6) {
        wait(24, 120);
        if (rng() < 0.3) {
          ev(referrer.actor, {
            type: 'do-not-contact-set',
            reason: 'The person told the practice they do not want to be contacted.',
          });
          wait(1, 24);
          ev(clp, {
            type: 'status-changed',
            to: 'failed',
            reasonCode: 'person-declined',
            reason: 'The person asked not to be contacted.',
          });
        } else {
          ev(clp, { type: 'status-changed', to: 'failed', ...coded(FAIL_REASONS[0]!) });
        }
        return t;
      }
      if (attempts > 0 || rng() < 0.5) {
        wait(2, 48);
        ev(clp, { type: 'contact-attempted', method: 'phone', outcome: 'arranged' });
      }

      const contacts =
        target === 'completed'
          ? weighted([1, 2, 3, 4, 5, 6, 8, 10], [0.2, 0.2, 0.18, 0.14, 0.1, 0.08, 0.06, 0.04])
          : target === 'in-progress'
            ? int(0, 5)
            : target === 'on-hold'
              ? int(1, 3)
              : target === 'failed'
                ? 1
                : int(0, 2);
      const goals: { id: string; status: GoalStatus }[] = [];
      const links: { id: string; status: ResourceLinkStatus; mode: ResourceMode }[] = [];
      let followUp: string | undefined;
      let followUpDue = 0;
      let shareConsent = consent.includes('share-with-community-organisation');
      for (let c = 0; c < contacts; c++) {
        wait(c === 0 ? 24 : 3 * 24, c === 0 ? 7 * 24 : 21 * 24);
        if (followUp && t >= followUpDue) {
          ev(clp, { type: 'follow-up-done', followUpId: followUp });
          followUp = undefined;
        }
        const setting: ContactSetting = weighted(
          ['practice', 'home', 'community', 'phone', 'video'] as const,
          [0.45, 0.15, 0.15, 0.2, 0.05],
        );
        ev(clp, { type: 'contact-recorded', setting, durationMinutes: 5 * int(4, 18) });
        if (c === 0) {
          const goalCount = int(1, 3);
          for (let g = 0; g < goalCount; g++) {
            const goalTheme = g === 0 ? theme : weighted(THEMES, THEME_WEIGHTS);
            const id = `g${g + 1}`;
            ev(clp, {
              type: 'goal-added',
              goalId: id,
              statement: pick(GOALS[goalTheme]),
              themeId: goalTheme,
              status: rng() < 0.7 ? 'active' : 'proposed',
            });
            goals.push({ id, status: 'active' });
          }
        }
        if (c <= 1 && rng() < 0.75) {
          const resource = pick(RESOURCES);
          if (!links.some((l) => l.id === resource.id)) {
            let mode: ResourceMode = weighted(['signposted', 'referred', 'accompanied'] as const, [0.6, 0.25, 0.15]);
            if (mode === 'referred' && !shareConsent) {
              if (rng() < 0.6) {
                ev(clp, { type: 'consent-given', scope: 'share-with-community-organisation' });
                shareConsent = true;
              } else {
                mode = 'signposted';
              }
            }
            ev(clp, { type: 'resource-linked', linkId: resource.id, resource: { ...resource, source: 'demo' }, mode });
            links.push({ id: resource.id, status: 'suggested', mode });
          }
        } else if (links.length > 0) {
          const link = pick(links);
          const next: ResourceLinkStatus | undefined =
            link.status === 'suggested'
              ? pick(['contacted', 'attending', 'declined'] as const)
              : link.status === 'contacted'
                ? pick(['attending', 'not-suitable'] as const)
                : link.status === 'attending'
                  ? 'attended'
                  : undefined;
          if (next) {
            ev(clp, { type: 'resource-updated', linkId: link.id, status: next });
            link.status = next;
          }
        }
        if (!followUp && rng() < 0.35) {
          followUp = `f${c + 1}`;
          followUpDue = t + int(7, 21) * DAY;
          ev(
            clp,
            { type: 'follow-up-scheduled', followUpId: followUp, due: '', note: 'Check in on how the group is going.' },
            followUpDue,
          );
        }
        if (rng() < 0.1)
          ev(clp, { type: 'note-added', text: 'Good conversation; the person is keen to try the group.' });
      }
      if (target === 'completed' && rng() < 0.12) {
        wait(24, 10 * 24);
        ev(clp, { type: 'status-changed', to: 'on-hold', ...coded(pick(HOLD_REASONS)) });
        wait(7 * 24, 30 * 24);
        ev(clp, { type: 'status-changed', to: 'in-progress' });
      }
      if (target === 'on-hold') {
        wait(24, 7 * 24);
        ev(clp, { type: 'status-changed', to: 'on-hold', ...coded(pick(HOLD_REASONS)) });
        return t;
      }
      if (target === 'in-progress') return t;
      if (target === 'cancelled') {
        wait(24, 14 * 24);
        ev(rng() < 0.5 ? clp : referrer.actor, {
          type: 'status-changed',
          to: 'cancelled',
          ...coded(pick(CANCEL_REASONS)),
        });
        return t;
      }
      if (target === 'failed') {
        wait(7 * 24, 30 * 24);
        ev(clp, { type: 'status-changed', to: 'failed', ...coded(FAIL_REASONS[1]!) });
        return t;
      }
      // Completed: close goals and follow-ups, record the outcome, complete.
      wait(24, 14 * 24);
      if (followUp) ev(clp, { type: 'follow-up-done', followUpId: followUp });
      for (const link of links) {
        if (link.status !== 'suggested' && link.status !== 'contacted') continue;
        const next = weighted(['attended', 'attending', 'declined', 'not-suitable'] as const, [0.4, 0.2, 0.25, 0.15]);
        ev(clp, { type: 'resource-updated', linkId: link.id, status: next });
        link.status = next;
      }
      let achieved = 0;
      for (const goal of goals) {
        const status = weighted(['achieved', 'not-achieved', 'cancelled'] as const, [0.6, 0.25, 0.15]);
        if (status === 'achieved') achieved++;
        ev(clp, { type: 'goal-updated', goalId: goal.id, status });
      }
      const outcome = {
        code:
          goals.length > 0 && achieved === goals.length
            ? 'goals-achieved'
            : achieved > 0
              ? 'some-goals-achieved'
              : links.some((l) => l.status === 'attending' || l.status === 'attended')
                ? 'connected-to-support'
                : 'support-no-longer-needed',
        summary:
          achieved > 0
            ? 'The person met goals they set and feels more connected.'
            : 'The person feels able to manage without further support.',
      };
      wait(1, 48);
      if (rng() < 0.5) {
        ev(clp, { type: 'outcome-recorded', outcome });
        wait(0, 2);
        ev(clp, { type: 'status-changed', to: 'completed' });
      } else {
        ev(clp, { type: 'status-changed', to: 'completed', outcome });
      }
      return t;
    }
  });

  // One event log in time order (stable, so a referral's own order is kept).
  const order = all.map((_, i) => i).sort((a, b) => all[a]!.offset - all[b]!.offset || a - b);
  return { kind: 'links.referral-events', schemaVersion: 1, events: order.map((i) => all[i]!.event) };
}
