import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  caseloadMetrics,
  findDuplicates,
  parseReferralEvents,
  replay,
  responseWindow,
  toNdjson,
  type ReferralEvent,
  type ReferralEventsDocument,
  type ReferralState,
} from '@links-approach/core/referral';
import { parsePlanDocument, type Plan, type Practice } from '@links-approach/core/plan';
import { toFhirCollection } from '@links-approach/core/fhir';
import { practiceSummaryCsv } from '@links-approach/core/csv';
import { run } from './run.js';
import { memoryIo } from './test-io.js';
import { buildCohortReport } from '@links-approach/core/outcomes';
import { renderReportHtml } from './report/html.js';

/** A demo cohort (`links demo-data --practices 20`) with the awkward cases a stream meets appended. */
async function cohort(): Promise<{ files: Record<string, string>; events: ReferralEvent[] }> {
  const io = memoryIo();
  assert.equal(await run(['demo-data', '--practices', '20', '--seed', '3', '--out', 'd'], io), 0);
  const doc = JSON.parse(io.files['d/referrals.json']!) as ReferralEventsDocument;
  const finished = replay(doc.events, { trusted: true }).state.referrals.filter((r) => r.status === 'completed');
  const late = '2099-01-01T00:00:00.000Z';
  const extra: ReferralEvent[] = [];
  finished.slice(0, 12).forEach((r, i) => {
    extra.push({ ...r.timeline[r.timeline.length - 1]! }); // delivered twice
    if (i % 2 === 0)
      extra.push({
        id: `${r.id}-eie`,
        referralId: r.id,
        type: 'status-changed',
        at: late,
        actor: { role: 'practice-manager', id: 'pm-1' },
        to: 'entered-in-error',
        reason: 'Wrong person',
      } as ReferralEvent);
  });
  const events = [...doc.events, ...extra];
  const files = { ...io.files, 'd/referrals.json': JSON.stringify({ ...doc, events }) };
  return { files, events };
}

/** `links referral --json` as it was computed before streaming: everything in memory at once. */
function inMemoryReferralDocument(file: string, events: readonly ReferralEvent[]): unknown {
  const result = replay(events, { trusted: true });
  let max = -Infinity;
  for (const e of events) if (Date.parse(e.at) > max) max = Date.parse(e.at);
  const asOf = new Date(max).toISOString();
  const referrals = result.state.referrals;
  return {
    ok: true,
    file,
    asOf,
    events: events.length,
    applied: result.applied,
    rejected: result.rejected.map((r) => ({
      index: r.index,
      eventId: r.event.id,
      referralId: r.event.referralId,
      type: r.event.type,
      at: r.event.at,
      code: r.code,
      reason: r.reason,
    })),
    referrals: referrals.map(({ timeline, ...rest }) => ({
      ...rest,
      events: timeline.length,
      overdue: responseWindow(rest as ReferralState, { asOf }).overdue,
    })),
    duplicates: findDuplicates(referrals).map((g) => ({ person: g.person, referralIds: g.referrals.map((r) => r.id) })),
    metrics: caseloadMetrics(referrals, { asOf }),
  };
}

test('links referral --json streams the same document, byte for byte, as the in-memory replay (JSON and NDJSON input)', async () => {
  const { files, events } = await cohort();
  const expected = `${JSON.stringify(inMemoryReferralDocument('d/referrals.json', events), null, 2)}\n`;
  const io = memoryIo(files);
  assert.equal(await run(['referral', 'd/referrals.json', '--json'], io), 0);
  assert.ok(JSON.parse(io.out).rejected.length >= 12, 'the re-delivered events are refused');
  assert.ok(JSON.parse(io.out).referrals.length > 1000);
  assert.equal(io.out, expected);

  const ndjson = memoryIo({ 'e.ndjson': toNdjson(events) });
  assert.equal(await run(['referral', 'e.ndjson', '--json'], ndjson), 0);
  assert.equal(ndjson.out, expected.replace('"file": "d/referrals.json"', '"file": "e.ndjson"'));
});

