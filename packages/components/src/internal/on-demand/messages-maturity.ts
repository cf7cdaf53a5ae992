import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type {
  AgainstParams,
  MaturityMessageParams,
  PointsParams,
  SignalParams,
  SinceParams,
} from '@links-approach/core/maturity';

/*
 * The maturity scorer's reasons (core's `MATURITY_MESSAGES_EN`: why a
 * criterion is met or not, the next step's reason), through msg():
 * `issueText` renders a reason whose `messageCode` is `maturity.*` with this
 * map in a locale other than the source locale. The names people wrote
 * (measures, change ideas, owners) and values with their units stay as
 * written. Counts come after a colon, so no noun has to agree with a number.
 */

const quote = (text: string): string => `“${text}”`;

const since = (p: SinceParams): string =>
  p.changeStart === undefined
    ? msg('after its baseline', { id: 'maturity-issue.since.baseline' })
    : msg(str`since the first change was tested (${p.changeStart})`, { id: 'maturity-issue.since.change' });

const signal = (type: 'shift' | 'trend', length: number, direction: 'up' | 'down', centre?: string): string => {
  if (type === 'trend')
    return direction === 'up'
      ? msg(str`a trend of ${length} points rising`, { id: 'maturity-issue.signal.trend-up' })
      : msg(str`a trend of ${length} points falling`, { id: 'maturity-issue.signal.trend-down' });
  const base = centre === undefined ? '' : centre;
  if (direction === 'up')
    return centre === undefined
      ? msg(str`a shift of ${length} points above its baseline`, { id: 'maturity-issue.signal.shift-up' })
      : msg(str`a shift of ${length} points above its baseline of ${base}`, {
          id: 'maturity-issue.signal.shift-up-of',
        });
  return centre === undefined
    ? msg(str`a shift of ${length} points below its baseline`, { id: 'maturity-issue.signal.shift-down' })
    : msg(str`a shift of ${length} points below its baseline of ${base}`, {
        id: 'maturity-issue.signal.shift-down-of',
      });
};

const improvement = (p: SignalParams): string =>
  signal(p.signalType, p.signalLength, p.signalDirection, p.signalCentre);

const against = (p: AgainstParams): string => {
  const what = signal(p.againstType, p.againstLength, p.againstDirection, p.againstCentre);
  return msg(str`the measure has moved against its aim since ${p.againstSince} (${what})`, {
    id: 'maturity-issue.against',
  });
};

const onPoints = (p: PointsParams): string =>
  p.atLatest
    ? msg('at the latest point', { id: 'maturity-issue.points.latest' })
    : msg(str`on the last ${p.points} points`, { id: 'maturity-issue.points.last' });

