// Keeps docs/safety/hazard-log.md honest: every test it names as a guard must
// exist, in a file a test runner runs, under exactly that title; every hazard
// has its causes, effect, controls, a guard or a stated gap, and risk ratings
// read correctly from the DCB0129 matrix. Also holds the few guards the log
// names that no other test covered (timezones, the maturity docs' caveat).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const LOG = 'docs/safety/hazard-log.md';
const text = readFileSync(join(root, LOG), 'utf8');

const SEVERITIES = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'];
const LIKELIHOODS = ['Very low', 'Low', 'Medium', 'High', 'Very high'];
// DCB0129 risk matrix: rows likelihood (Very low … Very high), columns severity (Minor … Catastrophic).
const MATRIX = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];

/** The hazards: `### H-NN title` sections with their `- Field: value` lines (continuation lines joined). */
function parseHazards(markdown) {
  const sections = markdown.split(/^### /m).slice(1);
  return sections.map((section) => {
    const [heading, ...lines] = section.split('\n');
    const match = /^(H-\d{2}) (.+)$/.exec(heading.trim());
    const fields = [];
    for (const line of lines) {
      if (line.startsWith('## ')) break;
      const field = /^- ([A-Z][A-Za-z ]+): (.*)$/.exec(line);
      if (field) fields.push({ name: field[1], value: field[2] });
      else if (/^\s{2,}\S/.test(line) && fields.length > 0) fields.at(-1).value += ` ${line.trim()}`;
    }
    return { id: match?.[1], title: match?.[2], heading, fields };
  });
}

/** Where the test runners look (scripts/test-node.mjs, web-test-runner.config.mjs). */
function isRunTestFile(file) {
  return (
    /^packages\/(core|cli)\/src\/.+\.test\.ts$/.test(file) ||
    /^packages\/server\/(src|test)\/.+\.test\.(ts|mjs)$/.test(file) ||
    /^scripts\/[^/]+\.test\.mjs$/.test(file) ||
    /^packages\/(components|react)\/src\/.+\.test\.tsx?$/.test(file) ||
    /^examples\/demo\/[^/]+\.test\.ts$/.test(file) ||
    /^test\/team\/[^/]+\.test\.mjs$/.test(file)
  );
}

const hazards = parseHazards(text);
const guards = hazards.flatMap((h) =>
  h.fields
    .filter((f) => f.name === 'Guard')
    .map((f) => {
      const match = /^`([^`]+)` › (.+)$/.exec(f.value);
      return { hazard: h.id, raw: f.value, file: match?.[1], title: match?.[2]?.trim() };
    }),
);

describe('the clinical safety hazard log', () => {
  test('says plainly it is a developer’s draft, not a signed-off safety case', () => {
    assert.match(text, /developer's draft, not a signed-off clinical safety case/);
  });

  test('lists hazards H-01, H-02, … in order, each with cause, effect, controls, a guard or a gap, and both risks', () => {
    assert.ok(hazards.length >= 13, `only ${hazards.length} hazards`);
    hazards.forEach((h, i) => {
      assert.equal(h.id, `H-${String(i + 1).padStart(2, '0')}`, `heading "${h.heading}"`);
      const names = h.fields.map((f) => f.name);
      for (const required of ['Cause', 'Effect', 'Controls', 'Initial risk', 'Residual risk']) {
        assert.ok(names.includes(required), `${h.id} has no "${required}"`);
      }
      assert.ok(names.includes('Guard') || names.includes('Gap'), `${h.id} names no guarding test and no gap`);
      for (const f of h.fields) assert.ok(f.value.trim().length > 0, `${h.id} ${f.name} is empty`);
    });
  });

  test('covers the hazards the programme asked for', () => {
    const titles = hazards.map((h) => h.title.toLowerCase()).join('\n');
    for (const words of [
      'referral is silently lost',
      'wrong person',
      'stale community resource',
      'overdue referral',
      'conflicting edit',
      'corrupted stored data',
      'message back',
      'identifying a person leaks',
      'xss',
      'inaccessible control',
      'maturity score is misread',
      'snomed ct code',
      'timezone or date',
    ]) {
      assert.ok(titles.includes(words), `no hazard about "${words}"`);
    }
  });

  test('reads every risk from the DCB0129 matrix', () => {
    for (const h of hazards) {
      for (const name of ['Initial risk', 'Residual risk']) {
        const value = h.fields.find((f) => f.name === name).value;
        const match = /^([A-Za-z]+) \/ ([A-Za-z ]+) = (\d)$/.exec(value.trim());
        assert.ok(match, `${h.id} ${name} "${value}" is not "severity / likelihood = risk"`);
        const severity = SEVERITIES.indexOf(match[1]);
        const likelihood = LIKELIHOODS.indexOf(match[2]);
        assert.ok(severity >= 0, `${h.id} ${name}: unknown severity ${match[1]}`);
        assert.ok(likelihood >= 0, `${h.id} ${name}: unknown likelihood ${match[2]}`);
        assert.equal(Number(match[3]), MATRIX[likelihood][severity], `${h.id} ${name}: ${match[1]} / ${match[2]}`);
      }
      const risk = (name) => Number(/= (\d)$/.exec(h.fields.find((f) => f.name === name).value)[1]);
      assert.ok(risk('Residual risk') <= risk('Initial risk'), `${h.id}: controls cannot raise the risk`);
    }
  });

  test('every guard names a test file a runner runs, and a test with exactly that title in it', () => {
    assert.ok(guards.length >= 40, `only ${guards.length} guards`);
    for (const g of guards) {
      assert.ok(g.file && g.title, `${g.hazard}: cannot read guard "${g.raw}" (write \`file\` › title)`);
      assert.ok(isRunTestFile(g.file), `${g.hazard}: ${g.file} is not a file the test runners run`);
      assert.ok(existsSync(join(root, g.file)), `${g.hazard}: ${g.file} does not exist`);
      const source = readFileSync(join(root, g.file), 'utf8');
      const quoted = [`'${g.title}'`, `"${g.title}"`, `\`${g.title}\``].some((q) => source.includes(q));
      assert.ok(quoted, `${g.hazard}: ${g.file} has no test titled "${g.title}"`);
    }
  });
});

