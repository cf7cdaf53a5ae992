/**
 * Incremental forms of what `replay`, `caseloadMetrics`, `findDuplicates` and
 * the cohort referral figures compute, for event streams too large to hold:
 * events are folded in one at a time; a referral that has finished is handed
 * to a store, folded into the aggregates and its full state released, keeping
 * only what later events need to be refused exactly as `replay` refuses them
 * (its status, person, CLP, last event time and the ids of its events).
 * Memory grows with open referrals (and a small record per referral), not
 * with events.
 */
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import { DAY_MS } from '../shared/time.js';
import type { Framework } from '../framework/types.js';
import type { CohortReferralFigures, EvaluationPractice } from '../outcomes/evaluation.js';
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
import {
  cohortReferralFigures,
  type CaseloadMetrics,
  type CaseloadMetricsOptions,
  type MetricsPractice,
  type MetricShare,
  type DaysMedian,
} from './metrics.js';
import { isOverdue, toMillis, type ResponseWindowOptions } from './rules.js';
import type { CreatedEvent, ReferralEvent, ReferralState, RejectedEvent, Rejection } from './types.js';
import { check, contextFor, createState, mutate, type CheckContext, type MutableState } from './workflow.js';

/** Something that folds referral states into figures: each referral is added once (sign 1) and, when a later event changes a released referral, taken out again (sign -1) before its new state is added. */
export interface ReferralObserver {
  /**
   * Adds (`sign` 1) or removes (`sign` -1) a referral's contribution.
   * `seq` is the referral's position in creation order (0, 1, 2…).
   */
  add(referral: ReferralState, seq: number, sign: 1 | -1): void;
}

/**
 * Where a {@link ReferralFold} puts finished referrals (their timeline
 * dropped; `events` says how long it was; `ids` the ids of its events,
 * each followed by "\n", with a "\n" first). A store may write them to
 * disk; `get` must give back what `put` was given last for that `seq`. The
 * fold keeps almost nothing of a released referral in memory: it reads it
 * back when a later event names it.
 */
export interface ReleasedReferralStore {
  put(seq: number, referral: ReferralState, events: number, ids: string): void;
  get(seq: number): { readonly referral: ReferralState; readonly events: number; readonly ids: string };
}

/** A store that keeps released referrals in memory (for small streams and tests). */
export class MemoryReferralStore implements ReleasedReferralStore {
  private readonly items: { referral: ReferralState; events: number; ids: string }[] = [];
  put(seq: number, referral: ReferralState, events: number, ids: string): void {
    this.items[seq] = { referral, events, ids };
  }
  get(seq: number): { readonly referral: ReferralState; readonly events: number; readonly ids: string } {
    const item = this.items[seq];
    if (!item) throw new Error(`no released referral at ${seq}`);
    return item;
  }
}

/** Options for {@link ReferralFold}. */
export interface ReferralFoldOptions {
  /** The framework whose theme ids reasons and goals must use. Default: the Links framework. */
  readonly framework?: Framework;
  /** Where finished referrals go. Default: a {@link MemoryReferralStore}. */
  readonly store?: ReleasedReferralStore;
  /** Figures to fold every referral into. */
  readonly observers?: readonly ReferralObserver[];
  /** Referrals never released (e.g. one whose full timeline the caller needs at the end). */
  readonly keep?: ReadonlySet<string>;
  /**
   * Keep every referral's timeline: finished referrals go to the store with it, open ones are held with it.
   * Default: timelines are left empty (`events` gives their length), except for the `keep` referrals'.
   */
  readonly keepTimeline?: boolean;
  /** Called for each refused event; default: refused events are kept in {@link ReferralFold.rejected}. */
  readonly onRejected?: (rejected: RejectedEvent) => void;
}

