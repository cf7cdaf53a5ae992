// Replay of 1,000,000 referral events: events per second, and the ratio to a
// hand-written mutable reducer over the same events (target: ≤ 2×). Both
// build the same state (status, dates, consent, contacts, goals, resource
// links, follow-ups, notes, timeline); the baseline checks nothing, replay
// checks every workflow rule. The events go through JSON first, as they do
// when read from a file. Runs alternate, each after a forced full GC (the same
// for replay and baseline); wall-clock and process CPU time are
// both reported (CPU time is steadier on a busy machine). Also the
// schema-validating replay, for scale. Prints figures and same-run ratios;
// asserts nothing.
import { generateDemoReferrals } from '@links-approach/core/demo-data';
import {
  FINISHED_STATUSES,
  ReferralFold,
  replay,
  type ReferralEvent,
  type ReferralStatus,
} from '@links-approach/core/referral';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { best, median } from './stats.mjs';

// The same GC treatment for every timed run, replay and baseline alike: a full collection just before the clock
// starts, so garbage one run leaves behind (the previous run's states) never lands on the next run's clock.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// --tiny: 2,000 events, 2 runs: checks the bench still runs (no figures judged).
const tiny = process.argv.includes('--tiny');
const TARGET = tiny ? 2_000 : Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = tiny ? 2 : Number(process.env.BENCH_RUNS ?? 7);
const WARM = Math.min(200_000, TARGET);
const VALIDATED = Math.min(100_000, TARGET);

function makeEvents(): ReferralEvent[] {
  const practices = Array.from({ length: 68 }, (_, i) => ({ id: `practice-${i + 1}`, listSize: 6000 }));
  const doc = generateDemoReferrals({
    practices,
    seed: 2024,
    asOf: '2025-03-31T12:00:00Z',
    referralsPerPractice: Math.ceil((TARGET / 1_000_000) * 1300),
  });
  if (doc.events.length < TARGET) throw new Error(`only ${doc.events.length} events generated`);
  return JSON.parse(JSON.stringify(doc.events.slice(0, TARGET))) as ReferralEvent[];
}

interface Mutable {
  id: string;
  status: string;
  businessStatus: string | undefined;
  statusReason: string | undefined;
  person: string;
  practiceId: string;
  clpId: string | undefined;
  urgency: string;
  consent: Record<string, string>;
  doNotContact: boolean;
  requestedAt: string | undefined;
  respondedAt: string | undefined;
  firstContactAt: string | undefined;
  finishedAt: string | undefined;
  updatedAt: string;
  outcome: unknown;
  contactAttempts: unknown[];
  contacts: unknown[];
  goals: { id: string; status: string; statement: string; themeId: string; addedAt: string; updatedAt: string }[];
  resourceLinks: { id: string; status: string; mode: string; resource: unknown; linkedAt: string; updatedAt: string }[];
  followUps: { id: string; due: string; done: boolean; doneAt: string | undefined; scheduledAt: string }[];
  notes: unknown[];
  timeline: ReferralEvent[];
}

const FINISHED = new Set<ReferralStatus>(FINISHED_STATUSES);

