/**
 * `@links-approach/core/maturity`: Plan maturity: run-chart rules, the evidence-based rubric, `scorePlan`, `scoreHistory` and `compareCohorts`.
 *
 * @packageDocumentation
 */
export {
  analyseRunChart,
  baselinePointCount,
  firstChangeDate,
  SHIFT_LENGTH,
  TREND_LENGTH,
  MIN_BASELINE_POINTS,
  ASTRONOMICAL_MIN_POINTS,
  ASTRONOMICAL_SIGMAS,
  type RunChartAnalysis,
  type RunChartBaseline,
  type RunChartPhase,
  type CentreLineSource,
  type RunChartOptions,
  type RunChartSignal,
  type RunChartSignalType,
  type ImprovementDirection,
} from './run-chart.js';
export { RUNS_CRITICAL_VALUES, RUNS_TABLE_RANGE } from './runs-table.js';
export {
  describeRunChart,
  describeRunChartSentences,
  describeSignal,
  signalSentence,
  type DescribeRunChartOptions,
} from './describe.js';
export {
  DEFAULT_CRITERIA,
  buildCriterionContext,
  formatValue as formatMeasureValue,
  type CriteriaRegistry,
  type CriterionContext,
  type CriterionDefinition,
  type CriterionOutcome,
  type CriterionParameters,
  type MeasureView,
} from './criteria.js';
export {
  LINKS_RUBRIC,
  DEFAULT_RUBRIC_PARAMETERS,
  validateRubric,
  rubricParameters,
  levelName,
  rubricSchema,
  rubricLevelSchema,
  rubricParametersSchema,
  maturityLevelSchema,
  type Rubric,
  type RubricLevel,
  type RubricParameters,
} from './rubric.js';
export {
  scorePlan,
  roundDownToHalf,
  type ScoreOptions,
  type PlanScore,
  type CapacityScore,
  type CriterionResult,
  type NextStep,
  type OverallScore,
  type SelfAssessmentFlag,
  type ThemeCoverage,
} from './score.js';
export { scoreHistory, type ScoreHistory, type RevisionScore } from './history.js';
export {
  compareCohorts,
  type CohortComparison,
  type CohortCapacityComparison,
  type CompareCohortsOptions,
  type PracticeBehind,
} from './cohorts.js';
export { levelDistribution, type LevelDistribution } from './stats.js';
export type {
  ScorablePlan,
  ScorableCapacityPlan,
  ScorableMeasure,
  ScorableAim,
  ScorableChangeIdea,
  ScorableCycle,
  ScorableDataPoint,
  ScorablePractice,
} from './input.js';
export {
  MATURITY_MESSAGES_EN,
  maturityMessage,
  type AgainstParams,
  type MaturityMessageCode,
  type MaturityMessageParams,
  type PointsParams,
  type SignalParams,
  type SinceParams,
} from '../messages/maturity.js';
export {
  RUN_CHART_MESSAGES_EN,
  runChartSentence,
  type RunChartMessageCode,
  type RunChartMessageParams,
  type RunChartRunsParams,
  type RunChartSentence,
  type RunChartSignalParams,
  type RunChartSpanParams,
  type RunChartValueParams,
} from '../messages/run-chart.js';
