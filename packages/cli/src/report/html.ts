import { DEFAULT_CRITERIA } from '@links-approach/core/maturity';
import { MIN_PRACTICES_PER_ARM } from '@links-approach/core/outcomes';
import { escapeHtml as e, level, num } from './escape.js';
import type { CohortReport } from '@links-approach/core/outcomes';
import { cohortChart, timelineChart } from './svg.js';

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; font-family: Arial, "Helvetica Neue", sans-serif; font-size: 1rem; line-height: 1.5; color: #212b32; background: #f0f4f5; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; background: #ffffff; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1rem 0; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; border-top: 1px solid #d8dde0; padding-top: 1.5rem; }
a { color: #005eb8; }
a:focus { outline: 4px solid #ffeb3b; background: #ffeb3b; color: #212b32; }
.note { border-left: 8px solid #005eb8; padding: 0.5rem 1rem; background: #eef7ff; }
.note.warning { border-left-color: #ffeb3b; background: #fff9c4; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.9rem; color: #4c6272; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border-bottom: 1px solid #d8dde0; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th[scope=col] { border-bottom: 2px solid #212b32; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print { body { background: #ffffff; } main { max-width: none; } }
`;

/**
 * Renders the cohort report as one self-contained HTML page: no scripts, no
 * external assets, charts as inline SVG each followed by a table with the
 * same figures. Every piece of data is escaped.
 */
export function renderReportHtml(report: CohortReport): string {
  const { comparison } = report;
  const caps = report.framework.capacities;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(report.title)}</h1>`,
    `<p>${comparison.practices.programme + comparison.practices.comparison} practices (${
      comparison.practices.programme
    } programme, ${comparison.practices.comparison} comparison) and ${report.planCount} plan revisions, read from ${
      report.files
    } files. Each practice is scored on its latest revision.</p>`,
  );
  if (report.synthetic)
    out.push(
      '<p class="note"><strong>Synthetic data.</strong> These practices and plans were generated for demonstration; they describe no real practice or person.</p>',
    );
  out.push(
    `<p class="note">Levels run from 0 to 5 in steps of 0.5 and follow <strong>our adaptation</strong> of the IHI Assessment Scale for Collaboratives (rubric ${e(
      report.rubric.id,
    )} ${e(
      report.rubric.version,
    )}). It is not a published or validated instrument. A capacity reaches a level only when its plan holds the evidence for that level and every level below. See <a href="#rubric">how levels are earned</a>.</p>`,
    '<nav aria-label="Contents"><h2 id="contents" style="border:0;margin-top:1rem;padding-top:0">Contents</h2><ul>',
    '<li><a href="#cohorts">Programme and comparison practices, by capacity</a></li>',
    '<li><a href="#over-time">Maturity over time</a></li>',
    '<li><a href="#behind">Practices falling behind their cohort</a></li>',
    ...(report.referrals ? ['<li><a href="#referrals">Referrals and engagement</a></li>'] : []),
    ...(report.outcomes.length > 0 ? ['<li><a href="#outcomes">Outcome change</a></li>'] : []),
    '<li><a href="#practices">Every practice</a></li>',
    '<li><a href="#rubric">How levels are earned</a></li>',
    '</ul></nav>',
  );

  // Cohort comparison
  out.push('<section aria-labelledby="cohorts"><h2 id="cohorts">Programme and comparison practices, by capacity</h2>');
  out.push(
    `<figure>${cohortChart(
      'cohort-chart',
      comparison.capacities,
    )}<figcaption>Median level per capacity; the line across each bar spans the middle half of practices (first to third quartile). Figures in the table below.</figcaption></figure>`,
  );
  out.push(
    '<div class="table-wrap"><table><caption>Maturity level per capacity by cohort: median (first–third quartile), number of practices</caption><thead><tr><th scope="col">Capacity</th><th scope="col" class="num">Programme</th><th scope="col" class="num">Comparison</th><th scope="col" class="num">Difference in medians</th></tr></thead><tbody>',
  );
  const dist = (d: (typeof comparison.capacities)[number]['programme']) =>
    d ? `${level(d.median)} (${level(d.q1)}–${level(d.q3)}), n=${d.count}` : 'no practices';
  for (const c of comparison.capacities) {
    out.push(
      `<tr><th scope="row">${e(c.name)}</th><td class="num">${dist(c.programme)}</td><td class="num">${dist(
        c.comparison,
      )}</td><td class="num">${
        c.medianDifference === null ? '–' : (c.medianDifference > 0 ? '+' : '') + num(c.medianDifference)
      }</td></tr>`,
    );
  }
  out.push(
    `<tr><th scope="row">Overall (mean of capacities, rounded down)</th><td class="num">${dist(
      comparison.overall.programme,
    )}</td><td class="num">${dist(comparison.overall.comparison)}</td><td class="num">${
      comparison.overall.programme && comparison.overall.comparison
        ? num(comparison.overall.programme.median - comparison.overall.comparison.median)
        : '–'
    }</td></tr>`,
  );
  out.push('</tbody></table></div>');
  if (comparison.practices.withoutPlan.length > 0)
    out.push(
      `<p>Practices with no plan (left out of the figures): ${comparison.practices.withoutPlan.map(e).join(', ')}.</p>`,
    );
  out.push('</section>');

  // Over time
  out.push('<section aria-labelledby="over-time"><h2 id="over-time">Maturity over time</h2>');
  if (report.timeline.months.length > 0) {
    out.push(
      `<figure>${timelineChart(
        'timeline-chart',
        report.timeline,
      )}<figcaption>Median, across each cohort’s practices, of the mean capacity level of each practice’s latest revision by that month. Figures in the table below.</figcaption></figure>`,
    );
    out.push(
      '<div class="table-wrap"><table><caption>Median of practices’ mean capacity level, by month</caption><thead><tr><th scope="col">Month</th><th scope="col" class="num">Programme</th><th scope="col" class="num">Comparison</th></tr></thead><tbody>',
    );
    report.timeline.months.forEach((month, i) => {
      const p = report.timeline.programme[i];
      const c = report.timeline.comparison[i];
      out.push(
        `<tr><th scope="row">${e(month)}</th><td class="num">${
          p === null || p === undefined ? '–' : num(p)
        }</td><td class="num">${c === null || c === undefined ? '–' : num(c)}</td></tr>`,
      );
    });
    out.push('</tbody></table></div>');
  } else out.push('<p>No revision has a save date.</p>');
  out.push('</section>');

  // Behind
  const capName = (id: string) => caps.find((c) => c.id === id)?.name ?? id;
  out.push('<section aria-labelledby="behind"><h2 id="behind">Practices falling behind their cohort</h2>');
  if (comparison.behind.length === 0)
    out.push('<p>No practice is a full level or more below its cohort’s median on any capacity.</p>');
  else {
    out.push('<p>Practices a full level or more below their own cohort’s median on a capacity, largest gap first.</p>');
    out.push(
      '<div class="table-wrap"><table><caption>Practices at least one level below their cohort median</caption><thead><tr><th scope="col">Practice</th><th scope="col">Cohort</th><th scope="col">Capacity</th><th scope="col" class="num">Level</th><th scope="col" class="num">Cohort median</th><th scope="col" class="num">Gap</th></tr></thead><tbody>',
    );
    for (const b of comparison.behind) {
      out.push(
        `<tr><th scope="row">${e(b.practiceName)}</th><td>${e(b.cohort)}</td><td>${e(
          capName(b.capacityId),
        )}</td><td class="num">${level(b.level)}</td><td class="num">${level(b.cohortMedian)}</td><td class="num">${num(
          b.gap,
        )}</td></tr>`,
      );
    }
    out.push('</tbody></table></div>');
  }
  out.push('</section>');

  // Practices
  if (report.referrals) out.push(referralSection(report.referrals));
  if (report.outcomes.length > 0) out.push(outcomeSection(report.outcomes));
  out.push('<section aria-labelledby="practices"><h2 id="practices">Every practice</h2>');
  out.push(
    '<div class="table-wrap"><table><caption>Latest revision of each practice’s plan: level per capacity and overall</caption><thead><tr><th scope="col">Practice</th><th scope="col">Cohort</th><th scope="col" class="num">List size</th><th scope="col" class="num">Revision</th>',
  );
  for (const c of caps) out.push(`<th scope="col" class="num">${e(c.name)}</th>`);
  out.push(
    '<th scope="col" class="num">Overall</th><th scope="col" class="num">Change since previous</th><th scope="col">Weakest</th></tr></thead><tbody>',
  );
  for (const row of report.rows) {
    out.push(
      `<tr><th scope="row">${e(row.practice.name)}${
        row.practice.locality ? `<br><small>${e(row.practice.locality)}</small>` : ''
      }</th><td>${e(row.practice.cohort)}</td><td class="num">${row.practice.listSize.toLocaleString(
        'en-GB',
      )}</td><td class="num">${e(row.latest.revision ?? '')}<br><small>${e(row.savedAt.slice(0, 10))}</small></td>`,
    );
    for (const c of caps) out.push(`<td class="num">${level(row.latest.profile[c.id])}</td>`);
    const change = row.overallChange;
    out.push(
      `<td class="num">${level(row.latest.overall.level)}</td><td class="num">${
        change === null ? '–' : (change > 0 ? '+' : '') + num(change)
      }</td><td>${row.latest.weakest.capacityIds.map((id) => e(capName(id))).join(', ')}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></section>');

  // Rubric
  out.push('<section aria-labelledby="rubric"><h2 id="rubric">How levels are earned</h2>');
  out.push(`<p>${e(report.rubric.source ?? '')}</p>`);
  out.push(
    '<div class="table-wrap"><table><caption>The maturity ladder: every criterion of a level, and of all levels below, must be met</caption><thead><tr><th scope="col" class="num">Level</th><th scope="col">Name</th><th scope="col">Meaning</th><th scope="col">Criteria</th></tr></thead><tbody>',
  );
  for (const l of report.rubric.levels) {
    const criteria = l.criteria.map((id) => e(DEFAULT_CRITERIA[id]?.title ?? id)).join('; ');
    out.push(
      `<tr><td class="num">${level(l.level)}</td><th scope="row">${e(l.name)}</th><td>${e(l.description)}</td><td>${
        criteria || '–'
      }</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  out.push(
    '<p>Run-chart rules (Perla, Provost &amp; Murray, BMJ Quality &amp; Safety 2011): a <strong>shift</strong> is 6 or more consecutive points on one side of the median (points on the median are skipped); a <strong>trend</strong> is 5 or more consecutive points all rising or all falling (repeated values counted once). Balancing measures never count as evidence of improvement.</p>',
  );
  out.push('</section>');
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** Referrals and engagement per cohort, as a table (the figures are few; a chart would add nothing). */
function referralSection(figures: NonNullable<CohortReport['referrals']>): string {
  const { programme: p, comparison: c } = figures;
  const row = (label: string, a: string | number, b: string | number) =>
    `<tr><th scope="row">${e(label)}</th><td class="num">${e(String(a))}</td><td class="num">${e(String(b))}</td></tr>`;
  const seen = (f: typeof p) =>
    `${percent(f.seenThreeOrMore.share)} (${f.seenThreeOrMore.count} of ${f.seenThreeOrMore.of})`;
  const linked = (f: typeof p) =>
    `${percent(f.linkedToResource.share)} (${f.linkedToResource.count} of ${f.linkedToResource.of})`;
  return [
    '<section aria-labelledby="referrals"><h2 id="referrals">Referrals and engagement</h2>',
    `<p>Referrals to the Community Links Practitioner, counted from the referral events as of ${e(figures.asOf.slice(0, 10))}. Comparison practices have no Community Links Practitioner, so they make no referrals. In the Links evaluation, only people who saw the practitioner 3 or more times improved.</p>`,
    '<div class="table-wrap"><table><caption>Referrals and engagement, programme and comparison practices</caption>',
    '<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Programme</th><th scope="col" class="num">Comparison</th></tr></thead><tbody>',
    row('Practices', p.practices, c.practices),
    row('Registered patients', p.listSize, c.listSize),
    row('Referrals', p.referrals, c.referrals),
    row(
      'Referrals per 1,000 patients',
      p.per1000 === null ? '–' : num(p.per1000),
      c.per1000 === null ? '–' : num(c.per1000),
    ),
    row('People referred', p.people, c.people),
    row('People seen 3 or more times', seen(p), seen(c)),
    row('People linked to a community resource', linked(p), linked(c)),
    '</tbody></table></div></section>',
  ].join('');
}

const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}`;
const interval = (ci: { lower: number; upper: number } | null | undefined) =>
  ci ? ` (${signed(ci.lower)} to ${signed(ci.upper)})` : '';

const decimals = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));

/**
 * Outcome change per measure: each cohort's mean paired change, and the difference between programme and comparison
 * practices from the cluster-aware analysis (practice-level by default), with the number of practices, the ICC and
 * the design effect beside it, and a plain warning when there are too few practices.
 */
function outcomeSection(comparisons: CohortReport['outcomes']): string {
  const out = [
    '<section aria-labelledby="outcomes"><h2 id="outcomes">Outcome change</h2>',
    `<p>Mean change from baseline to follow-up for the people answered at both, with 95% confidence intervals, and the difference between programme and comparison practices. People are clustered in practices, so the difference is estimated at practice level: each practice’s mean change, then a t-test comparing the programme practices’ means with the comparison practices’ (t on practices − 2 degrees of freedom). Beside it: the number of practices, the intraclass correlation (ICC) and the design effect (how much the clustering inflates the variance compared with independent people), and, as a check, the person-level difference with a cluster-robust (CR2) interval. Each cohort’s own change interval treats its people as independent: compare the cohorts through the practice-level difference, not through those intervals. The two groups were not randomised and the comparison is unadjusted: read it as a signal to look into, not as proof of effect.</p>`,
  ];
  for (const o of comparisons) {
    const pct = Math.round(o.confidence * 100);
    const few = o.measures.filter((m) => m.clusters.tooFewPractices);
    if (few.length > 0) {
      const counts = few[0]!.clusters.practices;
      out.push(
        `<p class="note warning"><strong>Too few practices for a stable estimate.</strong> ${e(o.instrumentId)}: ${counts.programme} programme and ${counts.comparison} comparison practices have people answered at baseline and follow-up${few.length < o.measures.length ? ' on some measures' : ''}; at least ${MIN_PRACTICES_PER_ARM} in each are needed. With so few practices the variation between practices cannot be estimated reliably, so the interval is unstable: do not read a difference from it.</p>`,
      );
    }
    out.push(
      `<div class="table-wrap"><table><caption>${e(o.instrumentId)}: mean paired change and the difference between practices (${pct}% CI)</caption>`,
      '<thead><tr><th scope="col">Measure</th><th scope="col">Better when</th><th scope="col" class="num">Programme</th><th scope="col" class="num">Comparison</th><th scope="col" class="num">Difference (practice level)</th><th scope="col" class="num">Practices (programme / comparison)</th><th scope="col" class="num">ICC</th><th scope="col" class="num">Design effect</th><th scope="col" class="num">Check: person level, CR2</th><th scope="col">Reading</th></tr></thead><tbody>',
    );
    for (const m of o.measures) {
      const cell = (c: typeof m.programme) => (c.mean === null ? '–' : `${signed(c.mean)}${interval(c.ci)}, n ${c.n}`);
      const estimate = (est: typeof m.clusters.primary) => (est ? `${signed(est.estimate)}${interval(est.ci)}` : '–');
      const k = m.clusters.practices;
      const reading =
        m.verdict === 'better'
          ? 'programme changed more for the better'
          : m.verdict === 'worse'
            ? 'programme changed less for the better'
            : m.verdict === 'unclear'
              ? 'no clear difference'
              : 'too few practices to compare';
      out.push(
        `<tr><th scope="row">${e(m.name)}</th><td>${m.better === 'higher' ? 'higher' : 'lower'}</td><td class="num">${e(cell(m.programme))}</td><td class="num">${e(cell(m.comparison))}</td><td class="num">${e(
          estimate(m.clusters.practiceLevel),
        )}</td><td class="num">${k.programme} / ${k.comparison}</td><td class="num">${decimals(m.clusters.icc, 3)}</td><td class="num">${decimals(
          m.clusters.designEffect,
          2,
        )}</td><td class="num">${e(estimate(m.clusters.cr2))}</td><td>${e(m.clusters.tooFewPractices && m.verdict !== null ? `${reading} (too few practices: unstable)` : reading)}</td></tr>`,
      );
    }
    out.push('</tbody></table></div>');
  }
  out.push(
    `<p>ICC: one-way analysis of variance with practices nested in cohorts, set to 0 when negative. Design effect: 1 + (m̄ − 1) × ICC, where m̄ is the size-weighted mean number of people per practice (Σm²/Σm), which allows for practices of different sizes. CR2: the difference of the cohorts’ person-level means with the Bell–McCaffrey cluster-robust standard error and degrees of freedom. Fewer than ${MIN_PRACTICES_PER_ARM} practices in a cohort is too few for a stable estimate.</p>`,
    '</section>',
  );
  return out.join('');
}