/** An open (or kept) referral as the fold tracks it. A released one is only its `seq` (and a few bits). */
interface Entry {
  readonly seq: number;
  /** The full state. */
  readonly state: MutableState;
  /** Ids of its events. */
  readonly ids: string[];
  events: number;
  /** Whether its state keeps its timeline (`keepTimeline`, or a kept referral); otherwise the timeline stays empty. */
  readonly timeline: boolean;
}

function idBit(id: string): number {
  const n = id.length;
  return 1 << ((id.charCodeAt(n - 1) * 31 + id.charCodeAt(n - 2) * 7 + n) & 31);
}

function isFinished(status: ReferralStatus): boolean {
  return (
    status === 'rejected' ||
    status === 'completed' ||
    status === 'failed' ||
    status === 'cancelled' ||
    status === 'entered-in-error'
  );
}

/**
 * Folds referral events one at a time, with the same rules and the same
 * rejections as {@link replay} on the whole list (events must already have
 * passed the schema, as `replay(…, { trusted: true })` expects). Finished
 * referrals go to the store and to the observers as soon as they finish;
 * open ones at {@link finish}.
 *
 * @example
 * const metrics = new CaseloadTally();
 * const fold = new ReferralFold({ observers: [metrics] });
 * for (const event of events) fold.push(event);
 * metrics.setAsOf({ asOf });
 * const { open } = fold.finish();
 * const figures = metrics.result();
 */
export class ReferralFold {
  private readonly ctx: CheckContext;
  private readonly store: ReleasedReferralStore;
  private readonly observers: readonly ReferralObserver[];
  private readonly keep: ReadonlySet<string> | undefined;
  private readonly keepTimeline: boolean;
  private readonly onRejected: ((rejected: RejectedEvent) => void) | undefined;
  /** Open referrals by id; a released referral maps to its `seq`. */
  private readonly byId = new Map<string, Entry | number>();
  /** Per released referral (by `seq`): one bit per event id hashed into 32, to skip the store for new ids. */
  private bits = new Uint32Array(1024);
  private index = 0;
  private finished = false;
  /** Events accepted. */
  applied = 0;
  /** Events refused (when no `onRejected` is given). */
  readonly rejected: RejectedEvent[] = [];
  /** Referrals created. */
  referrals = 0;
  /** The time (as written) of the latest-dated event pushed; its milliseconds are worked out when asked for. */
  private latestText: string | undefined;
  private parsedText: string | undefined;
  private parsedMs = -Infinity;
  /** The latest event time seen, compared as text (as `links report` does), or `undefined` before any event. */
  latestAt: string | undefined;

  constructor(options: ReferralFoldOptions = {}) {
    this.ctx = contextFor(options.framework);
    this.store = options.store ?? new MemoryReferralStore();
    this.observers = options.observers ?? [];
    this.keep = options.keep;
    this.keepTimeline = options.keepTimeline === true;
    this.onRejected = options.onRejected;
  }

