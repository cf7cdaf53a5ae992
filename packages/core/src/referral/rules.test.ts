import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allowedActions,
  caseloadMetrics,
  caseloadRows,
  DEFAULT_RESPONSE_WINDOWS,
  responseDueAt,
  responseWindowFor,
  duplicateWarning,
  filterCaseload,
  findDuplicates,
  followUpsDue,
  isOverdue,
  responseWindow,
  sortCaseload,
} from '../test-all.js';
import { build, CLP, eventsTo, MANAGER, REFERRER, script, SYSTEM } from './fixtures.test.js';

const day = (n: number) => new Date(Date.parse('2025-01-06T10:00:00Z') + n * 86_400_000).toISOString();

test('the response window: overdue after 14 days by default, configurable, cleared by a response', () => {
  const requested = build(eventsTo('requested')); // requested 2025-01-06T10:00Z
  assert.equal(requested.requestedAt, day(0));
  assert.equal(isOverdue(requested, { asOf: day(14) }), false, 'exactly 14 days is not yet overdue');
  assert.equal(isOverdue(requested, { asOf: day(14.01) }), true);
  assert.equal(isOverdue(requested, { asOf: day(8), responseWindowDays: 7 }), true);
  assert.equal(isOverdue(requested, { asOf: '2025-01-30' }), true, 'a plain date is read as midnight UTC');
  const window = responseWindow(requested, { asOf: day(20) });
  assert.deepEqual(window, {
    dueBy: day(14),
    overdue: true,
    respondedLate: false,
    daysWaiting: 20,
    window: { days: 14, unit: 'days' },
  });

  const s = script('ref-1', Date.parse(day(20)));
  const lateAccept = build([...requested.timeline, s.status('accepted', CLP)]);
  assert.equal(isOverdue(lateAccept, { asOf: day(30) }), false);
  assert.deepEqual(responseWindow(lateAccept, { asOf: day(30) }), {
    dueBy: day(14),
    overdue: false,
    respondedLate: true,
    window: { days: 14, unit: 'days' },
  });
  const draft = build(eventsTo('draft'));
  assert.deepEqual(responseWindow(draft, { asOf: day(60) }), { overdue: false, respondedLate: false });
  const cancelled = build(eventsTo('cancelled'));
  assert.equal(isOverdue(cancelled, { asOf: day(60) }), false);
});