/** The baseline: a plain switch that trusts every event and mutates objects in place. */
function mutableReducer(events: readonly ReferralEvent[]): Map<string, Mutable> {
  const states = new Map<string, Mutable>();
  for (const e of events) {
    if (e.type === 'created') {
      const consent: Record<string, string> = {
        contact: 'not-asked',
        'share-outcome-with-gp-record': 'not-asked',
        'share-with-community-organisation': 'not-asked',
      };
      if (e.consent) for (const s of e.consent) consent[s] = 'given';
      states.set(e.referralId, {
        id: e.referralId,
        status: e.status,
        businessStatus: undefined,
        statusReason: undefined,
        person: e.person,
        practiceId: e.practiceId,
        clpId: e.clpId,
        urgency: e.urgency,
        consent,
        doNotContact: false,
        requestedAt: e.status === 'requested' ? e.at : undefined,
        respondedAt: undefined,
        firstContactAt: undefined,
        finishedAt: undefined,
        updatedAt: e.at,
        outcome: undefined,
        contactAttempts: [],
        contacts: [],
        goals: [],
        resourceLinks: [],
        followUps: [],
        notes: [],
        timeline: [e],
      });
      continue;
    }
    const s = states.get(e.referralId)!;
    s.updatedAt = e.at;
    s.timeline.push(e);
    switch (e.type) {
      case 'status-changed':
        s.status = e.to;
        s.statusReason = e.reason;
        if (e.to === 'requested' && !s.requestedAt) s.requestedAt = e.at;
        if ((e.to === 'accepted' || e.to === 'rejected') && !s.respondedAt) {
          s.respondedAt = e.at;
          s.clpId ??= e.actor.id;
        }
        if (e.outcome) s.outcome = e.outcome;
        if (!s.finishedAt && FINISHED.has(e.to)) s.finishedAt = e.at;
        s.businessStatus = e.to === 'in-progress' ? (s.contacts.length ? 'engaged' : 'contacting') : undefined;
        break;
      case 'details-updated':
        if (e.urgency) s.urgency = e.urgency;
        break;
      case 'clp-assigned':
        s.clpId = e.clpId;
        break;
      case 'consent-given':
        s.consent[e.scope] = 'given';
        break;
      case 'consent-withdrawn':
        s.consent[e.scope] = 'withdrawn';
        break;
      case 'do-not-contact-set':
        s.doNotContact = true;
        break;
      case 'do-not-contact-cleared':
        s.doNotContact = false;
        break;
      case 'contact-attempted':
        s.contactAttempts.push({ eventId: e.id, at: e.at, clpId: e.actor.id, method: e.method, outcome: e.outcome });
        break;
      case 'contact-recorded':
        s.contacts.push({
          eventId: e.id,
          at: e.at,
          clpId: e.actor.id,
          setting: e.setting,
          durationMinutes: e.durationMinutes,
        });
        s.firstContactAt ??= e.at;
        if (s.status === 'in-progress') s.businessStatus = 'engaged';
        break;
      case 'goal-added':
        s.goals.push({
          id: e.goalId,
          statement: e.statement,
          themeId: e.themeId,
          status: e.status ?? 'proposed',
          addedAt: e.at,
          updatedAt: e.at,
        });
        break;
      case 'goal-updated': {
        const g = s.goals.find((x) => x.id === e.goalId)!;
        if (e.status) g.status = e.status;
        g.updatedAt = e.at;
        break;
      }
      case 'resource-linked':
        s.resourceLinks.push({
          id: e.linkId,
          resource: e.resource,
          mode: e.mode,
          status: e.status ?? 'suggested',
          linkedAt: e.at,
          updatedAt: e.at,
        });
        break;
      case 'resource-updated': {
        const l = s.resourceLinks.find((x) => x.id === e.linkId)!;
        if (e.status) l.status = e.status;
        if (e.mode) l.mode = e.mode;
        l.updatedAt = e.at;
        break;
      }
      case 'follow-up-scheduled':
        s.followUps.push({ id: e.followUpId, due: e.due, done: false, doneAt: undefined, scheduledAt: e.at });
        break;
      case 'follow-up-done': {
        const f = s.followUps.find((x) => x.id === e.followUpId)!;
        f.done = true;
        f.doneAt = e.at;
        break;
      }
      case 'outcome-recorded':
        s.outcome = e.outcome;
        break;
      case 'note-added':
        s.notes.push({ eventId: e.id, at: e.at, actor: e.actor, text: e.text });
        break;
    }
  }
  return states;
}

function time<T>(fn: () => T): { ms: number; cpu: number; result: T } {
  gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpu: (used.user + used.system) / 1000, result };
}

const genStart = performance.now();
const events = makeEvents();
console.log(
  `generated ${events.length.toLocaleString('en-GB')} events in ${((performance.now() - genStart) / 1000).toFixed(
    1,
  )} s`,
);

// Warm up both paths.
replay(events.slice(0, WARM), { trusted: true });
mutableReducer(events.slice(0, WARM));

const replayMs: number[] = [];
const baselineMs: number[] = [];
const replayCpu: number[] = [];
const baselineCpu: number[] = [];
let check = { applied: 0, rejected: 0, referrals: 0, baseline: 0 };
for (let run = 0; run < RUNS; run++) {
  // Alternate the order so neither side always runs on a warmer heap.
  const first = run % 2 === 0;
  const base = () => {
    const b = time(() => mutableReducer(events));
    baselineMs.push(b.ms);
    baselineCpu.push(b.cpu);
    check.baseline = b.result.size;
  };
  if (first) base();
  const r = time(() => replay(events, { trusted: true }));
  replayMs.push(r.ms);
  replayCpu.push(r.cpu);
  if (!first) base();
  check = {
    ...check,
    applied: r.result.applied,
    rejected: r.result.rejected.length,
    referrals: r.result.state.referrals.length,
  };
}

