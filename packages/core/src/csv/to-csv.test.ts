import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv, neutraliseCell } from './index.js';

interface Row {
  id: string;
  name: string;
  level: number;
  ok?: boolean;
}

const columns = [
  { header: 'Practice', value: 'id' },
  { header: 'Name', value: 'name' },
  { header: 'Level', value: (r: Row) => r.level },
  { header: 'Checked', value: 'ok' },
] as const;

test('writes a header and rows with CRLF line ends, quoting where RFC 4180 needs it', () => {
  const csv = toCsv<Row>(
    [
      { id: 'p1', name: 'Parkhead, East', level: 2.5, ok: true },
      { id: 'p2', name: 'The "Green" Practice', level: -1 },
      { id: 'p3', name: 'Two\nlines', level: Number.NaN },
    ],
    columns,
  );
  assert.equal(
    csv,
    'Practice,Name,Level,Checked\r\np1,"Parkhead, East",2.5,true\r\np2,"The ""Green"" Practice",-1,\r\np3,"Two\nlines",,\r\n',
  );
});

test('text cells that a spreadsheet would run as a formula are neutralised with a leading quote', () => {
  const names = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', 'Safe = fine'];
  const csv = toCsv(
    names.map((name) => ({ id: 'x', name, level: 1 })),
    [{ header: 'Name', value: 'name' }],
  );
  const lines = csv.split('\r\n');
  assert.deepEqual(lines.slice(1, 6), ['"\'=HYPERLINK(""http://x"")"', "'+1+1", "'-2+3", "'@SUM(A1)", "'\tTab"]);
  assert.ok(csv.includes('"\'\rCR"'));
  assert.ok(csv.endsWith('\r\nSafe = fine\r\n'));
  // numbers stay numbers, negative ones included
  assert.equal(toCsv([{ v: -5 }], [{ header: 'v', value: 'v' }]), 'v\r\n-5\r\n');
  // headers are neutralised too
  assert.equal(toCsv([], [{ header: '=cmd', value: () => 1 }]), "'=cmd\r\n");
});

test('neutraliseCell leaves ordinary text alone', () => {
  assert.equal(neutraliseCell('Signposting'), 'Signposting');
  assert.equal(neutraliseCell(''), '');
  assert.equal(neutraliseCell('-'), "'-");
});
