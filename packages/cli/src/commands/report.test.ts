import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from '@links-approach/core/demo-data';
import { serializePlanDocument } from '@links-approach/core/plan';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';
import { processIo } from '../io.js';

async function demoFiles(practices = 6, seed = 4): Promise<Record<string, string>> {
  const io = memoryIo();
  assert.equal(await run(['demo-data', '--practices', String(practices), '--seed', String(seed), '--out', 'd'], io), 0);
  return io.files;
}

test('links report writes one self-contained, script-free HTML page with charts and tables', async () => {
  const files = await demoFiles();
  const io = memoryIo(files);
  assert.equal(await run(['report', ...Object.keys(files), '--html', 'out.html', '--json'], io), 0);
  const summary = JSON.parse(io.out);
  assert.equal(summary.ok, true);
  assert.deepEqual(summary.practices, { programme: 3, comparison: 3, withoutPlan: 0 });
  assert.equal(summary.plans, 48);
  assert.equal(summary.files, 50);
  assert.deepEqual(Object.keys(summary.medians).length, 7);

  const html = io.files['out.html']!;
  assert.match(html, /^<!doctype html>\n<html lang="en-GB">/);
  assert.doesNotMatch(
    html,
    /<script|<link|<img|<iframe|\bsrc=|url\(http|@import/i,
    'no scripts and no external assets',
  );
  assert.equal(html.match(/href="http/g), null, 'no links out');
  assert.equal((html.match(/<svg /g) ?? []).length, 2);
  assert.equal((html.match(/role="img" aria-labelledby="[a-z-]+-title [a-z-]+-desc"/g) ?? []).length, 2);
  assert.equal((html.match(/<h1>/g) ?? []).length, 1);
  for (const heading of [
    'Programme and comparison practices, by capacity',
    'Maturity over time',
    'Practices falling behind their cohort',
    'Every practice',
    'How levels are earned',
  ]) {
    assert.ok(html.includes(`>${heading}</h2>`), heading);
  }
  // every chart has a table with a caption right after it
  assert.ok((html.match(/<caption>/g) ?? []).length >= 4);
  assert.match(html, /<th scope="row">Team Wellbeing<\/th><td class="num">[\d.]+ \([\d.]+–[\d.]+\), n=3<\/td>/);
  assert.match(html, /our adaptation<\/strong> of the IHI Assessment Scale for Collaboratives/);
  assert.match(html, /<strong>Synthetic data\.<\/strong>/);
  assert.match(html, /Perla, Provost &amp; Murray/);
});

test('every piece of data is escaped in the HTML', async () => {
  const data = generateDemoData({ practices: 2, seed: 1 });
  const hostile = '<img src=x onerror=alert(1)> & "quotes"';
  const files: Record<string, string> = {};
  for (const plan of data.plans) {
    files[`${plan.practice.id}.${plan.revision}.json`] = serializePlanDocument({
      ...plan,
      practice: { ...plan.practice, name: hostile },
    });
  }
  const io = memoryIo(files);
  assert.equal(await run(['report', ...Object.keys(files), '--html', 'r.html', '--title', '<b>Title</b>'], io), 0);
  const html = io.files['r.html']!;
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('<b>Title'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;'));
  assert.ok(html.includes('<title>&lt;b&gt;Title&lt;/b&gt;</title>'));
});

test('a folder is read with its sub-folders; the human summary gives the medians', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-report-'));
  try {
    const real = processIo();
    const out: string[] = [];
    const io = { ...real, stdout: (text: string) => void out.push(text) };
    assert.equal(await run(['demo-data', '--practices', '4', '--seed', '2', '--out', dir], io), 0);
    assert.equal(await run(['report', dir, '--html', join(dir, 'report.html')], io), 0);
    const summary = out.at(-1)!;
    assert.match(summary, /^Report of 4 practices \(2 programme, 2 comparison\), 32 plan revisions from 34 files$/m);
    assert.match(summary, /^ {2}Team Wellbeing +[\d.–]+ \/ [\d.–]+$/m);
    assert.match(readFileSync(join(dir, 'report.html'), 'utf8'), /<h1>Links plan maturity: cohort report<\/h1>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--csv writes one row per practice with every capacity level', async () => {
  const files = await demoFiles(4, 8);
  const io = memoryIo(files);
  assert.equal(await run(['report', ...Object.keys(files), '--html', 'r.html', '--csv', 'r.csv', '--json'], io), 0);
  assert.equal(JSON.parse(io.out).csv, 'r.csv');
  const lines = io.files['r.csv']!.trimEnd().split('\r\n');
  assert.equal(lines.length, 5);
  assert.match(
    lines[0]!,
    /^practice_id,practice_name,cohort,locality,list_size,revision,saved_at,rubric,overall_level,overall_mean,overall_change_since_previous,level_team-wellbeing,/,
  );
  assert.match(lines[1]!, /^demo-00\d,/);
});

test('wrong inputs: unknown documents, no plans, invalid plans, a missing --html', async () => {
  const files = await demoFiles(2, 3);
  const stray = memoryIo({ ...files, 'notes.json': '{"kind":"links.notes"}' });
  assert.equal(await run(['report', ...Object.keys(files), 'notes.json', '--html', 'r.html', '--json'], stray), 1);
  assert.deepEqual(JSON.parse(stray.out).errors, [
    {
      path: 'kind',
      message:
        'must be "links.plan", "links.practices", "links.referral-events" or "links.outcome-responses": links report reads business plans, practice lists, referral events and outcome responses',
      code: 'invalid',
    },
  ]);

  const none = memoryIo({ 'd/practices.json': files['d/practices.json']! });
  assert.equal(await run(['report', 'd/practices.json', '--html', 'r.html'], none), 1);
  assert.match(none.out, /no business plans found/);

  const plan = JSON.parse(files['d/plans/demo-001.r1.json']!);
  plan.revision = -1;
  const invalid = memoryIo({ 'p.json': JSON.stringify(plan) });
  assert.equal(await run(['report', 'p.json', '--html', 'r.html', '--json'], invalid), 1);
  assert.equal(JSON.parse(invalid.out).errors[0].path, 'revision');
  assert.equal(invalid.files['r.html'], undefined, 'nothing written');

  const usage = memoryIo(files);
  assert.equal(await run(['report', 'd/practices.json'], usage), 2);
  assert.match(usage.err, /--html FILE is required/);
});

test('links report shows referral and engagement figures per cohort from referral events', async () => {
  const files = await demoFiles();
  const io = memoryIo(files);
  assert.equal(await run(['report', ...Object.keys(files), '--html', 'r.html', '--json'], io), 0);
  const summary = JSON.parse(io.out);
  // demo-data writes referrals for the programme practices only: comparison practices have no CLP.
  assert.ok(summary.referrals.programme.referrals > 0);
  assert.ok(summary.referrals.programme.per1000 > 0);
  assert.equal(summary.referrals.comparison.referrals, 0);
  assert.ok(summary.referrals.programme.seenThreeOrMore > 0 && summary.referrals.programme.seenThreeOrMore < 1);
  const html = io.files['r.html']!;
  assert.match(html, /<h2 id="referrals">Referrals and engagement<\/h2>/);
  assert.match(
    html,
    /<th scope="row">Referrals per 1,000 patients<\/th><td class="num">[0-9.]+<\/td><td class="num">0<\/td>/,
  );
  assert.match(html, /<a href="#referrals">/);

  // Without referral events there is no referral section.
  const plansOnly = Object.fromEntries(Object.entries(files).filter(([name]) => !name.endsWith('referrals.json')));
  const io2 = memoryIo(plansOnly);
  assert.equal(await run(['report', ...Object.keys(plansOnly), '--html', 'r.html', '--json'], io2), 0);
  assert.equal(JSON.parse(io2.out).referrals, null);
  assert.doesNotMatch(io2.files['r.html']!, /id="referrals"/);
});

test('links report shows outcome change per cohort from outcome responses', async () => {
  // The sample outcomes were answered at the practices generateDemoData({ practices: 12, seed: 2024 }) makes.
  const files = await demoFiles(12, 2024);
  const outcomesText = readFileSync(
    fileURLToPath(new URL('../../../../examples/data/sample-outcomes.json', import.meta.url)),
    'utf8',
  );
  const io = memoryIo({ ...files, 'outcomes.json': outcomesText });
  assert.equal(await run(['report', ...Object.keys(files), 'outcomes.json', '--html', 'r.html', '--json'], io), 0);
  const summary = JSON.parse(io.out);
  assert.equal(summary.outcomes.length, 1);
  const [ons4] = summary.outcomes;
  assert.deepEqual(ons4.measures.map((m: { id: string }) => m.id).slice(0, 4), [
    'life-satisfaction',
    'worthwhile',
    'happiness',
    'anxiety',
  ]);
  for (const m of ons4.measures) {
    assert.ok(m.programme.n > 1 && m.comparison.n > 1, m.id);
    assert.ok(m.difference.ci.lower <= m.difference.estimate && m.difference.estimate <= m.difference.ci.upper);
  }
  const html = io.files['r.html']!;
  assert.match(html, /<h2 id="outcomes">Outcome change<\/h2>/);
  assert.match(html, /not randomised/);
  assert.match(html, /<th scope="row">Anxiety<\/th><td>lower<\/td>/);
});

test('links report estimates outcome differences at practice level, with practices, ICC and design effect, reproducible from the CSV', async () => {
  const files = await demoFiles(12, 2024);
  const outcomesText = readFileSync(
    fileURLToPath(new URL('../../../../examples/data/sample-outcomes.json', import.meta.url)),
    'utf8',
  );
  const io = memoryIo({ ...files, 'outcomes.json': outcomesText });
  assert.equal(
    await run(['report', ...Object.keys(files), 'outcomes.json', '--html', 'r.html', '--csv', 'r.csv', '--json'], io),
    0,
  );
  const [ons4] = JSON.parse(io.out).outcomes;
  const life = ons4.measures[0];
  assert.equal(life.clusters.method, 'practice-level');
  assert.deepEqual(life.clusters.practices, { programme: 6, comparison: 6 });
  assert.equal(life.clusters.tooFewPractices, false);
  assert.ok(life.clusters.icc >= 0 && life.clusters.icc < 1);
  assert.ok(Math.abs(life.clusters.designEffect - (1 + (life.clusters.clusterSize - 1) * life.clusters.icc)) < 1e-12);
  assert.equal(life.clusters.practiceLevel.df, 10, '6 + 6 − 2');
  assert.ok(life.clusters.cr2.df > 1 && life.clusters.cr2.df < 11);
  // The person-level estimate (CR2) is the same difference as the Welch one; only its interval is wider or narrower.
  assert.ok(Math.abs(life.clusters.cr2.estimate - life.difference.estimate) < 1e-12);

  // Redo the practice-level t-test by hand from the CSV's per-practice mean changes (independent of core):
  // the mean of each cohort's practice means, their pooled variance on k₁ + k₂ − 2 = 10 df, SE = s·√(1/6 + 1/6).
  const [header, ...rows] = io.files['r.csv']!.trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  const col = (name: string) => header!.indexOf(name);
  assert.ok(col('outcome_ons4_life-satisfaction_mean_change') > 0);
  const means = (cohort: string) =>
    rows
      .filter((r) => r[col('cohort')] === cohort)
      .map((r) => Number(r[col('outcome_ons4_life-satisfaction_mean_change')]));
  const [p, c] = [means('programme'), means('comparison')];
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ss = (xs: number[]) => xs.reduce((s, x) => s + (x - avg(xs)) ** 2, 0);
  const se = Math.sqrt(((ss(p) + ss(c)) / 10) * (1 / 6 + 1 / 6));
  assert.ok(Math.abs(life.clusters.practiceLevel.estimate - (avg(p) - avg(c))) < 1e-12);
  assert.ok(Math.abs(life.clusters.practiceLevel.se - se) < 1e-12);
  // t(0.975, 10) = 2.228139 (t table: 2.228)
  assert.ok(Math.abs(life.clusters.practiceLevel.ci.lower - (avg(p) - avg(c) - 2.228138851986274 * se)) < 1e-9);

  const html = io.files['r.html']!;
  assert.match(html, /<th scope="col" class="num">Difference \(practice level\)<\/th>/);
  assert.match(
    html,
    /<th scope="row">Life satisfaction<\/th>(<td[^>]*>[^<]*<\/td>){4}<td class="num">6 \/ 6<\/td><td class="num">[0-9.]+<\/td><td class="num">[0-9.]+<\/td>/,
  );
  assert.doesNotMatch(html, /Too few practices/);
});

test('links report says plainly when there are too few practices for a stable estimate', async () => {
  const files = await demoFiles(12, 2024);
  const sample = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../../examples/data/sample-outcomes.json', import.meta.url)), 'utf8'),
  );
  // Keep the answers of 3 programme practices only (the comparison keeps its 6).
  const programme = sample.practices
    .filter((p: { cohort: string }) => p.cohort === 'programme')
    .map((p: { id: string }) => p.id);
  const kept = new Set(programme.slice(0, 3));
  sample.responses = sample.responses.filter(
    (r: { practiceId: string }) => !programme.includes(r.practiceId) || kept.has(r.practiceId),
  );
  const io = memoryIo({ ...files, 'outcomes.json': JSON.stringify(sample) });
  assert.equal(await run(['report', ...Object.keys(files), 'outcomes.json', '--html', 'r.html', '--json'], io), 0);
  const life = JSON.parse(io.out).outcomes[0].measures[0];
  assert.deepEqual(life.clusters.practices, { programme: 3, comparison: 6 });
  assert.equal(life.clusters.tooFewPractices, true);
  assert.equal(life.clusters.practiceLevel.df, 7);
  assert.match(
    io.files['r.html']!,
    /<strong>Too few practices for a stable estimate\.<\/strong> ons4: 3 programme and 6 comparison practices/,
  );

  const human = memoryIo({ ...files, 'outcomes.json': JSON.stringify(sample) });
  assert.equal(await run(['report', ...Object.keys(files), 'outcomes.json', '--html', 'r.html'], human), 0);
  assert.match(
    human.out,
    /^Warning: too few practices for a stable estimate of the ons4 difference \(fewer than 4 in a cohort\)\.$/m,
  );
});
