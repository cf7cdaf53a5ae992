/**
 * The parts of a business plan the maturity scorer reads. These are
 * structural, read-only views of the plan model (`Plan` from the plan module
 * is assignable to {@link ScorablePlan}), so scoring works on any document
 * of that shape, and never modifies it.
 *
 * @module
 */

/** A dated value of a measure. */
export interface ScorableDataPoint {
  readonly date: string;
  readonly value: number;
}

/** A measure: its direction of improvement, optional baseline and dated points (ascending dates). */
export interface ScorableMeasure {
  readonly id: string;
  readonly name: string;
  /** `outcome`, `process` or `balancing`; balancing measures are never evidence of improvement. */
  readonly kind?: string;
  readonly unit?: string;
  readonly direction: 'increase' | 'decrease';
  readonly baseline?: { readonly value: number; readonly date?: string };
  readonly points: readonly ScorableDataPoint[];
}

/** An aim: a statement, and optionally a numeric target, date and the measure that tracks it. */
export interface ScorableAim {
  readonly id: string;
  readonly statement: string;
  readonly target?: number;
  readonly unit?: string;
  readonly targetDate?: string;
  readonly measureId?: string;
}

/** A PDSA cycle. */
export interface ScorableCycle {
  readonly id: string;
  readonly startDate?: string;
  readonly study?: string;
  readonly act?: 'adopt' | 'adapt' | 'abandon';
  readonly completedDate?: string;
}

/** A change idea, its PDSA cycles, and whether it has spread. */
export interface ScorableChangeIdea {
  readonly id: string;
  readonly title: string;
  readonly cycles: readonly ScorableCycle[];
  readonly spread?: { readonly date: string; readonly note?: string };
}

/** One capacity's part of a plan. */
export interface ScorableCapacityPlan {
  readonly owner?: { readonly role: string; readonly name?: string };
  readonly team: readonly string[];
  readonly aims: readonly ScorableAim[];
  readonly measures: readonly ScorableMeasure[];
  readonly changeIdeas: readonly ScorableChangeIdea[];
  readonly evidence: readonly unknown[];
  readonly selfAssessedLevel?: number;
}

/** The practice a plan belongs to. */
export interface ScorablePractice {
  readonly id: string;
  readonly name: string;
  readonly cohort: 'programme' | 'comparison';
  readonly listSize: number;
  readonly locality?: string;
}

/** A business plan, as far as scoring needs it. */
export interface ScorablePlan {
  readonly id?: string;
  readonly practice?: ScorablePractice;
  readonly framework?: { readonly id: string; readonly version: string };
  readonly revision?: number;
  readonly savedAt?: string;
  readonly capacities: { readonly [capacityId: string]: ScorableCapacityPlan | undefined };
  readonly themes?: { readonly [themeId: string]: { readonly focusAreas: readonly unknown[] } | undefined };
}
