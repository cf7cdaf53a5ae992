import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import {
  GOAL_STATUSES,
  REFERRAL_STATUSES,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  type GoalStatus,
  type ReferralStatus,
  type ResourceLinkStatus,
  type ResourceMode,
} from './constants.js';
import { isOverdue, toMillis, type Instant, type ResponseWindowOptions } from './rules.js';
import type { CohortReferralFigures, PracticeReferralRate } from '../outcomes/evaluation.js';
import type { ReferralState } from './types.js';

import { DAY_MS } from '../shared/time.js';
import { medianOf } from '../shared/stats.js';

/** A practice as the metrics need it. */
export interface MetricsPractice {
  readonly id: string;
  readonly name?: string;
  /** Registered patients (the list size), for rates per 1,000. */
  readonly listSize?: number;
}

/**
 * Options for {@link caseloadMetrics}. Overdue responses use the response
 * window for each referral's urgency (`responseWindows`, `responseWindowDays`
 * and `holidays` as in {@link ResponseWindowOptions}).
 */
export interface CaseloadMetricsOptions extends Omit<ResponseWindowOptions, 'asOf'> {
  /** "Now": for overdue flags. */
  readonly asOf: Instant;
  /** Practices to report on, with list sizes; practices with referrals but not listed are reported too. */
  readonly practices?: readonly MetricsPractice[];
  /** For theme names. Default: the Links framework. */
  readonly framework?: Framework;
}

/** A count out of a total, and the share (`null` when the total is 0). */
export interface MetricShare {
  readonly count: number;
  readonly of: number;
  /** `count / of`, from 0 to 1, or `null` when `of` is 0. */
  readonly share: number | null;
}

/** A median in days and how many referrals it is over. */
export interface DaysMedian {
  /** Median in days, to one decimal place; `null` when there is nothing to measure. */
  readonly median: number | null;
  readonly count: number;
}

/** One practice's figures. */
export interface PracticeMetrics {
  readonly practiceId: string;
  readonly name?: string;
  readonly listSize?: number;
  /** Referrals made (requested or beyond; drafts and entries in error left out). */
  readonly referrals: number;
  /** Referrals per 1,000 registered patients, to one decimal place; `null` without a list size. */
  readonly per1000: number | null;
  readonly active: number;
  readonly overdue: number;
}

/** The caseload figures. */
export interface CaseloadMetrics {
  readonly asOf: string;
  /** Every referral given. */
  readonly total: number;
  /** Referrals made: requested or beyond, leaving out drafts and those entered in error. The figures below are over these. */
  readonly referrals: number;
  readonly byStatus: Readonly<Record<ReferralStatus, number>>;
  /** Accepted, in progress or on hold. */
  readonly active: number;
  /** Still waiting for a response past the response window. */
  readonly overdue: number;
  /** Requested → accepted or rejected. */
  readonly daysToResponse: DaysMedian;
  /** Requested → first contact. */
  readonly daysToFirstContact: DaysMedian;
  /** Distinct people referred. */
  readonly people: number;
  /** People with 3 or more contacts over all their referrals (the Links evaluation's engagement threshold). */
  readonly seenThreeOrMore: MetricShare;
  /** People linked to at least one community resource. */
  readonly linkedToResource: MetricShare;
  /** Resource links the person took up (attending or attended), out of all links. */
  readonly resourceUptake: MetricShare & {
    readonly byStatus: Readonly<Record<ResourceLinkStatus, number>>;
    readonly byMode: Readonly<Record<ResourceMode, number>>;
  };
  /** Goals achieved out of goals set (cancelled goals left out). */
  readonly goalsAchieved: MetricShare & { readonly byStatus: Readonly<Record<GoalStatus, number>> };
  /** Reasons for referral by theme, in the framework's order (unknown theme ids after). */
  readonly reasonsByTheme: readonly { readonly themeId: string; readonly name: string; readonly count: number }[];
  readonly practices: readonly PracticeMetrics[];
  /** Active referrals per CLP, largest first; referrals not yet with a CLP are counted in `unassigned`. */
  readonly caseloadPerClp: readonly { readonly clpId: string; readonly active: number }[];
  readonly unassigned: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = 0;
  return out;
}

function share(count: number, of: number): MetricShare {
  return { count, of, share: of === 0 ? null : count / of };
}

function median(values: number[]): DaysMedian {
  if (values.length === 0) return { median: null, count: 0 };
  return { median: Math.round((medianOf(values) / DAY_MS) * 10) / 10, count: values.length };
}

/**
 * Figures for a caseload: counts by status; median days to response and
 * to first contact; the share of people seen 3 or more times; the share
 * linked to at least one resource, and resource uptake; goals achieved;
 * reasons by theme; referrals per 1,000 list size per practice; and the
 * active caseload per CLP.
 *
 * Drafts and referrals entered in error are counted in `byStatus` and
 * `total` only: they were never real referrals. People are counted by
 * their pseudonymous reference, across all their referrals.
 */