  /** Folds in the next event; returns its rejection, or `undefined` when it was applied. */
  push(event: ReferralEvent): Rejection | undefined {
    if (this.finished) throw new Error('ReferralFold: push after finish');
    const index = this.index++;
    const at = event.at;
    const top = this.latestText;
    if (
      top !== undefined &&
      at.length === top.length &&
      at.charCodeAt(at.length - 1) === 90 &&
      top.charCodeAt(top.length - 1) === 90
    ) {
      // Two UTC times written alike (same length, both ending in "Z") compare as text: no parsing per event.
      if (at > top) this.latestText = at;
    } else if (Date.parse(at) > this.latest) this.latestText = at;
    if (this.latestAt === undefined || at > this.latestAt) this.latestAt = at;
    const found = this.byId.get(event.referralId);
    const bit = idBit(event.id);
    let released: { readonly referral: ReferralState; readonly events: number; readonly ids: string } | undefined;
    if (typeof found === 'number') {
      // A released (finished) referral: read back only when an event names it (an error correction, a re-delivery).
      released = this.store.get(found);
      if (event.type !== 'created' && (this.bits[found]! & bit) !== 0 && released.ids.includes(`\n${event.id}\n`))
        return this.duplicate(event, index);
    } else if (found !== undefined && event.type !== 'created' && found.ids.includes(event.id)) {
      return this.duplicate(event, index);
    }
    let previous: ReferralState | undefined;
    if (event.type === 'created' && event.previousReferralId !== undefined) {
      const p = this.byId.get(event.previousReferralId);
      previous = p === undefined ? undefined : typeof p === 'number' ? this.store.get(p).referral : p.state;
    }
    const state = released
      ? (released.referral as MutableState)
      : found === undefined
        ? undefined
        : (found as Entry).state;
    const rejection = check(state, event, this.ctx, previous);
    if (rejection !== undefined) return this.refuse(event, index, rejection);
    this.applied++;
    if (found === undefined) {
      const timeline = this.keepTimeline || this.keep?.has(event.referralId) === true;
      const state = createState(event as CreatedEvent);
      // Events are not held in the timeline of a referral whose timeline nobody will read: memory (and garbage
      // collection) then grows with open referrals' states, not with their events.
      if (!timeline) (state.timeline as ReferralEvent[]).length = 0;
      const fresh: Entry = { seq: this.referrals++, state, ids: [event.id], events: 1, timeline };
      this.byId.set(event.referralId, fresh);
      this.releaseIfFinished(fresh);
      return undefined;
    }
    if (released === undefined) {
      const entry = found as Entry;
      entry.events++;
      mutate(entry.state, event);
      if (!entry.timeline) (entry.state.timeline as ReferralEvent[]).length = 0;
      entry.ids.push(event.id);
      this.releaseIfFinished(entry);
      return undefined;
    }
    // A released referral took an event (it was marked entered in error): change it, release it again.
    const seq = found as number;
    this.bits[seq]! |= bit;
    const old = released.referral;
    for (const o of this.observers) o.add(old, seq, -1);
    const restored = {
      ...(old as MutableState),
      timeline: this.keepTimeline ? old.timeline.slice() : [],
    } as MutableState;
    mutate(restored, event);
    if (!this.keepTimeline) restored.timeline = [];
    this.store.put(seq, restored as ReferralState, released.events + 1, `${released.ids}${event.id}\n`);
    for (const o of this.observers) o.add(restored as ReferralState, seq, 1);
    return undefined;
  }

  private duplicate(event: ReferralEvent, index: number): Rejection {
    return this.refuse(event, index, {
      code: 'duplicate-event-id',
      reason: `An event with id "${event.id}" has already been applied: each event is applied once.`,
      eventId: event.id,
    });
  }

  private refuse(event: ReferralEvent, index: number, rejection: Rejection): Rejection {
    const rejected: RejectedEvent = { event, index, code: rejection.code, reason: rejection.reason };
    if (this.onRejected) this.onRejected(rejected);
    else this.rejected.push(rejected);
    return rejection;
  }

  private releaseIfFinished(entry: Entry): void {
    const state = entry.state;
    if (!isFinished(state.status) || this.keep?.has(state.id)) return;
    let bits = 0;
    for (const id of entry.ids) bits |= idBit(id);
    if (entry.seq >= this.bits.length) {
      let size = this.bits.length;
      while (size <= entry.seq) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[entry.seq] = bits;
    this.byId.set(state.id, entry.seq);
    let released = state as ReferralState;
    if (!this.keepTimeline && state.timeline.length > 0) {
      const { timeline: _timeline, ...rest } = state;
      released = { ...rest, timeline: [] } as unknown as ReferralState;
    }
    this.store.put(entry.seq, released, entry.events, `\n${entry.ids.join('\n')}\n`);
    for (const o of this.observers) o.add(released, entry.seq, 1);
  }

  /**
   * Ends the stream: folds the referrals still open (or kept) into the
   * observers, in creation order, and returns them with their creation
   * positions. Set the observers' "as of" time before calling it.
   */
  finish(): {
    readonly held: readonly { readonly seq: number; readonly referral: ReferralState; readonly events: number }[];
  } {
    if (this.finished) throw new Error('ReferralFold: finish called twice');
    this.finished = true;
    const held: { seq: number; referral: ReferralState; events: number }[] = [];
    for (const entry of this.byId.values()) {
      if (typeof entry === 'number') continue;
      held.push({ seq: entry.seq, referral: entry.state as ReferralState, events: entry.events });
      for (const o of this.observers) o.add(entry.state as ReferralState, entry.seq, 1);
    }
    return { held };
  }

  /** The latest event time seen (milliseconds), over every event pushed; `-Infinity` before any. */
  get latest(): number {
    const text = this.latestText;
    if (text === undefined) return -Infinity;
    if (text !== this.parsedText) {
      this.parsedText = text;
      this.parsedMs = Date.parse(text);
    }
    return this.parsedMs;
  }

  /** Events pushed so far. */
  get events(): number {
    return this.index;
  }
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of keys) out[key] = 0;
  return out;
}

