import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type {
  Aim,
  CapacityPlan,
  ChangeIdea,
  Evidence,
  Measure,
  PdsaCycle,
  Plan,
  Practice,
  ThemeFocus,
} from '../plan/types.js';
import { PLAN_KIND, PLAN_SCHEMA_VERSION } from '../plan/schema.js';
import { scorePlan } from '../maturity/score.js';
import {
  CAPACITY_TEMPLATES,
  LOCALITIES,
  PRACTICE_SUFFIXES,
  TEAM_ROLES,
  THEME_FOCUS,
  type MeasureTemplate,
} from './catalogue.js';
import { createDemoRandom, type DemoRandom } from './random.js';

/** Options for {@link generateDemoData}. */
export interface DemoDataOptions {
  /** How many practices (default 20). */
  readonly practices?: number;
  /** Seed: the same seed and options always give the same data (default 1). */
  readonly seed?: number | string;
  /** Share of practices in the programme cohort, 0–1 (default 0.5); the rest are comparison practices. */
  readonly programmeShare?: number;
  /** First month of the period, `YYYY-MM` (default `2022-01`). */
  readonly startMonth?: string;
  /** Length of the period in months (default 24). */
  readonly months?: number;
  /** A plan revision is saved every this many months (default 3). */
  readonly revisionEveryMonths?: number;
  /** Measures per capacity, 1–3 (default 2). */
  readonly measuresPerCapacity?: number;
  /**
   * Give every capacity all its measures, recorded monthly from the first
   * month, whatever the plan's maturity (default `false`). The rest of each
   * plan (owners, aims, cycles, spread) still follows the practice's pace.
   * For benchmarks, which need plans of a fixed size.
   */
  readonly allMeasuresFromStart?: boolean;
  /** Add a team self-assessment to some capacities, near the evidence-based level (default `true`). */
  readonly selfAssessment?: boolean;
}

/** Describes a generated data set. */
export interface DemoDataMeta {
  readonly kind: 'links.demo-data';
  readonly generator: string;
  readonly seed: number | string;
  readonly practices: number;
  readonly startMonth: string;
  readonly months: number;
  readonly revisionEveryMonths: number;
  /** Always `true`: nothing in demo data is about real practices, staff or people. */
  readonly synthetic: true;
  readonly note: string;
}

/**
 * A generated data set: practices and every saved revision of their plans.
 * Designed to grow: a referral generator can add `referrals` drawn from its
 * own random stream (`createDemoRandom(seed, 'referrals')`), so adding it never
 * changes the practices or plans a seed produces.
 */
export interface DemoData {
  readonly meta: DemoDataMeta;
  readonly practices: readonly Practice[];
  /** Every revision of every practice's plan, by practice then revision. */
  readonly plans: readonly Plan[];
}

/** Version of the generator's output; bump when the same seed would produce different data. */
export const DEMO_DATA_GENERATOR = 'links-demo-data 1';

interface Milestones {
  owner: number;
  teamAim: number;
  planning: number;
  baseline: number;
  cycleStart: number;
  cycleDone: number;
  improve: number;
  ramp: number;
  adopt: number;
  spread: number;
}

/**
 * Generates realistic synthetic practices (Glasgow-like localities, list
 * sizes 3,000–12,000, programme and comparison cohorts) and the revisions of
 * their business plans, maturing over time: each capacity passes the
 * milestones of the maturity ladder (owner, aim, measures, baseline, PDSA
 * cycles, improvement, adoption, spread) at a pace drawn per practice, and
 * programme practices move about two and a half times faster than comparison
 * practices. Each revision holds only what had happened by the day it was
 * saved, so scoring the revisions shows maturity over time.
 *
 * Deterministic: a seeded generator, never `Math.random` or the clock.
 * Comparison practices have no Links plan in the real programme; here they
 * get a development plan of the same shape so both cohorts can be scored
 * with one rubric.
 *
 * @example
 * const { practices, plans } = generateDemoData({ practices: 20, seed: 7 });
 */
