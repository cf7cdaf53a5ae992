import type { ActorRole } from '../referral/constants.js';

/**
 * The roles of people signed in to a shared Links service: the GP or other
 * referrer, the Community Links Practitioner, the practice manager, the
 * programme evaluator and the service administrator.
 */
export const SERVICE_ROLES = ['referrer', 'clp', 'practice-manager', 'evaluator', 'administrator'] as const;

/** One of {@link SERVICE_ROLES}. */
export type ServiceRole = (typeof SERVICE_ROLES)[number];

/** What a service keeps, as far as access is concerned. */
export const ACCESS_RESOURCES = [
  /** Referrals and their events: person-level data. */
  'referral',
  /** FHIR exports of a referral: person-level data. */
  'fhir',
  /** Outcome responses: person-level data. */
  'outcomes',
  /** A practice's business plan. */
  'plan',
  /** A practice's register of community organisations. */
  'network',
  /** Cohort and practice aggregates (the `links report` figures): no person-level rows. */
  'report',
  /** The configured practices (id, name, list size, cohort). */
  'practice',
  /** The audit trail of reads and writes. */
  'audit',
] as const;

/** One of {@link ACCESS_RESOURCES}. */
export type AccessResource = (typeof ACCESS_RESOURCES)[number];

/** Reading or changing a resource. */
export type AccessOperation = 'read' | 'write';

/** Which practices' data a role reaches for a resource: only the user's own practices, or every practice. */
export type PracticeScope = 'own' | 'all';

/** A signed-in user as the access rules see them. */
export interface AccessUser {
  /** A staff pseudonym from the identity provider, never a patient. */
  readonly id: string;
  readonly role: ServiceRole;
  /** The practices the user works at (a CLP: the practices they serve). */
  readonly practices: readonly string[];
}

/** What one role may do with one resource. */
export interface AccessRule {
  readonly read: boolean;
  readonly write: boolean;
  readonly scope: PracticeScope;
}

const none: AccessRule = Object.freeze({ read: false, write: false, scope: 'own' });
const readOwn: AccessRule = Object.freeze({ read: true, write: false, scope: 'own' });
const writeOwn: AccessRule = Object.freeze({ read: true, write: true, scope: 'own' });
const readAll: AccessRule = Object.freeze({ read: true, write: false, scope: 'all' });

/**
 * The access policy of the shared service, role by resource. A referrer, a
 * CLP and a practice manager work on their own practices' referrals; only a
 * practice manager saves the business plan; the CLP keeps the network
 * register and records outcome responses. An evaluator sees aggregates only,
 * for every practice. An administrator reads the configuration, plans,
 * registers, aggregates and the audit trail, never a person's referral.
 */
export const ACCESS_POLICY: Readonly<Record<ServiceRole, Readonly<Record<AccessResource, AccessRule>>>> = Object.freeze(
  {
    referrer: Object.freeze({
      referral: writeOwn,
      fhir: readOwn,
      outcomes: none,
      plan: readOwn,
      network: readOwn,
      report: none,
      practice: readAll,
      audit: none,
    }),
    clp: Object.freeze({
      referral: writeOwn,
      fhir: readOwn,
      outcomes: writeOwn,
      plan: readOwn,
      network: writeOwn,
      report: none,
      practice: readAll,
      audit: none,
    }),
    'practice-manager': Object.freeze({
      referral: writeOwn,
      fhir: readOwn,
      outcomes: readOwn,
      plan: writeOwn,
      network: writeOwn,
      report: readOwn,
      practice: readAll,
      audit: none,
    }),
    evaluator: Object.freeze({
      referral: none,
      fhir: none,
      outcomes: none,
      plan: none,
      network: none,
      report: readAll,
      practice: readAll,
      audit: none,
    }),
    administrator: Object.freeze({
      referral: none,
      fhir: none,
      outcomes: none,
      plan: readAll,
      network: readAll,
      report: readAll,
      practice: readAll,
      audit: readAll,
    }),
  },
);

/** Resources holding person-level data: every read of them is audited. */
export const PERSON_LEVEL_RESOURCES: readonly AccessResource[] = Object.freeze(['referral', 'fhir', 'outcomes']);

/** Why access was refused, in plain English, with a stable code. */
export interface AccessRefusal {
  readonly code: 'forbidden' | 'outside-practice';
  readonly reason: string;
}

/** The outcome of {@link decideAccess}. */
export type AccessDecision = { readonly ok: true } | { readonly ok: false; readonly refusal: AccessRefusal };

const NOUNS: Readonly<Record<AccessResource, string>> = {
  referral: 'referrals',
  fhir: 'FHIR exports of referrals',
  outcomes: 'outcome responses',
  plan: 'business plans',
  network: 'network registers',
  report: 'reports',
  practice: 'practices',
  audit: 'the audit trail',
};

/** Whether `role` may `operation` the resource at all (before any practice check). */
export function isAllowed(role: ServiceRole, resource: AccessResource, operation: AccessOperation): boolean {
  const rule = ACCESS_POLICY[role]?.[resource];
  return rule !== undefined && rule[operation];
}

/**
 * Which practices' rows a user reaches for a resource: `'all'`, the user's
 * own practice ids, or an empty list when the role has no access at all.
 * A repository filters every query by this.
 */
export function practicesInScope(
  user: AccessUser,
  resource: AccessResource,
  operation: AccessOperation = 'read',
): 'all' | readonly string[] {
  if (!isAllowed(user.role, resource, operation)) return [];
  return ACCESS_POLICY[user.role][resource].scope === 'all' ? 'all' : user.practices;
}

/**
 * Decides one request: may this user read or change this resource, at this
 * practice (omit `practiceId` for a list the repository filters itself)?
 *
 * @example
 * const decision = decideAccess(user, 'referral', 'write', 'practice-1');
 * if (!decision.ok) reply(403, decision.refusal.reason);
 */
export function decideAccess(
  user: AccessUser,
  resource: AccessResource,
  operation: AccessOperation,
  practiceId?: string,
): AccessDecision {
  if (!isAllowed(user.role, resource, operation)) {
    return {
      ok: false,
      refusal: {
        code: 'forbidden',
        reason: `The ${roleName(user.role)} role may not ${operation === 'read' ? 'read' : 'change'} ${NOUNS[resource]}.`,
      },
    };
  }
  if (practiceId !== undefined) {
    const scope = practicesInScope(user, resource, operation);
    if (scope !== 'all' && !scope.includes(practiceId)) {
      return {
        ok: false,
        refusal: {
          code: 'outside-practice',
          reason: `You may ${operation === 'read' ? 'read' : 'change'} ${NOUNS[resource]} only for the practices you work at.`,
        },
      };
    }
  }
  return { ok: true };
}

/**
 * The role a user's referral events carry (core's workflow roles), or
 * `undefined` for roles that write no referral events (evaluator,
 * administrator).
 */
export function workflowRole(role: ServiceRole): ActorRole | undefined {
  return role === 'referrer' || role === 'clp' || role === 'practice-manager' ? role : undefined;
}

/** A readable name for a role, for messages. */
export function roleName(role: ServiceRole): string {
  switch (role) {
    case 'referrer':
      return 'referrer';
    case 'clp':
      return 'Community Links Practitioner';
    case 'practice-manager':
      return 'practice manager';
    case 'evaluator':
      return 'evaluator';
    case 'administrator':
      return 'administrator';
  }
}