function share(count: number, of: number): MetricShare {
  return { count, of, share: of === 0 ? null : count / of };
}

/** A growable list of numbers (8 bytes each) with values taken out again counted aside. */
class NumberBag {
  private data = new Float64Array(1024);
  private size = 0;
  private readonly removed = new Map<number, number>();
  private removedCount = 0;
  add(value: number, sign: 1 | -1): void {
    if (sign === -1) {
      this.removed.set(value, (this.removed.get(value) ?? 0) + 1);
      this.removedCount++;
      return;
    }
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }
  median(): DaysMedian {
    const sorted = this.data.slice(0, this.size).sort();
    let values = sorted;
    if (this.removedCount > 0) {
      const left = new Map(this.removed);
      values = sorted.filter((v) => {
        const n = left.get(v);
        if (n === undefined || n === 0) return true;
        left.set(v, n - 1);
        return false;
      });
    }
    const count = values.length;
    if (count === 0) return { median: null, count: 0 };
    const mid = count >> 1;
    const m = count % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    return { median: Math.round((m / DAY_MS) * 10) / 10, count };
  }
}

interface PracticeTally {
  referrals: number;
  active: number;
  overdue: number;
  /** Creation positions of its counted referrals (for the order practices are listed in). */
  seqs: number[];
  seeded: boolean;
}

/**
 * {@link caseloadMetrics} folded one referral at a time (a
 * {@link ReferralObserver}): the same figures, in the same order, from the
 * same referrals, without holding them. Set the "as of" time
 * ({@link setAsOf}) before adding referrals that may be overdue (requested
 * ones); finished referrals never are.
 */
export class CaseloadTally implements ReferralObserver {
  private readonly framework: Framework;
  private readonly info: Map<string, MetricsPractice>;
  private window: ResponseWindowOptions | undefined;
  private total = 0;
  private counted = 0;
  private active = 0;
  private overdue = 0;
  private unassigned = 0;
  private links = 0;
  private readonly byStatus = zeros(REFERRAL_STATUSES);
  private readonly linkStatus = zeros(RESOURCE_LINK_STATUSES);
  private readonly linkMode = zeros(RESOURCE_MODES);
  private readonly goalStatus = zeros(GOAL_STATUSES);
  private readonly themeCounts: Map<string, number>;
  private readonly practices = new Map<string, PracticeTally>();
  private readonly clps = new Map<string, number>();
  private readonly people = new Map<string, { refs: number; contacts: number; linked: number }>();
  private readonly toResponse = new NumberBag();
  private readonly toContact = new NumberBag();

  constructor(options: Omit<CaseloadMetricsOptions, 'asOf'> & { readonly asOf?: CaseloadMetricsOptions['asOf'] } = {}) {
    this.framework = options.framework ?? LINKS_FRAMEWORK;
    this.themeCounts = new Map(this.framework.themes.map((t) => [t.id, 0]));
    this.info = new Map((options.practices ?? []).map((p) => [p.id, p]));
    for (const p of options.practices ?? [])
      this.practices.set(p.id, { referrals: 0, active: 0, overdue: 0, seqs: [], seeded: true });
    if (options.asOf !== undefined) this.setAsOf({ ...options, asOf: options.asOf });
  }