/** The maturity scorer's reasons, by code. */
export const MATURITY_ISSUES: Partial<MessageRenderers<MaturityMessageParams>> = {
  'maturity.unknown-criterion': (p) =>
    msg(str`This rubric names a criterion this library does not know: "${p.id}".`, {
      id: 'maturity-issue.unknown-criterion',
    }),
  'maturity.nothing-for-capacity': () =>
    msg('The plan has nothing for this capacity yet.', { id: 'maturity-issue.nothing-for-capacity' }),
  'maturity.capacity-addressed': () =>
    msg('The plan addresses this capacity.', { id: 'maturity-issue.capacity-addressed' }),
  'maturity.capacity-empty': () =>
    msg('The plan lists this capacity, but nothing is filled in yet.', { id: 'maturity-issue.capacity-empty' }),
  'maturity.no-owner': () => msg('No owner is named for this capacity.', { id: 'maturity-issue.no-owner' }),
  'maturity.owned-by': (p) =>
    p.name
      ? msg(str`Owned by ${p.name} (${p.role}).`, { id: 'maturity-issue.owned-by-name' })
      : msg(str`Owned by ${p.role}.`, { id: 'maturity-issue.owned-by' }),
  'maturity.team-members': (p) => msg(str`Members of the team: ${p.count}.`, { id: 'maturity-issue.team-members' }),
  'maturity.no-team': () => msg('No team is named for this capacity.', { id: 'maturity-issue.no-team' }),
  'maturity.aims-stated': (p) => msg(str`Aims stated: ${p.count}.`, { id: 'maturity-issue.aims-stated' }),
  'maturity.no-aim': () => msg('No aim is stated for this capacity.', { id: 'maturity-issue.no-aim' }),
  'maturity.aim-target-date': (p) =>
    msg(str`An aim has a target of ${p.target} by ${p.date}.`, { id: 'maturity-issue.aim-target-date' }),
  'maturity.aim-no-date': () => msg('An aim has a target but no target date.', { id: 'maturity-issue.aim-no-date' }),
  'maturity.aim-no-target': () =>
    msg('An aim has a target date but no numeric target.', { id: 'maturity-issue.aim-no-target' }),
  'maturity.no-aim-target-date': () =>
    msg('No aim has a numeric target and a target date.', { id: 'maturity-issue.no-aim-target-date' }),
  'maturity.measures-defined': (p) =>
    msg(str`Measures defined: ${p.count}.`, { id: 'maturity-issue.measures-defined' }),
  'maturity.no-measure': () => msg('No measure is defined for this capacity.', { id: 'maturity-issue.no-measure' }),
  'maturity.no-measure-for-baseline': () =>
    msg('There is no measure to record a baseline for.', { id: 'maturity-issue.no-measure-for-baseline' }),
  'maturity.no-baseline': () => msg('No measure has a baseline or any data yet.', { id: 'maturity-issue.no-baseline' }),
  'maturity.baseline': (p) => {
    const measure = quote(p.measure);
    return p.firstPoint
      ? msg(str`${measure} has a baseline of ${p.baseline} (its first data point).`, {
          id: 'maturity-issue.baseline-first-point',
        })
      : msg(str`${measure} has a baseline of ${p.baseline}.`, { id: 'maturity-issue.baseline' });
  },
  'maturity.change-ideas-listed': (p) =>
    msg(str`Change ideas listed: ${p.count}.`, { id: 'maturity-issue.change-ideas-listed' }),
  'maturity.no-change-ideas': () =>
    msg('No change ideas are listed for this capacity.', { id: 'maturity-issue.no-change-ideas' }),
  'maturity.cycle-studied': (p) => {
    const idea = quote(p.idea);
    return msg(str`A PDSA cycle of ${idea} has been studied.`, { id: 'maturity-issue.cycle-studied' });
  },
  'maturity.no-cycle': () => msg('No PDSA cycle has been started.', { id: 'maturity-issue.no-cycle' }),
  'maturity.study-not-completed': (p) => {
    const idea = quote(p.idea);
    return msg(
      str`A PDSA cycle of ${idea} has a Study written, but no completion date: a Study counts once the cycle is completed.`,
      { id: 'maturity-issue.study-not-completed' },
    );
  },
  'maturity.study-completed-later': (p) => {
    const idea = quote(p.idea);
    return msg(
      str`A PDSA cycle of ${idea} is completed on ${p.completed}, after ${p.asOf}: its Study counts from then.`,
      {
        id: 'maturity-issue.study-completed-later',
      },
    );
  },
  'maturity.no-study': () =>
    msg('PDSA cycles have started, but none has a Study recorded yet.', { id: 'maturity-issue.no-study' }),
  'maturity.moved-from-baseline': (p) => {
    const [measure, when] = [quote(p.measure), since(p)];
    return msg(str`${measure} has moved from its baseline of ${p.baseline} to ${p.latest} ${when}.`, {
      id: 'maturity-issue.moved-from-baseline',
    });
  },
  'maturity.no-outcome-baseline': () =>
    msg('No outcome or process measure has a baseline yet.', { id: 'maturity-issue.no-outcome-baseline' }),
  'maturity.no-change-tested-baseline': () =>
    msg('No change has been tested yet: a measure moves beyond its baseline only after the first PDSA cycle starts.', {
      id: 'maturity-issue.no-change-tested-baseline',
    }),
  'maturity.no-data-since-change': (p) =>
    msg(str`No measure has data since the first change was tested (${p.changeStart}).`, {
      id: 'maturity-issue.no-data-since-change',
    }),
  'maturity.not-better-against': (p) => {
    const [measure, why] = [quote(p.measure), against(p)];
    return msg(str`${measure} is at ${p.latest}, not better than its baseline of ${p.baseline}: ${why}.`, {
      id: 'maturity-issue.not-better-against',
    });
  },
  'maturity.not-yet-better': (p) => {
    const measure = quote(p.measure);
    return msg(str`${measure} is at ${p.latest}, not yet better than its baseline of ${p.baseline}.`, {
      id: 'maturity-issue.not-yet-better',
    });
  },
  'maturity.signal': (p) => {
    const [measure, what, when] = [quote(p.measure), improvement(p), since(p)];
    return msg(str`The run chart of ${measure} shows ${what} ${when}.`, { id: 'maturity-issue.signal' });
  },
  'maturity.nothing-to-plot': () =>
    msg('No outcome or process measure to plot.', { id: 'maturity-issue.nothing-to-plot' }),
  'maturity.signal-then-against': (p) => {
    const [measure, what, why] = [quote(p.measure), improvement(p), against(p)];
    return msg(str`The run chart of ${measure} showed ${what}, but ${why}.`, {
      id: 'maturity-issue.signal-then-against',
    });
  },
  'maturity.no-improvement-against': (p) => {
    const [measure, why] = [quote(p.measure), against(p)];
    return msg(str`The run chart of ${measure} shows no improvement: ${why}.`, {
      id: 'maturity-issue.no-improvement-against',
    });
  },
  'maturity.no-change-tested-signal': () =>
    msg('No change has been tested yet: a run chart shows improvement only after the first PDSA cycle starts.', {
      id: 'maturity-issue.no-change-tested-signal',
    }),
  'maturity.no-signal': (p) => {
    const [measure, when] = [quote(p.measure), since(p)];
    return msg(
      str`No run chart shows a shift (6 points on one side of the baseline) or a trend (5 points moving one way) in the direction of improvement ${when}; points of ${measure} since then: ${p.count}.`,
      { id: 'maturity-issue.no-signal' },
    );
  },
  'maturity.no-target-linked': () =>
    msg('No aim with a numeric target is linked to a measure (set the aim’s target and its measure).', {
      id: 'maturity-issue.no-target-linked',
    }),
  'maturity.target-met': (p) => {
    const [measure, where] = [quote(p.measure), onPoints(p)];
    return msg(str`${measure} has met its target of ${p.target} ${where}, with a run-chart signal of improvement.`, {
      id: 'maturity-issue.target-met',
    });
  },
  'maturity.target-no-data': (p) => {
    const measure = quote(p.measure);
    return msg(str`${measure} has no data yet to compare with its target of ${p.target}.`, {
      id: 'maturity-issue.target-no-data',
    });
  },
  'maturity.target-short': (p) => {
    const measure = quote(p.measure);
    return msg(str`The latest value of ${measure} is ${p.latest}, short of its target of ${p.target}.`, {
      id: 'maturity-issue.target-short',
    });
  },
  'maturity.target-not-long-enough': (p) => {
    const [measure, needed] = [quote(p.measure), onPoints(p)];
    return msg(str`${measure} has met its target of ${p.target} on the last points (${p.met}); ${needed} is needed.`, {
      id: 'maturity-issue.target-not-long-enough',
    });
  },
  'maturity.target-met-against': (p) => {
    const [measure, why] = [quote(p.measure), against(p)];
    return msg(str`${measure} has met its target of ${p.target}, but ${why}.`, {
      id: 'maturity-issue.target-met-against',
    });
  },
  'maturity.target-met-no-signal': (p) => {
    const measure = quote(p.measure);
    return msg(
      str`${measure} has met its target of ${p.target}, but its run chart shows no shift or trend of improvement yet.`,
      { id: 'maturity-issue.target-met-no-signal' },
    );
  },
  'maturity.adopted': (p) => {
    const idea = quote(p.idea);
    return msg(str`${idea} has been adopted.`, { id: 'maturity-issue.adopted' });
  },
  'maturity.none-adopted': () =>
    msg('No PDSA cycle has ended in a decision to adopt the change.', { id: 'maturity-issue.none-adopted' }),
  'maturity.spread': (p) => {
    const idea = quote(p.idea);
    return msg(str`${idea} has spread as standard practice (${p.date}).`, { id: 'maturity-issue.spread' });
  },
  'maturity.none-spread': () =>
    msg('No change has been recorded as spread to standard practice.', { id: 'maturity-issue.none-spread' }),
};
