import { DAY_MS } from '../shared/time.js';
import {
  LIVE_STATUSES,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  type BusinessStatus,
  type ReferralStatus,
  type Urgency,
} from './constants.js';
import { isOverdue, toDateString, toMillis, type ResponseWindowOptions } from './rules.js';
import type { ReferralState } from './types.js';

/** One referral as a caseload list shows it: everything a row, a filter or a sort needs, derived once. */
export interface CaseloadRow {
  readonly id: string;
  readonly person: string;
  readonly practiceId: string;
  readonly clpId?: string;
  readonly status: ReferralStatus;
  readonly businessStatus?: BusinessStatus;
  readonly urgency: Urgency;
  /** Theme ids of the reasons for referral. */
  readonly themes: readonly string[];
  readonly createdAt: string;
  readonly requestedAt?: string;
  readonly updatedAt: string;
  /** Waiting for the CLP's response past the response window. */
  readonly overdue: boolean;
  /** Days since requested, while waiting for a response. */
  readonly daysWaiting?: number;
  readonly contacts: number;
  readonly goals: number;
  readonly resourceLinks: number;
  /** Due date of the earliest follow-up not yet done (open referrals only). */
  readonly nextFollowUp?: string;
  /** A follow-up not yet done is due before `asOf`. */
  readonly followUpOverdue: boolean;
  /** The person has another open referral. */
  readonly duplicate: boolean;
  /** The referral itself, for the detail view. */
  readonly referral: ReferralState;
}

/** What a caseload list can be filtered by; unset fields do not filter. */
export interface CaseloadFilter {
  /** Only these statuses. */
  readonly statuses?: readonly ReferralStatus[];
  /** Only referrals past the response window (`true`) or not (`false`). */
  readonly overdue?: boolean;
  /** Only these practices. */
  readonly practiceIds?: readonly string[];
  /** Only referrals with a reason under this theme. */
  readonly themeId?: string;
  /** Only referrals held by this CLP. */
  readonly clpId?: string;
  /** Only referrals whose id or person reference contains this text (case-insensitive). */
  readonly text?: string;
}

/** Columns a caseload list can be sorted by. */
export type CaseloadSortKey =
  | 'updatedAt'
  | 'createdAt'
  | 'requestedAt'
  | 'status'
  | 'urgency'
  | 'practiceId'
  | 'contacts'
  | 'nextFollowUp'
  | 'daysWaiting';

/** A sort order. */
export interface CaseloadSort {
  readonly key: CaseloadSortKey;
  readonly direction: 'ascending' | 'descending';
}

const OPEN = new Set<ReferralStatus>(OPEN_STATUSES);
const LIVE = new Set<ReferralStatus>(LIVE_STATUSES);
const STATUS_ORDER = new Map(REFERRAL_STATUSES.map((s, i) => [s, i]));
const URGENCY_ORDER: Record<Urgency, number> = { routine: 0, soon: 1, urgent: 2 };

/**
 * Derives the caseload rows of referrals as of a moment: overdue flags (the
 * response window for each referral's urgency, see `responseWindowFor`),
 * days waiting, the next follow-up and duplicate flags (the person has
 * another open referral, one of them live).
 */
export function caseloadRows(referrals: readonly ReferralState[], options: ResponseWindowOptions): CaseloadRow[] {
  const now = toMillis(options.asOf);
  const today = toDateString(options.asOf);
  const openByPerson = new Map<string, { count: number; live: boolean }>();
  for (const r of referrals) {
    if (!OPEN.has(r.status)) continue;
    const entry = openByPerson.get(r.person);
    if (entry) {
      entry.count++;
      entry.live ||= LIVE.has(r.status);
    } else {
      openByPerson.set(r.person, { count: 1, live: LIVE.has(r.status) });
    }
  }
  return referrals.map((r) => {
    const open = OPEN.has(r.status);
    let nextFollowUp: string | undefined;
    if (open)
      for (const f of r.followUps)
        if (!f.done && (nextFollowUp === undefined || f.due < nextFollowUp)) nextFollowUp = f.due;
    const overdue = isOverdue(r, options);
    const people = open ? openByPerson.get(r.person) : undefined;
    // One literal with every key (absent values undefined): one object shape, no temporary spreads.
    const row: CaseloadRow = {
      id: r.id,
      person: r.person,
      practiceId: r.practiceId,
      clpId: r.clpId,
      status: r.status,
      businessStatus: r.businessStatus,
      urgency: r.urgency,
      themes: r.reasons.map((reason) => reason.themeId),
      createdAt: r.createdAt,
      requestedAt: r.requestedAt,
      updatedAt: r.updatedAt,
      overdue,
      daysWaiting:
        r.status === 'requested' && r.requestedAt !== undefined
          ? Math.max(0, Math.floor((now - Date.parse(r.requestedAt)) / DAY_MS))
          : undefined,
      contacts: r.contacts.length,
      goals: r.goals.length,
      resourceLinks: r.resourceLinks.length,
      nextFollowUp,
      followUpOverdue: nextFollowUp !== undefined && today !== '' && nextFollowUp < today,
      duplicate: people !== undefined && people.count > 1 && people.live,
      referral: r,
    };
    return row;
  });
}

/** Keeps the rows that match every set field of the filter. Returns a new array. */
export function filterCaseload(rows: readonly CaseloadRow[], filter: CaseloadFilter): CaseloadRow[] {
  const statuses = filter.statuses && filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
  const practices = filter.practiceIds && filter.practiceIds.length > 0 ? new Set(filter.practiceIds) : undefined;
  const text = filter.text?.trim().toLowerCase() || undefined;
  return rows.filter(
    (row) =>
      (statuses === undefined || statuses.has(row.status)) &&
      (filter.overdue === undefined || row.overdue === filter.overdue) &&
      (practices === undefined || practices.has(row.practiceId)) &&
      (filter.themeId === undefined || filter.themeId === '' || row.themes.includes(filter.themeId)) &&
      (filter.clpId === undefined || filter.clpId === '' || row.clpId === filter.clpId) &&
      (text === undefined || row.id.toLowerCase().includes(text) || row.person.toLowerCase().includes(text)),
  );
}

function sortValue(row: CaseloadRow, key: CaseloadSortKey): number | string | undefined {
  switch (key) {
    case 'status':
      return STATUS_ORDER.get(row.status) ?? 0;
    case 'urgency':
      return URGENCY_ORDER[row.urgency];
    case 'contacts':
      return row.contacts;
    case 'daysWaiting':
      return row.daysWaiting;
    case 'practiceId':
      return row.practiceId;
    case 'nextFollowUp':
      return row.nextFollowUp;
    case 'requestedAt':
      return row.requestedAt === undefined ? undefined : Date.parse(row.requestedAt);
    case 'createdAt':
      return Date.parse(row.createdAt);
    case 'updatedAt':
      return Date.parse(row.updatedAt);
  }
}

/**
 * Sorts rows by one column (rows without a value go last either way; ties
 * keep the referral id order). Returns a new array.
 */
export function sortCaseload(rows: readonly CaseloadRow[], sort: CaseloadSort): CaseloadRow[] {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value === b.value) return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
      return a.value === undefined ? 1 : -1;
    }
    if (a.value < b.value) return -sign;
    if (a.value > b.value) return sign;
    return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}
