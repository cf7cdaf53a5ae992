import { planCodec, type StoreCodec, type StoredDocument } from '@links-approach/core/store';
import type { Plan } from '@links-approach/core/plan';
import { validateNetworkRegister, type NetworkRegister } from '@links-approach/core/network';
import { validateOutcomeResponses, type OutcomeResponsesDocument } from '@links-approach/core/outcomes';
import type { Result, ValidationIssue } from '@links-approach/core';
import type { DocumentKind } from './repository.js';

/**
 * A practice's document kept with the store's revision stamp (for kinds whose
 * own schema has no revision fields): one per practice, id = practice id.
 */
export interface PracticeDocument<D> extends StoredDocument {
  readonly practiceId: string;
  readonly document: D;
}

function envelopeCodec<D>(
  kind: string,
  validate: (input: unknown) => Result<D, ValidationIssue>,
  check: (practiceId: string, document: D) => ValidationIssue[],
): StoreCodec<PracticeDocument<D>> {
  return {
    kind,
    validate(input) {
      const value = input as Partial<PracticeDocument<unknown>>;
      const parsed = validate(value.document);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const issues = check(String(value.id), parsed.value);
      if (issues.length > 0) return { ok: false, errors: issues };
      return {
        ok: true,
        value: {
          id: String(value.id),
          practiceId: String(value.id),
          revision: Number(value.revision),
          savedAt: String(value.savedAt),
          savedBy: String(value.savedBy),
          document: parsed.value,
        },
      };
    },
  };
}

/** Business plans: core's plan codec; the practice is the plan's own. */
export const PLANS: DocumentKind<Plan> = {
  kind: 'links.plan',
  resource: 'plan',
  codec: planCodec(),
  practiceOf: (plan) => plan.practice.id,
};

/** A practice's network register (core's `validateNetworkRegister`). */
export const NETWORK: DocumentKind<PracticeDocument<NetworkRegister>> = {
  kind: 'links.network-register',
  resource: 'network',
  codec: envelopeCodec('links.network-register', validateNetworkRegister, (practiceId, register) =>
    register.practiceId !== undefined && register.practiceId !== practiceId
      ? [{ path: 'practiceId', message: `must be "${practiceId}", the practice in the address` }]
      : [],
  ),
  practiceOf: (doc) => doc.practiceId,
};

/** A practice's outcome responses (core's `validateOutcomeResponses`). */
export const OUTCOMES: DocumentKind<PracticeDocument<OutcomeResponsesDocument>> = {
  kind: 'links.outcome-responses',
  resource: 'outcomes',
  codec: envelopeCodec(
    'links.outcome-responses',
    (input) => validateOutcomeResponses(input),
    (practiceId, doc) =>
      doc.responses.flatMap((r, i) =>
        r.practiceId === practiceId
          ? []
          : [{ path: `responses[${i}].practiceId`, message: `must be "${practiceId}", the practice in the address` }],
      ),
  ),
  practiceOf: (doc) => doc.practiceId,
};
