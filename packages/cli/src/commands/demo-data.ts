import { generateDemoData, generateDemoReferrals } from '@links-approach/core/demo-data';
import { serializePlanDocument } from '@links-approach/core/plan';
import type { Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';

/** Most practices `links demo-data` will generate in one go. */
export const DEMO_PRACTICES_LIMIT = 5000;

function positiveInt(value: unknown, option: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new UsageError(`--${option} must be a whole number from 1 to ${max}, not "${text}"`, `--${option}`);
  }
  return Number(text);
}

/** `links demo-data`: writes a seeded, synthetic cohort of practices and plan revisions. */
export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: 'Generate synthetic practices and plan revisions (seeded, reproducible)',
  usage: 'demo-data --out DIR [--practices N] [--seed S] [--months M] [--json]',
  description:
    'Writes a synthetic cohort for demos, tests and benchmarks: DIR/practices.json (kind "links.practices") and one ' +
    'plan document per saved revision in DIR/plans/. Practices are invented (Glasgow-like localities, list sizes ' +
    '3,000–12,000), half programme and half comparison; their plans mature over time, programme practices faster. ' +
    'The same seed always gives the same files.',
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'folder to write into (created if needed)' },
    practices: { type: 'string', valueName: 'N', description: 'how many practices (default 20)' },
    seed: { type: 'string', valueName: 'S', description: 'seed: a number or a word (default 1)' },
    months: {
      type: 'string',
      valueName: 'M',
      description: 'months of history, a revision every 3 months (default 24)',
    },
  },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, args) {
    const out = args.values['out'];
    if (typeof out !== 'string' || out === '')
      throw new UsageError(
        'demo-data: --out DIR is required. Usage: links demo-data --out DIR [--practices N] [--seed S]',
        '--out',
      );
    const practices = positiveInt(args.values['practices'], 'practices', 20, DEMO_PRACTICES_LIMIT);
    const months = positiveInt(args.values['months'], 'months', 24, 600);
    const seedText = args.values['seed'];
    const seed = typeof seedText === 'string' ? (/^\d{1,15}$/.test(seedText) ? Number(seedText) : seedText) : 1;
    if (typeof seed === 'string' && (seed.length === 0 || seed.length > 100))
      throw new UsageError('--seed must be a number or a word of at most 100 characters', '--seed');

    const data = generateDemoData({ practices, seed, months });
    const dir = out.replace(/[\\/]+$/, '');
    const files: string[] = [];
    const practicesFile = `${dir}/practices.json`;
    await ctx.io.writeText(
      practicesFile,
      `${JSON.stringify({ kind: 'links.practices', meta: data.meta, practices: data.practices }, null, 2)}\n`,
    );
    files.push(practicesFile);
    for (const plan of data.plans) {
      const file = `${dir}/plans/${plan.practice.id}.r${plan.revision}.json`;
      await ctx.io.writeText(file, serializePlanDocument(plan));
      files.push(file);
    }
    // Referrals go to programme practices only: comparison practices have no Community Links Practitioner.
    const programmePractices = data.practices.filter((p) => p.cohort === 'programme');
    const asOf = data.plans.reduce(
      (latest, plan) => (plan.savedAt > latest ? plan.savedAt : latest),
      '1970-01-01T00:00:00Z',
    );
    const referralEvents = generateDemoReferrals({
      practices: programmePractices.map((p) => ({ id: p.id, listSize: p.listSize })),
      seed,
      asOf,
    });
    const referralsFile = `${dir}/referrals.json`;
    await ctx.io.writeText(referralsFile, `${JSON.stringify(referralEvents)}\n`);
    files.push(referralsFile);
    const referralCount = new Set(referralEvents.events.map((e) => e.referralId)).size;
    const programme = programmePractices.length;
    const summary = {
      out: dir,
      seed,
      practices: data.practices.length,
      programme,
      comparison: data.practices.length - programme,
      plans: data.plans.length,
      referrals: referralCount,
      referralEvents: referralEvents.events.length,
      months,
      files: files.length,
    };
    ctx.succeed(summary, () =>
      [
        `Wrote ${summary.practices} synthetic practices (${programme} programme, ${summary.comparison} comparison) and ${summary.plans} plan revisions over ${months} months to ${dir}/`,
        `  ${practicesFile}`,
        `  ${dir}/plans/ (${data.plans.length} files)`,
        `  ${referralsFile} (${referralCount} referrals to the CLPs of programme practices, ${referralEvents.events.length} events)`,
        `Seed ${String(seed)}: the same seed always gives the same files. Try: links report ${dir} --html report.html`,
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