// ---------------------------------------------------------------------------
// Guards named in the log that no other test held.

describe('guards held here', () => {
  test('overdue and follow-up results are the same in every timezone, across the change to British Summer Time', async () => {
    const { replay, isOverdue, responseWindow, followUpsDue, caseloadRows } =
      await import('@links-approach/core/referral');
    const CLP = { role: 'clp', id: 'clp-1' };
    const GP = { role: 'referrer', id: 'gp-1' };
    // Requested late on the Saturday before the clocks went forward (30 March 2025, 01:00 UTC).
    const events = [
      {
        id: 'e1',
        referralId: 'ref-tz',
        at: '2025-03-16T23:30:00Z',
        actor: GP,
        type: 'created',
        status: 'requested',
        person: 'pt-tz01',
        practiceId: 'practice-tz',
        route: 'gp',
        reasons: [{ themeId: 'navigating-systems' }],
        urgency: 'routine',
        consent: ['contact'],
      },
      {
        id: 'e2',
        referralId: 'ref-fu',
        at: '2025-03-10T09:00:00Z',
        actor: GP,
        type: 'created',
        status: 'requested',
        person: 'pt-tz02',
        practiceId: 'practice-tz',
        route: 'gp',
        reasons: [{ themeId: 'navigating-systems' }],
        urgency: 'routine',
        consent: ['contact'],
      },
      {
        id: 'e3',
        referralId: 'ref-fu',
        at: '2025-03-11T09:00:00Z',
        actor: CLP,
        type: 'status-changed',
        to: 'accepted',
      },
      {
        id: 'e4',
        referralId: 'ref-fu',
        at: '2025-03-11T09:01:00Z',
        actor: CLP,
        type: 'follow-up-scheduled',
        followUpId: 'f1',
        due: '2025-03-30',
      },
      {
        id: 'e5',
        referralId: 'ref-fu',
        at: '2025-03-11T09:02:00Z',
        actor: CLP,
        type: 'follow-up-scheduled',
        followUpId: 'f2',
        due: '2025-03-31',
      },
    ];
    const replayed = replay(events);
    assert.deepEqual(replayed.rejected, []);
    const referrals = replayed.state.referrals;
    const moments = [
      '2025-03-30T00:30:00Z',
      '2025-03-30T23:30:00Z',
      '2025-03-30T23:30:00.001Z',
      '2025-03-31T00:30:00Z',
      '2025-03-31',
      new Date('2025-03-30T23:30:00.001Z'),
    ];
    const results = (tz) => {
      process.env.TZ = tz;
      return moments.map((asOf) => ({
        overdue: referrals.map((r) => isOverdue(r, { asOf })),
        window: referrals.map((r) => responseWindow(r, { asOf })),
        followUps: followUpsDue(referrals, { asOf }).map((f) => `${f.followUp.id}:${f.overdue}`),
        rows: caseloadRows(referrals, { asOf }).map((row) => JSON.stringify(row)),
      }));
    };
    const previous = process.env.TZ;
    try {
      const utc = results('UTC');
      // 14 days after 2025-03-16T23:30Z is 2025-03-30T23:30Z, whatever the local clocks did in between.
      assert.deepEqual(
        utc.map((r) => r.overdue[0]),
        [false, false, true, true, true, true],
      );
      for (const tz of ['Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'Australia/Lord_Howe']) {
        assert.deepEqual(results(tz), utc, `results differ in ${tz}`);
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  test('the UTC day boundary: a follow-up due yesterday is overdue from midnight UTC (01:00 in British Summer Time)', async () => {
    const { replay, followUpsDue } = await import('@links-approach/core/referral');
    const CLP = { role: 'clp', id: 'clp-1' };
    const referrals = replay([
      {
        id: 'e1',
        referralId: 'ref-1',
        at: '2025-06-01T09:00:00Z',
        actor: { role: 'referrer', id: 'gp-1' },
        type: 'created',
        status: 'requested',
        person: 'pt-day01',
        practiceId: 'practice-1',
        route: 'gp',
        reasons: [{ themeId: 'dying-well' }],
        urgency: 'routine',
        consent: ['contact'],
      },
      { id: 'e2', referralId: 'ref-1', at: '2025-06-02T09:00:00Z', actor: CLP, type: 'status-changed', to: 'accepted' },
      {
        id: 'e3',
        referralId: 'ref-1',
        at: '2025-06-02T09:01:00Z',
        actor: CLP,
        type: 'follow-up-scheduled',
        followUpId: 'f1',
        due: '2025-06-09',
      },
    ]).state.referrals;
    const overdueAt = (asOf) => followUpsDue(referrals, { asOf })[0]?.overdue;
    // 00:30 BST on 10 June is still 9 June in UTC: due "today", not yet overdue (the known limitation in H-13).
    assert.equal(overdueAt('2025-06-10T00:30:00+01:00'), false);
    assert.equal(overdueAt('2025-06-10T01:00:00+01:00'), true);
    assert.equal(overdueAt('2025-06-09T23:59:59Z'), false);
  });

  test('the maturity docs still say the rubric is an adaptation, not a measurement for judging practices', () => {
    const docs = readFileSync(join(root, 'docs/core/maturity.md'), 'utf8').replace(/\s*\n>\s*/g, ' ');
    assert.match(docs, /The rubric is our adaptation, not a published instrument/);
    assert.match(docs, /not as a measurement for judging practices/);
  });
});