test('follow-ups due: open referrals only, not done, earliest first, with a look-ahead', () => {
  const s = script('ref-a');
  const a = build([
    s.created(),
    s.status('accepted'),
    s.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-01-20' }),
    s.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f2', due: '2025-01-10' }),
    s.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f3', due: '2025-01-08' }),
    s.event(CLP, { type: 'follow-up-done', followUpId: 'f3' }),
  ]);
  const t = script('ref-b');
  const finished = build([
    t.created(),
    t.status('accepted'),
    t.event(CLP, { type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-01-09' }),
    t.status('failed', CLP, { reason: 'Moved away' }),
  ]);
  const due = followUpsDue([finished, a], { asOf: '2025-01-15T12:00:00Z' });
  assert.deepEqual(
    due.map((d) => [d.referralId, d.followUp.id, d.overdue]),
    [['ref-a', 'f2', true]],
  );
  const ahead = followUpsDue([a], { asOf: '2025-01-15', withinDays: 7 });
  assert.deepEqual(
    ahead.map((d) => [d.followUp.id, d.followUp.due, d.overdue]),
    [
      ['f2', '2025-01-10', true],
      ['f1', '2025-01-20', false],
    ],
  );
  assert.equal(followUpsDue([a], { asOf: '2025-01-10' })[0]!.overdue, false, 'due today is due, not overdue');
});

test('duplicate warnings: the same person with another live referral', () => {
  const live = build(eventsTo('in-progress', 'ref-live'));
  const done = build(eventsTo('completed', 'ref-done'));
  const draft = build([script('ref-draft', Date.parse('2025-02-01T00:00:00Z')).created({ status: 'draft' })]);
  const other = build([script('ref-other').created({ person: 'pt-other' })]);
  const groups = findDuplicates([live, done, draft, other]);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.person, 'pt-7f3a9c');
  assert.deepEqual(
    groups[0]!.referrals.map((r) => r.id),
    ['ref-live', 'ref-draft'],
  );
  assert.deepEqual(findDuplicates([done, draft, other]), [], 'a finished referral and a draft are no duplicate');
  const warning = duplicateWarning([live, done, other], 'pt-7f3a9c', { excludeId: 'ref-draft' });
  assert.ok(warning);
  assert.deepEqual(
    warning.openReferrals.map((r) => r.id),
    ['ref-live'],
  );
  assert.match(warning.message, /already has an open referral \(ref-live, in-progress, since 2025-01-06\)/);
  assert.equal(warning.messageCode, 'referral.duplicate-open');
  assert.deepEqual(warning.params, { id: 'ref-live', status: 'in-progress', since: '2025-01-06' });
  const twice = build(eventsTo('requested', 'ref-again'));
  const both = duplicateWarning([live, twice], twice.person);
  assert.equal(both?.messageCode, 'referral.duplicates-open');
  assert.deepEqual(both?.params, { count: 2, ids: ['ref-live', 'ref-again'] });
  assert.equal(
    both?.message,
    'This person already has 2 open referrals (ref-live, ref-again). Check with the Community Links Practitioner before referring again.',
  );
  assert.equal(duplicateWarning([done, other], 'pt-7f3a9c'), undefined);
  assert.equal(duplicateWarning([live], 'pt-7f3a9c', { excludeId: 'ref-live' }), undefined);
});

test('allowed actions per role and state, with what each needs', () => {
  const requested = build(eventsTo('requested'));
  const labels = (actions: ReturnType<typeof allowedActions>) =>
    actions.map((a) => (a.to ? `${a.type}:${a.to}` : a.type));
  assert.deepEqual(labels(allowedActions(requested, { role: 'clp', id: 'clp-1' })), [
    'status-changed:accepted',
    'status-changed:rejected',
    'status-changed:cancelled',
    'consent-given',
    'consent-withdrawn',
    'do-not-contact-set',
    'note-added',
  ]);
  assert.deepEqual(
    allowedActions(requested, CLP).find((a) => a.to === 'rejected'),
    {
      type: 'status-changed',
      to: 'rejected',
      label: 'Reject',
      labelCode: 'action.rejected',
      requires: ['reason'],
      reasonCodes: [
        'not-suitable',
        'needs-other-service',
        'already-supported',
        'person-declined',
        'duplicate',
        'other',
      ],
    },
  );
  assert.deepEqual(labels(allowedActions(requested, REFERRER)), [
    'status-changed:cancelled',
    'status-changed:entered-in-error',
    'consent-given',
    'consent-withdrawn',
    'do-not-contact-set',
    'note-added',
  ]);
  assert.deepEqual(labels(allowedActions(requested, MANAGER)), [
    'status-changed:cancelled',
    'status-changed:entered-in-error',
    'clp-assigned',
    'do-not-contact-set',
    'note-added',
  ]);
  assert.deepEqual(labels(allowedActions(requested, SYSTEM)), ['note-added']);

  const inProgress = build(eventsTo('in-progress'));
  const clp = allowedActions(inProgress, { role: 'clp' });
  assert.ok(labels(clp).includes('contact-recorded'));
  assert.deepEqual(
    clp.find((a) => a.to === 'completed')?.requires,
    ['outcome'],
    'completion needs an outcome until one is recorded',
  );
  assert.deepEqual(
    allowedActions(inProgress, { role: 'clp', id: 'clp-2' }).filter(
      (a) => a.type !== 'note-added' && !a.type.startsWith('consent') && !a.type.startsWith('do-not'),
    ),
    [],
    'another CLP gets no casework',
  );
  const onHold = build(eventsTo('on-hold'));
  assert.equal(allowedActions(onHold, CLP).find((a) => a.to === 'in-progress')?.label, 'Resume');

  const dnc = build([
    ...inProgress.timeline,
    script('ref-1', Date.parse('2025-02-01T00:00:00Z')).event(MANAGER, { type: 'do-not-contact-set' }),
  ]);
  const dncLabels = labels(allowedActions(dnc, CLP));
  assert.ok(
    !dncLabels.includes('contact-recorded') && !dncLabels.includes('contact-attempted'),
    'no contact under do-not-contact',
  );
  assert.ok(dncLabels.includes('do-not-contact-cleared'));

  const completed = build(eventsTo('completed'));
  assert.deepEqual(labels(allowedActions(completed, CLP)), []);
  assert.deepEqual(labels(allowedActions(completed, REFERRER)), ['status-changed:entered-in-error']);
  assert.deepEqual(labels(allowedActions(undefined, REFERRER)), ['created']);
  assert.deepEqual(allowedActions(undefined, CLP), [
    { type: 'created', label: 'Record a self-referral', labelCode: 'action.created-self', requires: [] },
  ]);
  assert.deepEqual(allowedActions(undefined, MANAGER), []);
});

test('caseload rows: derived once, then filtered and sorted in core', () => {
  const referrals = [
    build(eventsTo('requested', 'ref-a')),
    build(eventsTo('in-progress', 'ref-b')),
    build([
      script('ref-c').created({
        person: 'pt-c',
        practiceId: 'practice-2',
        urgency: 'urgent',
        reasons: [{ themeId: 'dying-well' }],
      }),
    ]),
    build(eventsTo('completed', 'ref-d')),
  ];
  const rows = caseloadRows(referrals, { asOf: '2025-02-01T00:00:00Z' });
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
  assert.equal(byId['ref-a']!.overdue, true);
  assert.equal(byId['ref-a']!.daysWaiting, 25);
  assert.equal(byId['ref-a']!.duplicate, true, 'ref-a and ref-b are the same person');
  assert.equal(byId['ref-d']!.duplicate, false);
  assert.equal(byId['ref-b']!.businessStatus, 'contacting');
  assert.equal(byId['ref-c']!.overdue, true);

  assert.deepEqual(
    filterCaseload(rows, { overdue: true }).map((r) => r.id),
    ['ref-a', 'ref-c'],
  );
  assert.deepEqual(
    filterCaseload(rows, { statuses: ['in-progress', 'completed'] }).map((r) => r.id),
    ['ref-b', 'ref-d'],
  );
  assert.deepEqual(
    filterCaseload(rows, { practiceIds: ['practice-2'] }).map((r) => r.id),
    ['ref-c'],
  );
  assert.deepEqual(
    filterCaseload(rows, { themeId: 'dying-well' }).map((r) => r.id),
    ['ref-c'],
  );
  assert.deepEqual(
    filterCaseload(rows, { text: 'PT-C' }).map((r) => r.id),
    ['ref-c'],
  );
  assert.deepEqual(filterCaseload(rows, {}).length, 4);

  assert.deepEqual(sortCaseload(rows, { key: 'urgency', direction: 'descending' }).map((r) => r.id)[0], 'ref-c');
  assert.deepEqual(
    sortCaseload(rows, { key: 'status', direction: 'ascending' }).map((r) => r.id),
    ['ref-a', 'ref-c', 'ref-b', 'ref-d'],
  );
  assert.deepEqual(
    sortCaseload(rows, { key: 'daysWaiting', direction: 'descending' }).map((r) => r.id),
    ['ref-a', 'ref-c', 'ref-b', 'ref-d'],
    'rows without a value go last',
  );
  assert.notEqual(sortCaseload(rows, { key: 'updatedAt', direction: 'ascending' }), rows, 'a new array');
});

test('response windows per urgency: urgent 2 working days, soon 7 days, routine 14 days by default; host-configurable, with holidays', () => {
  assert.deepEqual(DEFAULT_RESPONSE_WINDOWS, {
    urgent: { days: 2, unit: 'working-days' },
    soon: { days: 7, unit: 'days' },
    routine: { days: 14, unit: 'days' },
  });
  // Thursday 2025-01-09 10:00: 2 working days is Monday 13 January 10:00 (the weekend does not count).
  const thursday = script('ref-u', Date.parse('2025-01-09T09:00:00Z'));
  const urgent = build([thursday.created({ urgency: 'urgent' })]);
  assert.equal(urgent.requestedAt, '2025-01-09T10:00:00.000Z');
  assert.equal(responseWindow(urgent, { asOf: '2025-01-10T12:00:00Z' }).dueBy, '2025-01-13T10:00:00.000Z');
  assert.equal(isOverdue(urgent, { asOf: '2025-01-13T10:00:00Z' }), false);
  assert.equal(isOverdue(urgent, { asOf: '2025-01-13T10:01:00Z' }), true, 'overdue days before a routine one would be');
  assert.equal(
    isOverdue(urgent, { asOf: '2025-01-13T10:01:00Z', holidays: ['2025-01-10'] }),
    false,
    'a host holiday is not a working day',
  );
  assert.equal(
    responseDueAt('2025-01-11T10:00:00Z', { days: 2, unit: 'working-days' }),
    Date.parse('2025-01-14T10:00:00Z'),
    'from a Saturday: Tuesday',
  );
  const soon = build([script('ref-s').created({ urgency: 'soon' })]);
  assert.equal(isOverdue(soon, { asOf: day(7) }), false);
  assert.equal(isOverdue(soon, { asOf: day(7.01) }), true);
  assert.equal(isOverdue(soon, { asOf: day(7.01), responseWindows: { soon: { days: 10, unit: 'days' } } }), false);
  assert.deepEqual(responseWindowFor('urgent', { responseWindows: { urgent: { days: 1, unit: 'days' } } }), {
    days: 1,
    unit: 'days',
  });
  assert.deepEqual(responseWindowFor('routine', { responseWindows: { urgent: { days: 1, unit: 'days' } } }), {
    days: 14,
    unit: 'days',
  });
  assert.deepEqual(
    responseWindowFor('urgent', { responseWindowDays: 5 }),
    { days: 5, unit: 'days' },
    'one window for every urgency',
  );
  // The caseload rows and the figures use the same windows.
  const rows = caseloadRows([urgent, soon], { asOf: '2025-01-13T12:00:00Z' });
  assert.deepEqual(
    rows.map((r) => [r.id, r.overdue]),
    [
      ['ref-u', true],
      ['ref-s', true],
    ],
  );
  assert.equal(caseloadMetrics([urgent], { asOf: '2025-01-13T12:00:00Z' }).overdue, 1);
  assert.equal(caseloadMetrics([urgent], { asOf: '2025-01-13T09:00:00Z' }).overdue, 0);
});

test('allowed actions: a draft is cancelled with a reason code; the practice boundary hides actions on other practices’ referrals', () => {
  const draft = build(eventsTo('draft'));
  const cancel = allowedActions(draft, REFERRER).find((a) => a.to === 'cancelled');
  assert.deepEqual(cancel, {
    type: 'status-changed',
    to: 'cancelled',
    label: 'Cancel draft',
    labelCode: 'action.cancel-draft',
    requires: ['reason'],
    reasonCodes: ['person-declined', 'no-longer-needed', 'moved-away', 'duplicate', 'draft-not-sent', 'other'],
  });
  assert.equal(
    allowedActions(draft, CLP).find((a) => a.to === 'cancelled'),
    undefined,
  );
  const requested = build(eventsTo('requested'));
  assert.deepEqual(allowedActions(requested, { role: 'referrer', id: 'gp-7', practices: ['practice-2'] }), []);
  assert.ok(
    allowedActions(requested, { role: 'referrer', id: 'gp-9', practices: ['practice-1'] }).some(
      (a) => a.to === 'cancelled',
    ),
  );
});

test('duplicate checks: a cancelled draft no longer counts', () => {
  const live = build(eventsTo('requested', 'ref-live'));
  const s = script('ref-draft');
  const draft = build([s.created({ status: 'draft' })]);
  assert.equal(findDuplicates([live, draft]).length, 1, 'an open draft beside a live referral counts');
  const cancelled = build([...draft.timeline, s.status('cancelled', REFERRER, { reasonCode: 'duplicate' })]);
  assert.deepEqual(findDuplicates([live, cancelled]), []);
});