  /** Sets "now" (and the response window) for overdue flags. */
  setAsOf(options: { readonly asOf: CaseloadMetricsOptions['asOf']; readonly responseWindowDays?: number }): void {
    this.window = {
      asOf: options.asOf,
      ...(options.responseWindowDays !== undefined ? { responseWindowDays: options.responseWindowDays } : {}),
    };
  }

  add(r: ReferralState, seq: number, sign: 1 | -1): void {
    this.total += sign;
    this.byStatus[r.status] += sign;
    if (r.status === 'draft' || r.status === 'entered-in-error') return;
    this.counted += sign;
    let practice = this.practices.get(r.practiceId);
    if (!practice) {
      practice = { referrals: 0, active: 0, overdue: 0, seqs: [], seeded: false };
      this.practices.set(r.practiceId, practice);
    }
    practice.referrals += sign;
    if (sign === 1) practice.seqs.push(seq);
    else {
      const at = practice.seqs.indexOf(seq);
      if (at !== -1) practice.seqs.splice(at, 1);
      if (practice.referrals === 0 && !practice.seeded) this.practices.delete(r.practiceId);
    }
    const isActive = r.status === 'accepted' || r.status === 'in-progress' || r.status === 'on-hold';
    if (isActive) {
      this.active += sign;
      practice.active += sign;
      if (r.clpId === undefined) this.unassigned += sign;
      else {
        const n = (this.clps.get(r.clpId) ?? 0) + sign;
        if (n === 0) this.clps.delete(r.clpId);
        else this.clps.set(r.clpId, n);
      }
    }
    if (r.status === 'requested') {
      if (!this.window) throw new Error('CaseloadTally: set the "as of" time before adding requested referrals');
      if (isOverdue(r, this.window)) {
        this.overdue += sign;
        practice.overdue += sign;
      }
    }
    if (r.requestedAt !== undefined) {
      const requested = Date.parse(r.requestedAt);
      if (r.respondedAt !== undefined) this.toResponse.add(Date.parse(r.respondedAt) - requested, sign);
      if (r.firstContactAt !== undefined) this.toContact.add(Date.parse(r.firstContactAt) - requested, sign);
    }
    let person = this.people.get(r.person);
    if (!person) {
      person = { refs: 0, contacts: 0, linked: 0 };
      this.people.set(r.person, person);
    }
    person.refs += sign;
    person.contacts += sign * r.contacts.length;
    if (r.resourceLinks.length > 0) person.linked += sign;
    if (person.refs === 0) this.people.delete(r.person);
    for (const link of r.resourceLinks) {
      this.links += sign;
      this.linkStatus[link.status] += sign;
      this.linkMode[link.mode] += sign;
    }
    for (const goal of r.goals) this.goalStatus[goal.status] += sign;
    for (const reason of r.reasons)
      this.themeCounts.set(reason.themeId, (this.themeCounts.get(reason.themeId) ?? 0) + sign);
  }

