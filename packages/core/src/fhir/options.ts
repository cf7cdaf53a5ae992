import type { Framework } from '../framework/types.js';

/**
 * How a pseudonymous reference (the person, a member of staff, a practice)
 * appears in a FHIR `Reference`: as a logical reference by identifier in one
 * of the host's identifier systems (the default), or as a literal reference
 * to a resource the receiving server holds, `<prefix><value>`.
 */
export type FhirReferenceStyle = { readonly identifierSystem: string } | { readonly referencePrefix: string };

/** Options for {@link toFhirBundle} and {@link toFhirCollection}. */
export interface FhirExportOptions {
  /**
   * Base URL of the host's own identifier and code systems: identifiers
   * live under `<base>/id/…` and our code systems under
   * `<base>/CodeSystem/…`. Default `https://links-approach.example/fhir`;
   * a host should set its own.
   */
  readonly systemBase?: string;
  /** The person (Task.for, ServiceRequest.subject…). Default: identifier in `<base>/id/person`. */
  readonly subject?: FhirReferenceStyle;
  /** Staff (the referrer, the CLP). Default: identifier in `<base>/id/staff`. */
  readonly staff?: FhirReferenceStyle;
  /** The practice. Default: identifier in `<base>/id/practice`. */
  readonly practice?: FhirReferenceStyle;
  /**
   * `consented` (the default): goals, resource links, the outcome and the
   * number of contacts are exported only when the person consented to
   * sharing the outcome with the GP record, as for the message back.
   * `full`: always exported (for moving data between the host's own
   * systems, never for sharing outside them).
   */
  readonly detail?: 'consented' | 'full';
  /** The framework the theme names come from. Default: the Links framework. */
  readonly framework?: Framework;
  /** `Bundle.timestamp`. Default: when the (latest) referral last changed. The export never reads the clock. */
  readonly timestamp?: string;
}

/** The default {@link FhirExportOptions.systemBase}. */
export const DEFAULT_SYSTEM_BASE = 'https://links-approach.example/fhir';

/** Identifier system URLs under a base. */
export function identifierSystems(systemBase: string) {
  const base = systemBase.replace(/\/+$/, '');
  return {
    referral: `${base}/id/referral`,
    goal: `${base}/id/goal`,
    person: `${base}/id/person`,
    staff: `${base}/id/staff`,
    practice: `${base}/id/practice`,
    bundle: `${base}/id/bundle`,
    resource: (source: string) => `${base}/id/community-resource/${encodeURIComponent(source)}`,
  };
}
