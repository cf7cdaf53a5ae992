import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDemoData } from '../demo-data/index.js';
import { completedEvents, inProgressEvents, rejectedEvents, states } from '../fhir/test-referral.js';
import { SENTINEL, sentinelEvents } from '../referral/sentinel-fixtures.test.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { EvaluationPractice } from '../outcomes/evaluation.js';
import { maturityCsv, practiceSummaryCsv, referralsCsv } from './csv.js';
import { toCsv } from '../csv/to-csv.js';
import { maturityCsvColumns, maturityRows } from './rows.js';

/** A strict RFC 4180 reader, written here so the test does not trust the writer's library. */
function parseCsv(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'the last line ends with CRLF');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      assert.equal(cell, '', 'a quote only opens a cell');
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      assert.ok(c !== '\n' && c !== '\r', 'a bare line break must be quoted');
      cell += c;
      i++;
    }
  }
  assert.equal(quoted, false);
  return rows;
}

const objects = (text: string) => {
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) assert.equal(row.length, header!.length, 'every row has every column');
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
};

const referrals = states([...completedEvents(), ...inProgressEvents(), ...rejectedEvents()]);

describe('referralsCsv', () => {
  const text = referralsCsv(referrals);
  const rows = objects(text);

  it('has one row per referral with the figures evaluators need', () => {
    assert.equal(rows.length, 3);
    const done = rows[0]!;
    assert.equal(done['referral_id'], 'ref-1');
    assert.equal(done['person_ref'], 'pt-7f3a9c');
    assert.equal(done['status'], 'completed');
    assert.equal(done['reason_themes'], 'living-well-day-to-day;navigating-systems');
    assert.equal(done['contacts'], '3');
    assert.equal(done['seen_3_plus'], 'yes');
    assert.equal(done['goals_achieved'], '1');
    assert.equal(done['resources_taken_up'], '1');
    assert.equal(done['outcome'], 'connected-to-support');
    assert.equal(done['days_to_response'], '0'); // accepted an hour after the request
    assert.equal(rows[2]!['status'], 'rejected');
    assert.equal(rows[2]!['first_contact_at'], '');
  });

  it('carries nothing beyond the pseudonymous reference: no free text, no staff references', () => {
    for (const secret of [
      'Lonely since retiring',
      'Join a walking group',
      'Walking weekly',
      'Springburn',
      'Debt and rent',
      'hospice',
      'gp-1',
      'clp-1',
    ]) {
      assert.ok(!text.includes(secret), `"${secret}" must not be exported`);
    }
  });
});

describe('practiceSummaryCsv: quoting and formula injection', () => {
  const hostile: EvaluationPractice[] = [
    { id: 'practice-1', name: 'Smith, Jones & "Partners"\nNorth', cohort: 'programme', listSize: 5000 },
    { id: 'practice-2', name: '=HYPERLINK("http://evil.example","Click")', cohort: 'programme', listSize: 3000 },
    { id: 'p-plus', name: '+44 7700 900000', cohort: 'comparison', listSize: 100 },
    { id: 'p-minus', name: '-2+3', cohort: 'comparison' },
    { id: 'p-at', name: '@SUM(A1:A9)', cohort: 'comparison' },
    { id: 'p-tab', name: '\t=1+1', cohort: 'comparison' },
    { id: 'p-cr', name: '\r=1+1', cohort: 'comparison' },
  ];
  const text = practiceSummaryCsv(hostile, referrals, { asOf: '2025-02-01' });
  const rows = objects(text);

  it('quotes commas, quotes and line breaks so the text survives a round trip', () => {
    assert.equal(rows[0]!['practice_name'], 'Smith, Jones & "Partners"\nNorth');
    assert.ok(text.includes('"Smith, Jones & ""Partners""\nNorth"'), 'RFC 4180 quoting with doubled quotes');
  });

  it('neutralises cells starting with =, +, -, @, tab or carriage return with a leading apostrophe', () => {
    assert.deepEqual(
      rows.slice(1).map((r) => r['practice_name']),
      [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'+44 7700 900000",
        "'-2+3",
        "'@SUM(A1:A9)",
        "'\t=1+1",
        "'\r=1+1",
      ],
    );
    for (const line of text.split('\r\n'))
      assert.ok(!/(^|,)[=+\-@]/.test(line) || /(^|,)-\d/.test(line), `no formula cell in: ${line}`);
  });

  it('gives each practice its figures; practices not listed but with referrals come last', () => {
    assert.equal(rows[0]!['referrals'], '2');
    assert.equal(rows[0]!['referrals_per_1000'], '0.4'); // 2 / 5,000 × 1,000
    assert.equal(rows[0]!['seen_3_plus'], '1');
    assert.equal(rows[0]!['seen_3_plus_share'], '0.5');
    assert.equal(rows[1]!['referrals_per_1000'], '0.3'); // 1 / 3,000 × 1,000 = 0.333
    assert.equal(rows[3]!['list_size'], '', 'no list size: empty cell');
    const extra = objects(practiceSummaryCsv([], referrals, { asOf: '2025-02-01' }));
    assert.deepEqual(
      extra.map((r) => [r['practice_id'], r['cohort'], r['referrals']]),
      [
        ['practice-1', '', '2'],
        ['practice-2', '', '1'],
      ],
    );
  });
});

describe('maturityCsv', () => {
  const demo = generateDemoData({ practices: 3, seed: 5, months: 9 });
  const text = maturityCsv(demo.plans);
  const rows = objects(text);

  it('has one row per practice per revision, with a column per capacity', () => {
    assert.equal(rows.length, demo.plans.length);
    const header = parseCsv(text)[0]!;
    for (const c of LINKS_FRAMEWORK.capacities) assert.ok(header.includes(`level_${c.id}`));
    const first = demo.plans[0]!;
    assert.equal(rows[0]!['practice_id'], first.practice.id);
    assert.equal(rows[0]!['revision'], String(first.revision));
    assert.equal(rows[0]!['overall_change'], '', 'no change for the first revision');
  });

  it('writes negative changes as numbers, not neutralised text', () => {
    // A revision whose overall level fell by half a level: the change stays a number.
    const fell = maturityRows(demo.plans).map((r) => ({ ...r, overallChange: -0.5 }));
    const written = objects(toCsv(fell, maturityCsvColumns()));
    assert.equal(written[0]!['overall_change'], '-0.5');
    const plans = demo.plans.map((p) => ({ ...p, practice: { ...p.practice, name: '-Minus Practice' } }));
    const withNames = objects(maturityCsv(plans));
    assert.equal(withNames[0]!['practice_name'], "'-Minus Practice");
    assert.ok(rows.every((r) => !r['overall_change']!.startsWith("'")));
  });
});

describe('referralsCsv and free text', () => {
  it('carries the coded status reason and never free text, with or without consent to share the outcome', () => {
    for (const consent of [false, true]) {
      const referrals = states(sentinelEvents(consent));
      const csv = referralsCsv(referrals);
      assert.doesNotMatch(csv, new RegExp(SENTINEL), consent ? 'with consent' : 'without consent');
      const rows = objects(csv);
      assert.deepEqual(
        rows.map((r) => [r['referral_id'], r['status'], r['status_reason_code']]),
        [
          ['sx-hold', 'on-hold', 'person-unavailable'],
          ['sx-rejected', 'rejected', 'not-suitable'],
          ['sx-done', 'completed', ''],
        ],
      );
    }
  });
});