export function generateDemoData(options: DemoDataOptions = {}): DemoData {
  const count = clampInt(options.practices ?? 20, 0, 10_000_000);
  const seed = options.seed ?? 1;
  const share = Math.min(1, Math.max(0, options.programmeShare ?? 0.5));
  const startMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(options.startMonth ?? '') ? options.startMonth! : '2022-01';
  const months = clampInt(options.months ?? 24, 1, 600);
  const every = clampInt(options.revisionEveryMonths ?? 3, 1, months);
  const measuresPerCapacity = clampInt(options.measuresPerCapacity ?? 2, 1, 3);
  const calendar = new Calendar(startMonth);

  const practices = generatePractices(count, seed, share);
  const plans: Plan[] = [];
  for (const practice of practices) {
    const random = createDemoRandom(seed, `plan:${practice.id}`);
    const story = practiceStory(practice, random, months, measuresPerCapacity, options.allMeasuresFromStart ?? false);
    let revision = 0;
    for (let month = every - 1; month < months; month += every) {
      revision++;
      let plan = snapshot(practice, story, month, revision, calendar, options.allMeasuresFromStart ?? false);
      if (options.selfAssessment !== false) plan = withSelfAssessment(plan, random);
      plans.push(plan);
    }
  }

  return {
    meta: {
      kind: 'links.demo-data',
      generator: DEMO_DATA_GENERATOR,
      seed,
      practices: count,
      startMonth,
      months,
      revisionEveryMonths: every,
      synthetic: true,
      note: 'Synthetic demonstration data: invented practices in Glasgow-like localities, staff by role only, no real people.',
    },
    practices,
    plans,
  };
}

/** Generates practices only (stable: the first N of a larger set are the same N). */
export function generatePractices(count: number, seed: number | string, programmeShare = 0.5): Practice[] {
  const random = createDemoRandom(seed, 'practices');
  const localities = Object.keys(LOCALITIES);
  const used = new Set<string>();
  const out: Practice[] = [];
  for (let i = 0; i < count; i++) {
    const locality = random.pick(localities);
    const area = random.pick(LOCALITIES[locality]!);
    let name = `${area} ${random.pick(PRACTICE_SUFFIXES)}`;
    for (let n = 2; used.has(name); n++)
      name = `${area} ${PRACTICE_SUFFIXES[n % PRACTICE_SUFFIXES.length]}${n > PRACTICE_SUFFIXES.length ? ` ${n}` : ''}`;
    used.add(name);
    const programme = Math.floor((i + 1) * programmeShare) > Math.floor(i * programmeShare);
    out.push({
      id: `demo-${String(i + 1).padStart(3, '0')}`,
      name,
      cohort: programme ? 'programme' : 'comparison',
      listSize: Math.round(random.uniform(3000, 12000) / 10) * 10,
      locality,
    });
  }
  return out;
}

interface MeasureStory {
  readonly template: MeasureTemplate;
  readonly id: string;
  readonly firstMonth: number;
  readonly values: readonly number[]; // by month index from 0; NaN before firstMonth
  readonly target: number;
}

interface CapacityStory {
  readonly id: string;
  readonly milestones: Milestones;
  readonly owner: string;
  readonly team: readonly string[];
  readonly measures: readonly MeasureStory[];
  readonly changeIdeas: readonly string[];
}

interface PracticeStory {
  readonly capacities: readonly CapacityStory[];
  readonly themes: readonly { id: string; month: number; text: string; capacities: readonly string[] }[];
}

const NEVER = Number.POSITIVE_INFINITY;

