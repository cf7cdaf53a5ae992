import { LINKS_RUBRIC, scorePlan, validateRubric, type PlanScore, type Rubric } from '@links-approach/core/maturity';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import type { Command } from '../command.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readJsonFile } from '../read-json.js';
import { messageCodeOf } from '@links-approach/core';

/** Reads and validates a plan document (schemaVersion 1 is migrated); invalid → InputError (exit 1). */
export async function readPlanFile(io: CliIo, path: string): Promise<Plan> {
  const result = parsePlanDocument(await readJsonFile(io, path));
  if (!result.ok)
    throw new InputError(
      result.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e) })),
      path,
    );
  return result.value;
}

/** Reads and validates a rubric document; invalid → InputError (exit 1). */
export async function readRubricFile(io: CliIo, path: string): Promise<Rubric> {
  const result = validateRubric(await readJsonFile(io, path));
  if (!result.ok) throw new InputError(result.errors, path);
  return result.value;
}

/** Checks an `--as-of` value: a real date written YYYY-MM-DD. */
export function parseAsOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${text}"`, '--as-of');
  }
  return text;
}

/** `links score`: a plan's maturity per capacity, with criteria and next steps. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'Score a business plan’s maturity on the 7 capacities, with reasons and next steps',
  usage: 'score <plan.json> [--rubric FILE] [--as-of YYYY-MM-DD] [--criteria] [--json]',
  description:
    'Scores each capacity of a business plan against the maturity rubric (our adaptation of the IHI Assessment ' +
    'Scale for Collaboratives, 0 to 5 in 0.5 steps): the level, every criterion met or unmet with its reason, and the ' +
    'next step. A capacity reaches a level only when the plan holds the evidence for it and every level below. ' +
    'Evidence dated after --as-of (default: the day the plan was saved) is ignored.',
  options: {
    rubric: {
      type: 'string',
      valueName: 'FILE',
      description: 'a rubric document (kind "links.rubric") to score against instead of the default',
    },
    'as-of': {
      type: 'string',
      valueName: 'DATE',
      description: 'ignore evidence dated after this day (default: the day the plan was saved)',
    },
    criteria: { type: 'boolean', description: 'list every criterion, met or unmet, with its reason' },
  },
  positionals: { min: 1, max: 1, names: '<plan.json>' },
  async run(ctx, args) {
    const asOf = parseAsOf(args.values['as-of']);
    const rubricPath = args.values['rubric'];
    const rubric = typeof rubricPath === 'string' ? await readRubricFile(ctx.io, rubricPath) : LINKS_RUBRIC;
    const plan = await readPlanFile(ctx.io, args.positionals[0]!);
    const score = scorePlan(plan, { rubric, ...(asOf ? { asOf } : {}) });
    ctx.succeed({ ...score }, () => describeScore(plan, score, rubric, args.values['criteria'] === true));
    return EXIT.ok;
  },
};

/** Ends a title with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** The human-readable report of a plan's score. */
export function describeScore(plan: Plan, score: PlanScore, rubric: Rubric, allCriteria: boolean): string {
  const practice = `${plan.practice.name} (${plan.practice.cohort} practice${
    plan.practice.locality ? `, ${plan.practice.locality}` : ''
  })`;
  const lines = [
    plan.title,
    practice,
    `Revision ${plan.revision}, scored as of ${score.asOf ?? 'all dates'} with the rubric ${rubric.name} ${
      rubric.version
    }`,
  ];
  if (rubric.id === LINKS_RUBRIC.id)
    lines.push('(our adaptation of the IHI Assessment Scale for Collaboratives; not a published instrument)');
  lines.push(
    '',
    `Overall: ${score.overall.level.toFixed(1)} (mean ${score.overall.mean}, lowest ${score.overall.min}, highest ${
      score.overall.max
    })`,
    '',
  );
  const width = score.capacities.reduce((n, c) => Math.max(n, c.name.length), 0);
  for (const c of score.capacities) {
    lines.push(`  ${c.name.padEnd(width)}  ${c.level.toFixed(1)}  ${c.levelName}`);
    if (allCriteria) {
      for (const criterion of c.criteria)
        lines.push(
          `      ${criterion.met ? '✓' : '✗'} ${criterion.level.toFixed(1)} ${criterion.id}: ${criterion.reason}`,
        );
    }
    if (c.nextStep)
      lines.push(
        `      Next (to reach ${c.nextStep.level.toFixed(1)} ${c.nextStep.levelName}): ${sentence(c.nextStep.title)} ${
          c.nextStep.reason
        }`,
      );
    else lines.push('      Top level reached.');
  }
  const names = (ids: readonly string[]) =>
    ids.map((id) => score.capacities.find((c) => c.capacityId === id)?.name ?? id).join(', ');
  lines.push('', `Weakest: ${names(score.weakest.capacityIds)} (${score.weakest.level.toFixed(1)})`);
  lines.push(
    `Themes with agreed focus areas: ${score.themeCoverage.count} of ${score.themeCoverage.total}${
      score.themeCoverage.missing.length ? ` (none yet: ${score.themeCoverage.missing.join(', ')})` : ''
    }`,
  );
  if (score.selfAssessmentFlags.length > 0) {
    lines.push('', 'Self-assessment differs from the evidence:');
    for (const flag of score.selfAssessmentFlags) lines.push(`  ${flag.message}`);
  }
  return lines.join('\n');
}
