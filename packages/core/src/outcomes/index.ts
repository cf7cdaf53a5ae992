/**
 * `@links-approach/core/outcomes`: Outcome instruments (ONS4) and evaluation: paired change and difference in differences between cohorts.
 *
 * @packageDocumentation
 */
export {
  logGamma,
  logBeta,
  regularizedBeta,
  inverseRegularizedBeta,
  normalCdf,
  normalQuantile,
  tDensity,
  tCdf,
  tQuantile,
  mean,
  sampleVariance,
  meanWithInterval,
  welchDifference,
  type ConfidenceInterval,
  type MeanEstimate,
  type GroupSummary,
  type WelchDifference,
} from './statistics.js';
export {
  MAX_INSTRUMENT_ITEMS,
  MAX_ITEM_OPTIONS,
  betterSchema,
  instrumentOptionSchema,
  instrumentItemSchema,
  instrumentTotalSchema,
  instrumentScoringSchema,
  instrumentSourceSchema,
  instrumentSchema,
  timepointSchema,
  outcomeResponseSchema,
  outcomeResponsesDocumentSchema,
} from './schema.js';
export type * from './types.js';
export { ONS4 } from './ons4.js';
export {
  BUILT_IN_INSTRUMENTS,
  validateInstrument,
  instrumentMeasures,
  answerIssues,
  unansweredItems,
  scoreAnswers,
  validateOutcomeResponses,
  findInstrument,
  responsesFor,
  type InstrumentMeasure,
  type ResponseScores,
  type ValidateResponsesOptions,
} from './instrument.js';
export {
  MIN_PRACTICES_PER_ARM,
  DEFAULT_CLUSTER_METHOD,
  practiceLevelDifference,
  cr2Difference,
  anovaIcc,
  effectiveClusterSize,
  clusterAnalysis,
  type ClusterMethod,
  type ClusterEstimate,
  type PracticeValues,
  type PracticeMean,
  type ClusterAnalysis,
} from './cluster.js';
export {
  pairResponses,
  pairedChange,
  compareOutcomeChange,
  type ResponsePair,
  type PairedResponses,
  type ChangeVerdict,
  type MeasureChange,
  type OutcomeChange,
  type ChangeOptions,
  type MeasureDifference,
  type OutcomeComparison,
  type CohortOf,
} from './change.js';
export {
  evaluateProgramme,
  referralFiguresByCohort,
  maturityOverTime,
  type EvaluationCohort,
  type EvaluationPractice,
  type EvaluationPeriod,
  type PracticeReferralRate,
  type CohortReferralFigures,
  type CohortMaturityFigures,
  type MaturityPoint,
  type ProgrammeEvaluationInput,
  type ProgrammeEvaluation,
} from './evaluation.js';
export {
  buildCohortReport,
  type CohortReport,
  type MaturityTimeline,
  type PracticeReportRow,
  type ReferralReportFigures,
} from './cohort-report.js';
export {
  OUTCOME_MESSAGES_EN,
  outcomeMessage,
  type OutcomeMessageParams,
  type OutcomeMessageCode,
} from '../messages/outcomes.js';