function practiceStory(
  practice: Practice,
  random: DemoRandom,
  months: number,
  measuresPerCapacity: number,
  allFromStart: boolean,
): PracticeStory {
  const programme = practice.cohort === 'programme';
  // Months per step of the ladder: programme practices move about 2.5 times faster.
  const pace = programme ? random.uniform(0.8, 1.8) : random.uniform(2, 4.5);
  const step = (min: number, max: number) => Math.round(random.uniform(min, max) * pace);
  const capacities: CapacityStory[] = [];
  for (const capacity of LINKS_FRAMEWORK.capacities) {
    const template = CAPACITY_TEMPLATES[capacity.id]!;
    const neverStarted = !programme && random.chance(0.3);
    const owner = neverStarted ? NEVER : (programme ? random.int(0, 3) : random.int(2, 10)) + step(0, 2);
    const teamAim = owner + Math.max(1, step(1, 2));
    const planning = teamAim + Math.max(1, step(1, 3));
    const baseline = planning + Math.max(1, step(1, 2));
    const cycleStart = baseline + step(0, 2);
    const cycleDone = cycleStart + 1 + step(0, 1);
    const stalls = random.chance(programme ? 0.2 : 0.5);
    const improve = stalls ? NEVER : Math.max(cycleDone, baseline + 3) + step(1, 5);
    const ramp = random.int(4, 7);
    const adopt = improve + Math.max(1, step(2, 4));
    const spread = random.chance(programme ? 0.8 : 0.4) ? Math.max(adopt, improve + ramp) + step(6, 12) : NEVER;
    const milestones: Milestones = {
      owner,
      teamAim,
      planning,
      baseline,
      cycleStart,
      cycleDone,
      improve,
      ramp,
      adopt,
      spread,
    };

    const measures: MeasureStory[] = [];
    for (let j = 0; j < measuresPerCapacity; j++) {
      const t = template.measures[j % template.measures.length]!;
      const first = allFromStart ? 0 : baseline;
      const start = t.kind === 'balancing' ? NEVER : improve + (j === 0 ? 0 : random.int(0, 2));
      measures.push(measureStory(t, `m-${j + 1}`, first, start, ramp, months, random));
    }
    const team = random.sample(TEAM_ROLES, random.int(2, 4));
    capacities.push({
      id: capacity.id,
      milestones,
      owner: random.pick(template.owners),
      team,
      measures,
      changeIdeas: random.sample(template.changeIdeas, random.int(1, 2)),
    });
  }
  const themes = LINKS_FRAMEWORK.themes.flatMap((theme) => {
    if (!programme && random.chance(0.6)) return [];
    const month = (programme ? random.int(0, 4) : random.int(3, 12)) + step(1, 6);
    const linked = random.sample(
      LINKS_FRAMEWORK.capacities.map((c) => c.id),
      random.int(1, 2),
    );
    return [
      { id: theme.id, month, text: random.pick(THEME_FOCUS[theme.id] ?? ['Local priorities']), capacities: linked },
    ];
  });
  return { capacities, themes };
}

function measureStory(
  template: MeasureTemplate,
  id: string,
  firstMonth: number,
  improveMonth: number,
  ramp: number,
  months: number,
  random: DemoRandom,
): MeasureStory {
  const base = random.uniform(template.baseline[0], template.baseline[1]);
  const factor = random.uniform(template.improvement[0], template.improvement[1]);
  const max = template.max ?? Number.POSITIVE_INFINITY;
  const plateau = Math.min(max, base * factor);
  // The aim's target sits a little short of where the change levels off.
  const target = round(base + (plateau - base) * 0.85, template.decimals);
  const sd = Math.max(0.4, Math.abs(base) * 0.07);
  const values: number[] = [];
  for (let m = 0; m < months; m++) {
    if (m < firstMonth) {
      values.push(Number.NaN);
      continue;
    }
    let mean: number;
    let spread = sd;
    if (m < improveMonth) mean = base;
    else if (m < improveMonth + ramp) {
      mean = base + ((plateau - base) * (m - improveMonth + 1)) / ramp;
      spread = sd * 0.5;
    } else {
      mean = plateau;
      spread = sd * 0.5;
    }
    values.push(Math.min(max, Math.max(0, round(random.normal(mean, spread), template.decimals))));
  }
  return { template, id, firstMonth, values, target };
}