test('links report gives the same HTML whether its referral figures come from the stream or from an in-memory replay', async () => {
  const { files } = await cohort();
  const io = memoryIo(files);
  assert.equal(await run(['report', ...Object.keys(files), '--html', 'out.html', '--json'], io), 0);
  const plans: Plan[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (!name.startsWith('d/plans/')) continue;
    const parsed = parsePlanDocument(JSON.parse(text));
    assert.ok(parsed.ok);
    plans.push(parsed.value);
  }
  const practiceList = JSON.parse(files['d/practices.json']!) as {
    practices: Practice[];
    meta: { synthetic?: boolean };
  };
  const parsedEvents = parseReferralEvents(files['d/referrals.json']!);
  assert.ok(parsedEvents.ok);
  const report = buildCohortReport({
    practices: practiceList.practices,
    plans,
    files: Object.keys(files).length,
    synthetic: practiceList.meta.synthetic === true,
    events: parsedEvents.value,
  });
  assert.ok(report.referrals && report.referrals.programme.referrals > 1000);
  assert.equal(io.files['out.html'], renderReportHtml(report));
});

test('a bad line deep in a streamed NDJSON file is reported with its line number, as before', async () => {
  const { events } = await cohort();
  const lines = toNdjson(events.slice(0, 3000)).split('\n');
  lines[2500] = '{"not": "an event"';
  const io = memoryIo({ 'e.ndjson': lines.join('\n') });
  assert.equal(await run(['referral', 'e.ndjson', '--json'], io), 1);
  const out = JSON.parse(io.out);
  assert.equal(out.ok, false);
  assert.equal(out.errors[0].path, 'line 2501');
  assert.match(out.errors[0].message, /is not valid JSON/);
});

test('links fhir --combine streams the same Bundle, byte for byte, as the in-memory collection (file, --json and plain output)', async () => {
  const { files, events } = await cohort();
  const referrals = replay(events, { trusted: true }).state.referrals;
  const options = { systemBase: 'https://fhir.example.org/links/' };
  const bundle = toFhirCollection(referrals, options);
  const io = memoryIo(files);
  assert.equal(
    await run(['fhir', 'd/referrals.json', '--combine', '--out', 'all.json', '--system-base', options.systemBase], io),
    0,
  );
  assert.equal(io.files['all.json'], `${JSON.stringify(bundle, null, 2)}\n`);

  const plainBundle = toFhirCollection(referrals);
  const plain = memoryIo(files);
  assert.equal(await run(['fhir', 'd/referrals.json', '--combine'], plain), 0);
  assert.equal(plain.out, `${JSON.stringify(plainBundle, null, 2)}\n`);

  const json = memoryIo(files);
  assert.equal(await run(['fhir', 'd/referrals.json', '--combine', '--json'], json), 0);
  const doc = JSON.parse(json.out) as { referrals: number; resources: number; rejected: unknown[]; bundle: unknown };
  assert.equal(doc.referrals, referrals.length);
  assert.ok(doc.rejected.length >= 12);
  assert.deepEqual(doc.bundle, plainBundle);
  assert.equal(doc.resources, plainBundle.entry?.length);
});

test('links export csv practices folds the same rows as the in-memory summary (with a period, an as-of day, and without)', async () => {
  const { files, events } = await cohort();
  const referrals = replay(events, { trusted: true }).state.referrals;
  const practices = (JSON.parse(files['d/practices.json']!) as { practices: Practice[] }).practices;
  const latest = new Date(events.reduce((max, e) => Math.max(max, Date.parse(e.at)), -Infinity)).toISOString();
  const cases: { args: string[]; options: Parameters<typeof practiceSummaryCsv>[2] }[] = [
    { args: [], options: { asOf: latest } },
    {
      args: ['--from', '2024-06-01', '--to', '2024-12-31', '--as-of', '2025-01-15'],
      options: { asOf: '2025-01-15T23:59:59Z', period: { from: '2024-06-01', to: '2024-12-31' } },
    },
  ];
  for (const { args, options } of cases) {
    const io = memoryIo(files);
    assert.equal(
      await run(['export', 'csv', 'practices', 'd/referrals.json', 'd/practices.json', '--out', 'p.csv', ...args], io),
      0,
    );
    const expected = practiceSummaryCsv(practices, referrals, options);
    assert.ok(expected.split('\r\n').length > 10);
    assert.equal(io.files['p.csv'], expected);
  }
  // Practices with referrals but not in the list come after the listed ones, in the order of their first referral.
  const few = memoryIo({
    ...files,
    'd/practices.json': JSON.stringify({ kind: 'links.practices', practices: practices.slice(3, 5) }),
  });
  assert.equal(
    await run(['export', 'csv', 'practices', 'd/referrals.json', 'd/practices.json', '--out', 'p.csv'], few),
    0,
  );
  assert.equal(few.files['p.csv'], practiceSummaryCsv(practices.slice(3, 5), referrals, { asOf: latest }));
});