export function caseloadMetrics(referrals: readonly ReferralState[], options: CaseloadMetricsOptions): CaseloadMetrics {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const asOfMs = toMillis(options.asOf);
  const windowOptions: ResponseWindowOptions = options;
  const byStatus = zeros(REFERRAL_STATUSES);
  const linkStatus = zeros(RESOURCE_LINK_STATUSES);
  const linkMode = zeros(RESOURCE_MODES);
  const goalStatus = zeros(GOAL_STATUSES);
  const themeCounts = new Map<string, number>(framework.themes.map((t) => [t.id, 0]));
  const practices = new Map<string, { referrals: number; active: number; overdue: number }>();
  for (const p of options.practices ?? []) practices.set(p.id, { referrals: 0, active: 0, overdue: 0 });
  const clps = new Map<string, number>();
  const people = new Map<string, { contacts: number; linked: boolean }>();
  const toResponse: number[] = [];
  const toContact: number[] = [];
  let counted = 0;
  let active = 0;
  let overdue = 0;
  let unassigned = 0;
  let links = 0;

  for (const r of referrals) {
    byStatus[r.status]++;
    if (r.status === 'draft' || r.status === 'entered-in-error') continue;
    counted++;
    let practice = practices.get(r.practiceId);
    if (!practice) {
      practice = { referrals: 0, active: 0, overdue: 0 };
      practices.set(r.practiceId, practice);
    }
    practice.referrals++;
    const isActive = r.status === 'accepted' || r.status === 'in-progress' || r.status === 'on-hold';
    if (isActive) {
      active++;
      practice.active++;
      if (r.clpId === undefined) unassigned++;
      else clps.set(r.clpId, (clps.get(r.clpId) ?? 0) + 1);
    }
    if (isOverdue(r, windowOptions)) {
      overdue++;
      practice.overdue++;
    }
    if (r.requestedAt !== undefined) {
      const requested = Date.parse(r.requestedAt);
      if (r.respondedAt !== undefined) toResponse.push(Date.parse(r.respondedAt) - requested);
      if (r.firstContactAt !== undefined) toContact.push(Date.parse(r.firstContactAt) - requested);
    }
    let person = people.get(r.person);
    if (!person) {
      person = { contacts: 0, linked: false };
      people.set(r.person, person);
    }
    person.contacts += r.contacts.length;
    if (r.resourceLinks.length > 0) person.linked = true;
    for (const link of r.resourceLinks) {
      links++;
      linkStatus[link.status]++;
      linkMode[link.mode]++;
    }
    for (const goal of r.goals) goalStatus[goal.status]++;
    for (const reason of r.reasons) themeCounts.set(reason.themeId, (themeCounts.get(reason.themeId) ?? 0) + 1);
  }

  let seen3 = 0;
  let linked = 0;
  for (const person of people.values()) {
    if (person.contacts >= 3) seen3++;
    if (person.linked) linked++;
  }
  const goalsSet = GOAL_STATUSES.reduce((sum, s) => sum + (s === 'cancelled' ? 0 : goalStatus[s]), 0);
  const info = new Map((options.practices ?? []).map((p) => [p.id, p]));
  const themeName = new Map(framework.themes.map((t) => [t.id, t.name]));

  return {
    asOf: Number.isFinite(asOfMs) ? new Date(asOfMs).toISOString() : String(options.asOf),
    total: referrals.length,
    referrals: counted,
    byStatus,
    active,
    overdue,
    daysToResponse: median(toResponse),
    daysToFirstContact: median(toContact),
    people: people.size,
    seenThreeOrMore: share(seen3, people.size),
    linkedToResource: share(linked, people.size),
    resourceUptake: {
      ...share(linkStatus.attending + linkStatus.attended, links),
      byStatus: linkStatus,
      byMode: linkMode,
    },
    goalsAchieved: { ...share(goalStatus.achieved, goalsSet), byStatus: goalStatus },
    reasonsByTheme: [...themeCounts].map(([themeId, count]) => ({
      themeId,
      name: themeName.get(themeId) ?? themeId,
      count,
    })),
    practices: [...practices].map(([practiceId, p]) => {
      const meta = info.get(practiceId);
      const listSize = meta?.listSize;
      return {
        practiceId,
        ...(meta?.name !== undefined ? { name: meta.name } : {}),
        ...(listSize !== undefined ? { listSize } : {}),
        referrals: p.referrals,
        per1000: listSize && listSize > 0 ? Math.round((p.referrals / listSize) * 10_000) / 10 : null,
        active: p.active,
        overdue: p.overdue,
      };
    }),
    caseloadPerClp: [...clps]
      .map(([clpId, n]) => ({ clpId, active: n }))
      .sort((a, b) => b.active - a.active || (a.clpId < b.clpId ? -1 : 1)),
    unassigned,
  };
}

/**
 * A cohort's referral figures from its practices and their caseload metrics:
 * referrals per 1,000 registered patients over the cohort (practices with a
 * list size only) and per practice, with the people, engagement and resource
 * shares. The one place both the in-memory evaluation and the streamed tally
 * compute them.
 */
export function cohortReferralFigures(
  members: readonly { readonly id: string; readonly name?: string; readonly listSize?: number }[],
  metrics: CaseloadMetrics,
): CohortReferralFigures {
  const byId = new Map(metrics.practices.map((p) => [p.practiceId, p]));
  let listSize = 0;
  let counted = 0;
  const practiceRates = members.map((p): PracticeReferralRate => {
    const made = byId.get(p.id)?.referrals ?? 0;
    const size = p.listSize;
    if (size !== undefined && size > 0) {
      listSize += size;
      counted += made;
    }
    return {
      practiceId: p.id,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(size !== undefined ? { listSize: size } : {}),
      referrals: made,
      per1000: size !== undefined && size > 0 ? Math.round((made / size) * 10_000) / 10 : null,
    };
  });
  return {
    practices: members.length,
    listSize,
    referrals: metrics.referrals,
    per1000: listSize > 0 ? Math.round((counted / listSize) * 10_000) / 10 : null,
    practiceRates,
    people: metrics.people,
    seenThreeOrMore: metrics.seenThreeOrMore,
    linkedToResource: metrics.linkedToResource,
  };
}