function snapshot(
  practice: Practice,
  story: PracticeStory,
  month: number,
  revision: number,
  calendar: Calendar,
  allMeasures: boolean,
): Plan {
  const capacities: Record<string, CapacityPlan> = {};
  for (const c of story.capacities) {
    const ms = c.milestones;
    if (ms.owner > month && !allMeasures) continue;
    const plan: CapacityPlan = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
    if (ms.owner <= month) plan.owner = { role: c.owner };
    const evidence: Evidence[] = [];
    if (ms.teamAim <= month) {
      plan.team = [...c.team];
      const aim: Aim = { id: 'aim-1', statement: CAPACITY_TEMPLATES[c.id]!.aim };
      if (ms.planning <= month) {
        const first = c.measures[0]!;
        Object.assign(aim, {
          target: first.target,
          unit: first.template.unit,
          targetDate: calendar.day(ms.planning + 12, 28),
          measureId: first.id,
        });
      }
      plan.aims = [aim];
      evidence.push({
        id: 'ev-1',
        date: calendar.day(ms.teamAim, 15),
        text: 'Team meeting agreed the aim and who is involved.',
      });
    }
    if (ms.planning <= month || allMeasures) {
      plan.measures = c.measures.map((m, j): Measure => {
        const points = [];
        for (let t = m.firstMonth; t <= month && t < m.values.length; t++)
          points.push({ date: calendar.day(t, 1), value: m.values[t]! });
        const measure: Measure = {
          id: m.id,
          name: m.template.name,
          kind: m.template.kind,
          unit: m.template.unit,
          direction: m.template.direction,
          points,
        };
        if (j === 0 && points.length > 0) measure.baseline = { value: points[0]!.value, date: points[0]!.date };
        return measure;
      });
    }
    if (ms.baseline <= month) {
      plan.changeIdeas = c.changeIdeas.map((title, k): ChangeIdea => {
        const idea: ChangeIdea = { id: `ci-${k + 1}`, title, cycles: [] };
        if (k > 0) return idea;
        const cycles: PdsaCycle[] = [];
        if (ms.cycleStart <= month) {
          const first: PdsaCycle = {
            id: 'pdsa-1',
            plan: `Try “${title}” for two weeks.`,
            prediction: 'More people will be offered support.',
            startDate: calendar.day(ms.cycleStart, 10),
          };
          if (ms.cycleDone <= month) {
            Object.assign(first, {
              do: 'Tried as planned, with two staff.',
              study: 'Worked on most days; staff asked for a simpler prompt.',
              act: 'adapt',
              completedDate: calendar.day(ms.cycleDone, 20),
            });
          }
          cycles.push(first);
        }
        const secondStart = Math.max(ms.improve, ms.cycleDone + 1);
        if (secondStart <= month) {
          const second: PdsaCycle = {
            id: 'pdsa-2',
            plan: `Run the adapted “${title}” with the whole team.`,
            prediction: 'The measure will rise within three months.',
            startDate: calendar.day(secondStart, 5),
          };
          if (ms.adopt <= month)
            Object.assign(second, {
              do: 'The whole team took part.',
              study: 'The run chart rose as predicted.',
              act: 'adopt',
              completedDate: calendar.day(ms.adopt, 25),
            });
          cycles.push(second);
        }
        idea.cycles = cycles;
        if (ms.spread <= month && ms.adopt <= month)
          idea.spread = { date: calendar.day(ms.spread, 15), note: 'Now standard practice across the whole team.' };
        return idea;
      });
    }
    if (ms.improve + ms.ramp <= month)
      evidence.push({
        id: 'ev-2',
        date: calendar.day(ms.improve + ms.ramp, 15),
        text: 'Run chart reviewed at the team meeting.',
      });
    plan.evidence = evidence;
    capacities[c.id] = plan;
  }
  const themes: Record<string, ThemeFocus> = {};
  for (const theme of story.themes) {
    if (theme.month <= month)
      themes[theme.id] = { focusAreas: [{ id: 'fa-1', text: theme.text, capacities: [...theme.capacities] }] };
  }
  const programme = practice.cohort === 'programme';
  return {
    kind: PLAN_KIND,
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: `plan-${practice.id}`,
    practice: { ...practice },
    framework: { id: LINKS_FRAMEWORK.id, version: LINKS_FRAMEWORK.version },
    title: programme ? `${practice.name}: Links business plan` : `${practice.name}: practice development plan`,
    status: revision === 1 ? 'draft' : revision === 2 ? 'submitted' : revision % 4 === 0 ? 'under-review' : 'agreed',
    revision,
    savedAt: `${calendar.day(month, 28)}T16:00:00Z`,
    savedBy: 'Practice manager',
    capacities,
    themes,
  };
}

function withSelfAssessment(plan: Plan, random: DemoRandom): Plan {
  const score = scorePlan(plan);
  const capacities: Record<string, CapacityPlan> = {};
  for (const [id, capacity] of Object.entries(plan.capacities)) {
    const level = score.profile[id] ?? 0;
    if (level > 0 && random.chance(0.5)) {
      const self = Math.min(5, Math.max(0, level + random.pick([-0.5, 0, 0, 0.5, 0.5, 1])));
      capacities[id] = { ...capacity, selfAssessedLevel: self };
    } else capacities[id] = capacity;
  }
  return { ...plan, capacities };
}

class Calendar {
  private readonly year: number;
  private readonly month0: number;
  constructor(startMonth: string) {
    this.year = Number(startMonth.slice(0, 4));
    this.month0 = Number(startMonth.slice(5, 7)) - 1;
  }
  /** `YYYY-MM-DD` for a day of the month `offset` months after the start. */
  day(offset: number, day: number): string {
    const total = this.month0 + offset;
    const y = this.year + Math.floor(total / 12);
    const m = (total % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}
