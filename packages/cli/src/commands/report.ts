import { MIN_PRACTICES_PER_ARM, type ClusterEstimate } from '@links-approach/core/outcomes';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { renderReportCsv } from '../report/csv.js';
import { renderReportHtml } from '../report/html.js';
import { level } from '../report/escape.js';
import { foldReferralEvents, readReportInputs } from '../report/inputs.js';
import type { Practice } from '@links-approach/core/plan';
import { buildCohortReport } from '@links-approach/core/outcomes';

/** `links report`: a cohort maturity report as self-contained HTML, and optionally CSV. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Write a cohort maturity report (self-contained HTML with charts; CSV for evaluators)',
  usage: 'report <files or folders…> --html FILE [--csv FILE] [--title TEXT] [--json]',
  description:
    'Reads business plans (every revision) and practice lists (kind "links.practices", as written by links demo-data) ' +
    'from files and folders, scores them, and writes a cohort report: programme vs comparison practices per capacity, ' +
    'maturity over time, practices falling behind their cohort, and every practice’s levels. The HTML needs no ' +
    'JavaScript or network: charts are inline SVG, each followed by a table with the same figures. With outcome ' +
    'responses, programme-vs-comparison differences are estimated at practice level (people are clustered in ' +
    'practices), with the number of practices, the ICC and the design effect. --csv writes one row per practice ' +
    '(latest revision, with its outcome pairs and mean change), safe to open in a spreadsheet.',
  options: {
    html: { type: 'string', valueName: 'FILE', description: 'where to write the HTML report' },
    csv: { type: 'string', valueName: 'FILE', description: 'also write one CSV row per practice' },
    title: { type: 'string', valueName: 'TEXT', description: 'the report’s title' },
  },
  positionals: { min: 1, max: 10_000, names: '<files or folders>' },
  async run(ctx, args) {
    const html = args.values['html'];
    const csv = args.values['csv'];
    const title = args.values['title'];
    if (typeof html !== 'string' || html === '')
      throw new UsageError(
        'report: --html FILE is required. Usage: links report <files or folders…> --html FILE [--csv FILE]',
        '--html',
      );
    if (typeof title === 'string' && (title.trim() === '' || title.length > 200))
      throw new UsageError('--title must be 1 to 200 characters', '--title');
    const inputs = await readReportInputs(ctx.io, args.positionals);
    // Referral events are streamed (never held): the report's referral figures come from the incremental fold.
    const referrals = await foldReferralEvents(
      ctx.io,
      inputs.eventFiles,
      knownPractices(inputs.practices, inputs.plans),
    );
    const report = {
      ...buildCohortReport({
        practices: inputs.practices,
        plans: inputs.plans,
        files: inputs.files.length,
        synthetic: inputs.synthetic,
        outcomes: inputs.outcomes,
        ...(typeof title === 'string' ? { title: title.trim() } : {}),
      }),
      referrals,
    };
    await ctx.io.writeText(html, renderReportHtml(report));
    if (typeof csv === 'string' && csv !== '') await ctx.io.writeText(csv, await renderReportCsv(report));
    const { programme, comparison, withoutPlan } = report.comparison.practices;
    const estimate = (e: ClusterEstimate | null) => (e ? { estimate: e.estimate, se: e.se, df: e.df, ci: e.ci } : null);
    const fewPractices = report.outcomes.filter((o) => o.measures.some((m) => m.clusters.tooFewPractices));
    const payload = {
      html,
      ...(typeof csv === 'string' && csv !== '' ? { csv } : {}),
      files: inputs.files.length,
      plans: inputs.plans.length,
      practices: { programme, comparison, withoutPlan: withoutPlan.length },
      behind: report.comparison.behind.length,
      referrals: report.referrals
        ? Object.fromEntries(
            (['programme', 'comparison'] as const).map((cohort) => {
              const f = report.referrals![cohort];
              return [
                cohort,
                {
                  referrals: f.referrals,
                  per1000: f.per1000,
                  people: f.people,
                  seenThreeOrMore: f.seenThreeOrMore.share,
                  linkedToResource: f.linkedToResource.share,
                },
              ];
            }),
          )
        : null,
      outcomes: report.outcomes.map((o) => ({
        instrumentId: o.instrumentId,
        measures: o.measures.map((m) => ({
          id: m.id,
          programme: { n: m.programme.n, mean: m.programme.mean },
          comparison: { n: m.comparison.n, mean: m.comparison.mean },
          difference: m.difference ? { estimate: m.difference.estimate, ci: m.difference.ci } : null,
          verdict: m.verdict,
          individualVerdict: m.individualVerdict,
          clusters: {
            method: m.clusters.method,
            practices: m.clusters.practices,
            icc: m.clusters.icc,
            clusterSize: m.clusters.clusterSize,
            designEffect: m.clusters.designEffect,
            tooFewPractices: m.clusters.tooFewPractices,
            practiceLevel: estimate(m.clusters.practiceLevel),
            cr2: estimate(m.clusters.cr2),
          },
        })),
      })),
      medians: Object.fromEntries(
        report.comparison.capacities.map((c) => [
          c.capacityId,
          { programme: c.programme?.median ?? null, comparison: c.comparison?.median ?? null },
        ]),
      ),
    };
    ctx.succeed(payload, () =>
      [
        `Report of ${programme + comparison} practices (${programme} programme, ${comparison} comparison), ${
          inputs.plans.length
        } plan revisions from ${inputs.files.length} files`,
        `  HTML: ${html}`,
        ...(payload.csv ? [`  CSV:  ${payload.csv}`] : []),
        '',
        'Median level (programme / comparison):',
        ...report.comparison.capacities.map(
          (c) => `  ${c.name.padEnd(18)} ${level(c.programme?.median)} / ${level(c.comparison?.median)}`,
        ),
        `${report.comparison.behind.length} practice–capacity pairs a level or more behind their cohort median.`,
        ...(report.referrals
          ? [
              `Referrals per 1,000 patients (programme / comparison): ${report.referrals.programme.per1000 ?? '–'} / ${report.referrals.comparison.per1000 ?? '–'}`,
            ]
          : []),
        ...report.outcomes.map((o) => {
          const k = o.measures[0]?.clusters.practices ?? { programme: 0, comparison: 0 };
          return `Outcome ${o.instrumentId}: differences estimated at practice level (${k.programme} programme / ${k.comparison} comparison practices with answers).`;
        }),
        ...fewPractices.map(
          (o) =>
            `Warning: too few practices for a stable estimate of the ${o.instrumentId} difference (fewer than ${MIN_PRACTICES_PER_ARM} in a cohort).`,
        ),
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

/** Every practice the report knows, as the report model lists them: practice lists first, then practices only named by plans. */
function knownPractices(practices: readonly Practice[], plans: readonly { readonly practice: Practice }[]): Practice[] {
  const known = new Map<string, Practice>();
  for (const p of practices) known.set(p.id, p);
  const fromPlans = new Map<string, Practice>();
  for (const plan of plans) fromPlans.set(plan.practice.id, plan.practice);
  for (const [id, practice] of fromPlans) if (!known.has(id)) known.set(id, practice);
  return Array.from(known.values());
}