const replayMedian = median(replayMs);
const baselineMedian = median(baselineMs);
console.log(
  `replay (trusted) applied ${check.applied.toLocaleString('en-GB')}, rejected ${
    check.rejected
  }, referrals ${check.referrals.toLocaleString('en-GB')}`,
);
console.log(
  `replay, trusted events      median ${replayMedian.toFixed(0)} ms  ${Math.round(
    TARGET / (replayMedian / 1000),
  ).toLocaleString('en-GB')} events/s  (runs: ${replayMs.map((m) => m.toFixed(0)).join(', ')})`,
);
console.log(
  `hand-written mutable reducer median ${baselineMedian.toFixed(0)} ms  ${Math.round(
    TARGET / (baselineMedian / 1000),
  ).toLocaleString('en-GB')} events/s  (runs: ${baselineMs.map((m) => m.toFixed(0)).join(', ')})`,
);
const cpuRate = (ms: number) => Math.round(TARGET / (ms / 1000)).toLocaleString('en-GB');
console.log(
  `by CPU time: replay median ${cpuRate(median(replayCpu))} events/s, best ${cpuRate(
    best(replayCpu),
  )} events/s (target ≥ 1,000,000); mutable reducer median ${cpuRate(median(baselineCpu))}, best ${cpuRate(
    best(baselineCpu),
  )} events/s`,
);
console.log(
  `ratio replay / mutable reducer, wall-clock: ${(replayMedian / baselineMedian).toFixed(2)}× (median), ${(
    best(replayMs) / best(baselineMs)
  ).toFixed(2)}× (best vs best)  (target ≤ 2×)`,
);
console.log(
  `ratio replay / mutable reducer, CPU time:   ${(median(replayCpu) / median(baselineCpu)).toFixed(
    2,
  )}× (median of ${median(replayCpu).toFixed(0)} / ${median(baselineCpu).toFixed(0)} ms), ${(
    best(replayCpu) / best(baselineCpu)
  ).toFixed(2)}× (best vs best)`,
);

// The incremental fold the CLI streams through (finished referrals released to a store as they finish).
const folded = time(() => {
  const fold = new ReferralFold({ onRejected: () => {} });
  for (const event of events) fold.push(event);
  return fold.finish();
});
console.log(
  `incremental fold (ReferralFold, trusted events): ${folded.ms.toFixed(0)} ms, ${Math.round(
    TARGET / (folded.ms / 1000),
  ).toLocaleString('en-GB')} events/s, ${(folded.ms / best(replayMs)).toFixed(2)}× the best replay run`,
);

// Validating replay (each event through validateReferralEvent's fast path; zod only for invalid ones) against
// trusted replay of the same slice, alternating, median and best of each.
const slice = events.slice(0, VALIDATED);
const validatingMs: number[] = [];
const trustedSliceMs: number[] = [];
const validatingCpu: number[] = [];
const trustedSliceCpu: number[] = [];
for (let run = 0; run < Math.max(3, RUNS); run++) {
  const v = () => {
    const r = time(() => replay(slice));
    validatingMs.push(r.ms);
    validatingCpu.push(r.cpu);
  };
  const t = () => {
    const r = time(() => replay(slice, { trusted: true }));
    trustedSliceMs.push(r.ms);
    trustedSliceCpu.push(r.cpu);
  };
  if (run % 2 === 0) {
    v();
    t();
  } else {
    t();
    v();
  }
}
const rate = (ms: number) => Math.round(VALIDATED / (ms / 1000)).toLocaleString('en-GB');
console.log(
  `replay validating each event (${VALIDATED.toLocaleString('en-GB')} events): median ${rate(
    median(validatingMs),
  )} events/s, best ${rate(
    best(validatingMs),
  )} events/s (target ≥ 300,000); trusted replay of the same events: median ${rate(
    median(trustedSliceMs),
  )}, best ${rate(best(trustedSliceMs))} events/s; validating ÷ trusted ${(
    median(validatingMs) / median(trustedSliceMs)
  ).toFixed(2)}× median, ${(best(validatingMs) / best(trustedSliceMs)).toFixed(2)}× best vs best`,
);
console.log(
  `  the same by CPU time: validating median ${rate(median(validatingCpu))}, best ${rate(
    best(validatingCpu),
  )} events/s; trusted median ${rate(median(trustedSliceCpu))}, best ${rate(best(trustedSliceCpu))} events/s`,
);
