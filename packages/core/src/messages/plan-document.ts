/**
 * The plan document's envelope and version messages (is it a plan document,
 * of which `kind` and `schemaVersion`; can it be written in an older
 * version) as codes with parameters, and their English. `parsePlanDocument`,
 * `migratePlanDocument` and the schemaVersion 1 writer give each such issue
 * one of these codes as `messageCode` with `params` beside its plan error
 * `code` (`invalid` or `version`); its English `message` is rendered here.
 */
import type { MessageRenderers } from './types.js';

/** The parameters of each plan document message code. */
export interface PlanDocumentMessageParams {
  /** Not a JSON object of the plan document's `kind`. */
  readonly 'plan-document.not-a-document': { readonly kind: string };
  /** No `kind`: plan documents say `kind`. */
  readonly 'plan-document.kind-required': { readonly kind: string };
  /** Another `kind` (`given`, as JSON). */
  readonly 'plan-document.wrong-kind': { readonly given: string; readonly kind: string };
  /** No `schemaVersion` (this library writes `writes`). */
  readonly 'plan-document.version-required': { readonly writes: number };
  /** A `schemaVersion` that is not a whole number. */
  readonly 'plan-document.version-not-whole': { readonly writes: number };
  /** A `schemaVersion` newer than this library understands. */
  readonly 'plan-document.version-newer': { readonly version: number; readonly writes: number };
  /** A `schemaVersion` that is not one of the `readable` versions. */
  readonly 'plan-document.version-unknown': { readonly version: number; readonly readable: readonly string[] };
  /** A save time (`savedAt`) that is not a real date and time. */
  readonly 'plan-document.not-a-date-time': Record<string, never>;
  /** A capacity id schemaVersion 1 cannot hold (its ids start with a letter). */
  readonly 'plan-document.v1-capacity-id': Record<string, never>;
  /** A theme id schemaVersion 1 cannot hold (its ids start with a letter). */
  readonly 'plan-document.v1-theme-id': Record<string, never>;
  /** A unit without a target, which schemaVersion 1 cannot hold. */
  readonly 'plan-document.v1-unit-without-target': Record<string, never>;
  /** A structured focus area, which schemaVersion 1 (plain text) cannot hold. */
  readonly 'plan-document.v1-focus-area': Record<string, never>;
  /** A schemaVersion 1 capacity named twice (`earlier`: the index of the first). */
  readonly 'plan-document.v1-capacity-repeated': { readonly capacity: string; readonly earlier: number };
  /** A schemaVersion 1 theme named twice (`earlier`: the index of the first). */
  readonly 'plan-document.v1-theme-repeated': { readonly theme: string; readonly earlier: number };
  /** A schemaVersion 1 `leadName` without a `lead`. */
  readonly 'plan-document.v1-lead-required': Record<string, never>;
  /** A schemaVersion 1 `baselineDate` without a `baseline`. */
  readonly 'plan-document.v1-baseline-required': Record<string, never>;
  /** A schemaVersion 1 `spreadDate` without a `spreadNote`, or the other way round. */
  readonly 'plan-document.v1-spread-both': Record<string, never>;
}

/** A plan document message code. */
export type PlanDocumentMessageCode = keyof PlanDocumentMessageParams;

/** The English of every plan document message code (each a predicate after the field's path). */
export const PLAN_DOCUMENT_MESSAGES_EN: MessageRenderers<PlanDocumentMessageParams> = {
  'plan-document.not-a-document': (p) => `must be a plan document (a JSON object with "kind": "${p.kind}")`,
  'plan-document.kind-required': (p) => `is required: plan documents say "kind": "${p.kind}"`,
  'plan-document.wrong-kind': (p) => `is ${p.given}, not "${p.kind}"`,
  'plan-document.version-required': (p) =>
    `is required: plan documents say which version of the format they use (this library writes ${p.writes})`,
  'plan-document.version-not-whole': (p) => `must be a whole number such as ${p.writes}`,
  'plan-document.version-newer': (p) =>
    `schemaVersion ${p.version} is newer than this library understands (${p.writes})`,
  'plan-document.version-unknown': (p) =>
    `schemaVersion ${p.version} is not a version of the plan format (${p.readable.join(' and ')} are)`,
  'plan-document.not-a-date-time': () => 'must be a real date and time',
  'plan-document.v1-capacity-id': () => 'cannot be written in schemaVersion 1, whose ids start with a letter',
  'plan-document.v1-theme-id': () => 'cannot be written in schemaVersion 1, whose ids start with a letter',
  'plan-document.v1-unit-without-target': () => 'cannot be written in schemaVersion 1 without a target',
  'plan-document.v1-focus-area': () => 'cannot be written in schemaVersion 1, whose focus areas were plain text',
  'plan-document.v1-capacity-repeated': (p) => `repeats the capacity "${p.capacity}" of capacities[${p.earlier}]`,
  'plan-document.v1-theme-repeated': (p) => `repeats the theme "${p.theme}" of themes[${p.earlier}]`,
  'plan-document.v1-lead-required': () => 'needs a lead (the role) as well',
  'plan-document.v1-baseline-required': () => 'needs a baseline value as well',
  'plan-document.v1-spread-both': () => 'is required when the change has spread: give both spreadDate and spreadNote',
};

/** A plan document message as the fields an issue carries: its English `message`, `messageCode` and `params`. */
export function planDocumentMessage<C extends PlanDocumentMessageCode>(
  code: C,
  params: PlanDocumentMessageParams[C],
): { readonly message: string; readonly messageCode: C; readonly params: PlanDocumentMessageParams[C] } {
  const message = (PLAN_DOCUMENT_MESSAGES_EN[code] as (p: PlanDocumentMessageParams[C]) => string)(params);
  return { message, messageCode: code, params };
}