  /** The figures so far, exactly as {@link caseloadMetrics} gives them for the same referrals. */
  result(): CaseloadMetrics {
    const asOf = this.window?.asOf ?? new Date(0).toISOString();
    const asOfMs = toMillis(asOf);
    let seen3 = 0;
    let linked = 0;
    for (const person of this.people.values()) {
      if (person.contacts >= 3) seen3++;
      if (person.linked > 0) linked++;
    }
    const goalsSet = GOAL_STATUSES.reduce((sum, s) => sum + (s === 'cancelled' ? 0 : this.goalStatus[s]), 0);
    const themeName = new Map(this.framework.themes.map((t) => [t.id, t.name]));
    const firstSeq = (p: PracticeTally) => {
      let min = Infinity;
      for (const s of p.seqs) if (s < min) min = s;
      return min;
    };
    const seeded: [string, PracticeTally][] = [];
    const others: [string, PracticeTally, number][] = [];
    for (const [id, p] of this.practices) {
      if (p.seeded) seeded.push([id, p]);
      else others.push([id, p, firstSeq(p)]);
    }
    others.sort((a, b) => a[2] - b[2]);
    const practices = [...seeded, ...others.map(([id, p]) => [id, p] as [string, PracticeTally])];
    const byStatus = { ...this.byStatus };
    return {
      asOf: Number.isFinite(asOfMs) ? new Date(asOfMs).toISOString() : String(asOf),
      total: this.total,
      referrals: this.counted,
      byStatus,
      active: this.active,
      overdue: this.overdue,
      daysToResponse: this.toResponse.median(),
      daysToFirstContact: this.toContact.median(),
      people: this.people.size,
      seenThreeOrMore: share(seen3, this.people.size),
      linkedToResource: share(linked, this.people.size),
      resourceUptake: {
        ...share(this.linkStatus.attending + this.linkStatus.attended, this.links),
        byStatus: { ...this.linkStatus } as Record<ResourceLinkStatus, number>,
        byMode: { ...this.linkMode } as Record<ResourceMode, number>,
      },
      goalsAchieved: {
        ...share(this.goalStatus.achieved, goalsSet),
        byStatus: { ...this.goalStatus } as Record<GoalStatus, number>,
      },
      reasonsByTheme: Array.from(this.themeCounts, ([themeId, count]) => ({
        themeId,
        name: themeName.get(themeId) ?? themeId,
        count,
      })),
      practices: practices.map(([practiceId, p]) => {
        const meta = this.info.get(practiceId);
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
      caseloadPerClp: Array.from(this.clps, ([clpId, n]) => ({ clpId, active: n })).sort(
        (a, b) => b.active - a.active || (a.clpId < b.clpId ? -1 : 1),
      ),
      unassigned: this.unassigned,
    };
  }
}

/**
 * The outcomes module's `referralFiguresByCohort` (over all referrals, no
 * period) folded one referral at a time: a {@link CaseloadTally} per cohort,
 * seeded with its practices; referrals from practices in neither cohort are
 * left out.
 */
export class CohortReferralTally implements ReferralObserver {
  private readonly cohortOf = new Map<string, 'programme' | 'comparison'>();
  private readonly tallies: Record<'programme' | 'comparison', CaseloadTally>;
  private readonly members: Record<'programme' | 'comparison', readonly EvaluationPractice[]>;

  constructor(practices: readonly EvaluationPractice[]) {
    const members = {
      programme: practices.filter((p) => p.cohort === 'programme'),
      comparison: practices.filter((p) => p.cohort === 'comparison'),
    };
    this.members = members;
    for (const p of practices) if (!this.cohortOf.has(p.id)) this.cohortOf.set(p.id, p.cohort);
    const seed = (list: readonly EvaluationPractice[]) =>
      new CaseloadTally({
        practices: list.map((p) => ({
          id: p.id,
          ...(p.name !== undefined ? { name: p.name } : {}),
          ...(p.listSize !== undefined ? { listSize: p.listSize } : {}),
        })),
      });
    this.tallies = { programme: seed(members.programme), comparison: seed(members.comparison) };
    // A practice listed in both cohorts counts in both, as in referralFiguresByCohort.
    this.both = new Set(members.programme.map((p) => p.id).filter((id) => members.comparison.some((c) => c.id === id)));
  }

  private readonly both: ReadonlySet<string>;

  /** Sets "now" for overdue flags. */
  setAsOf(options: { readonly asOf: string }): void {
    this.tallies.programme.setAsOf(options);
    this.tallies.comparison.setAsOf(options);
  }

  add(r: ReferralState, seq: number, sign: 1 | -1): void {
    if (this.both.has(r.practiceId)) {
      this.tallies.programme.add(r, seq, sign);
      this.tallies.comparison.add(r, seq, sign);
      return;
    }
    const cohort = this.cohortOf.get(r.practiceId);
    if (cohort !== undefined) this.tallies[cohort].add(r, seq, sign);
  }

  /** The figures, exactly as `referralFiguresByCohort(practices, referrals, { asOf })` gives them. */
  result(): { readonly programme: CohortReferralFigures; readonly comparison: CohortReferralFigures } {
    const figures = (cohort: 'programme' | 'comparison'): CohortReferralFigures => {
      const members = this.members[cohort];
      const metrics = this.tallies[cohort].result();
      return cohortReferralFigures(members, metrics);
    };
    return { programme: figures('programme'), comparison: figures('comparison') };
  }
}

/** A practice as {@link PracticeCaseloadTally} lists it. */
export interface TalliedPractice {
  readonly id: string;
  readonly listSize?: number;
}

/**
 * Caseload figures per practice, folded one referral at a time (a
 * {@link ReferralObserver}): for each practice, the figures
 * `caseloadMetrics` gives for that practice's referrals requested (or, never
 * requested, created) in the period, with the practice and its list size as
 * the only practice given — what the per-practice summary export needs,
 * without holding the referrals. Practices are listed in the order given,
 * then practices with referrals that were not given, in the order of their
 * first referral.
 */
export class PracticeCaseloadTally<P extends TalliedPractice = TalliedPractice> implements ReferralObserver {
  private readonly given: readonly P[];
  private readonly listSizes = new Map<string, number>();
  private readonly tallies = new Map<string, { tally: CaseloadTally; first: number }>();
  private asOf: string | undefined;

  constructor(
    practices: readonly P[],
    private readonly period: { readonly from?: string; readonly to?: string } = {},
  ) {
    this.given = practices;
    for (const p of practices)
      if (p.listSize !== undefined && !this.listSizes.has(p.id)) this.listSizes.set(p.id, p.listSize);
  }

  /** Sets "now" for overdue flags (before requested referrals are added, i.e. before the fold finishes). */
  setAsOf(asOf: string): void {
    this.asOf = asOf;
    for (const { tally } of this.tallies.values()) tally.setAsOf({ asOf });
  }

  add(r: ReferralState, seq: number, sign: 1 | -1): void {
    const day = (r.requestedAt ?? r.createdAt).slice(0, 10);
    const { from, to } = this.period;
    if ((from !== undefined && day < from) || (to !== undefined && day > to)) return;
    let entry = this.tallies.get(r.practiceId);
    if (entry === undefined) {
      entry = { tally: this.tallyFor(r.practiceId), first: seq };
      this.tallies.set(r.practiceId, entry);
    } else if (seq < entry.first) entry.first = seq;
    entry.tally.add(r, seq, sign);
  }

  /** Each practice with its figures, in the order described above. */
  result(): { readonly practice: P | { readonly id: string }; readonly metrics: CaseloadMetrics }[] {
    const listed = new Set(this.given.map((p) => p.id));
    const others = Array.from(this.tallies).filter(([id]) => !listed.has(id));
    others.sort((a, b) => a[1].first - b[1].first);
    const out: { practice: P | { readonly id: string }; metrics: CaseloadMetrics }[] = [];
    for (const practice of this.given)
      out.push({ practice, metrics: (this.tallies.get(practice.id)?.tally ?? this.tallyFor(practice.id)).result() });
    for (const [id, { tally }] of others) out.push({ practice: { id }, metrics: tally.result() });
    return out;
  }

  private tallyFor(id: string): CaseloadTally {
    const listSize = this.listSizes.get(id);
    return new CaseloadTally({
      practices: [{ id, ...(listSize !== undefined ? { listSize } : {}) }],
      ...(this.asOf !== undefined ? { asOf: this.asOf } : {}),
    });
  }
}
