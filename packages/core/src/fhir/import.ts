import {
  isStatusReasonCode,
  STATUS_REASON_LABELS,
  statusReasonCodesFor,
  type StatusReasonCode,
} from '../codes/status-reasons.js';
import * as z from 'zod/mini';
import { LOCAL_CODE_SYSTEMS, localSystemUrl } from '../codes/codes.js';
import type { Framework } from '../framework/types.js';
import { applyEvent } from '../referral/apply.js';
import {
  OUTCOME_CODES,
  REFERRAL_LABELS,
  REFERRAL_STATUSES,
  type OutcomeCode,
  type ReferralStatus,
} from '../referral/constants.js';
import type { Actor, ReferralState, RejectionCode, StatusChangedEvent } from '../referral/types.js';
import { parseWith } from '../validation/parse.js';
import type { ValidationIssue } from '../validation/result.js';
import { DEFAULT_SYSTEM_BASE, identifierSystems } from './options.js';
import { sha1Hex } from './uuid.js';

/** Every FHIR R4 Task status (we use all but `ready` and `received`). */
const FHIR_TASK_STATUSES = [...REFERRAL_STATUSES, 'ready', 'received'] as const;

const identifierShape = z.object({ system: z.optional(z.string()), value: z.optional(z.string()) });
const codingShape = z.object({
  system: z.optional(z.string()),
  code: z.optional(z.string()),
  display: z.optional(z.string()),
});
const conceptShape = z.object({ coding: z.optional(z.array(codingShape)), text: z.optional(z.string()) });

/**
 * The parts of a FHIR R4 Task a status update needs. Other elements may be
 * present and are ignored.
 */
const taskUpdateSchema = z.object({
  resourceType: z.literal('Task'),
  status: z.enum(FHIR_TASK_STATUSES),
  identifier: z.optional(z.array(identifierShape)),
  focus: z.optional(z.object({ reference: z.optional(z.string()), identifier: z.optional(identifierShape) })),
  lastModified: z.optional(z.iso.datetime({ offset: true })),
  statusReason: z.optional(conceptShape),
  owner: z.optional(z.object({ reference: z.optional(z.string()), identifier: z.optional(identifierShape) })),
  output: z.optional(
    z.array(
      z.object({
        type: z.optional(conceptShape),
        valueCodeableConcept: z.optional(conceptShape),
      }),
    ),
  ),
});

/** Why a FHIR Task update was not turned into an event. */
export type FhirImportRejectionCode =
  /** The Task is not a Task, or lacks what an update needs (which referral, when, who). */
  | 'bad-shape'
  /** The Task names a referral we do not hold. */
  | 'unknown-referral'
  /** The Task's status is the referral's status already. */
  | 'no-change'
  /** `ready` and `received`: Task states the referral workflow does not use. */
  | 'status-not-used'
  /** The referral workflow refused the change (transition not allowed, reason required…). */
  | RejectionCode;

/** The result of {@link fromFhirTaskUpdate}. */
export type FhirImportResult =
  | { readonly ok: true; readonly event: StatusChangedEvent; readonly state: ReferralState }
  | {
      readonly ok: false;
      readonly code: FhirImportRejectionCode;
      /** Plain English, fit to send back to the other system or show to staff. */
      readonly reason: string;
      /** For `bad-shape`: what is wrong, with paths into the Task. */
      readonly issues?: readonly ValidationIssue[];
    };

/** Options for {@link fromFhirTaskUpdate}. */
export interface FhirImportOptions {
  /** Base URL of the host's identifier and code systems, as given to the export. Default as for the export. */
  readonly systemBase?: string;
  /**
   * Who the change is attributed to, once the host has authenticated the
   * sending system. Default: the Task's `owner`, when it is an identifier
   * in the host's staff system, as the Community Links Practitioner.
   */
  readonly actor?: Actor;
  /** When the change happened. Default: the Task's `lastModified`. */
  readonly at?: string;
  /** The new event's id. Default: derived from the update, so the same update imported twice is refused as a duplicate. */
  readonly eventId?: string;
  /** The framework the referral uses. Default: the Links framework. */
  readonly framework?: Framework;
}

function reject(code: FhirImportRejectionCode, reason: string, issues?: readonly ValidationIssue[]): FhirImportResult {
  return { ok: false, code, reason, ...(issues ? { issues } : {}) };
}

const statusName = (status: ReferralStatus) => `"${REFERRAL_LABELS.status[status].toLowerCase()}"`;

/**
 * Turns a FHIR R4 Task status update, for example from a community
 * organisation's system, into our referral event: a `status-changed` event
 * that has already been checked against the referral's workflow. Or rejects
 * it, with a code and a plain-English reason, when
 *
 * - the Task is not well formed, or does not say which referral (a
 *   `Task.identifier` or `Task.focus.identifier` in the host's referral
 *   identifier system), when (`lastModified`) or who (`owner`, or
 *   `options.actor`) — `bad-shape`;
 * - the referral is not among `current` — `unknown-referral`;
 * - the status is the referral's status already — `no-change`;
 * - the status is `ready` or `received`, which the workflow does not use;
 * - the workflow refuses it: a transition that is not allowed, a reason
 *   missing where one is required (`Task.statusReason.text`), completion
 *   without an outcome (give it as a Task output in the host's
 *   `referral-outcome` code system), a role that may not make the change…
 *   (the referral module's rejection codes).
 *
 * Nothing is changed: apply the returned event to the event store (its
 * `state` is the referral after it). Business status is derived from
 * contacts, so `Task.businessStatus` is ignored.
 */
export function fromFhirTaskUpdate(
  task: unknown,
  current: ReferralState | { readonly referrals: readonly ReferralState[] } | readonly ReferralState[],
  options: FhirImportOptions = {},
): FhirImportResult {
  const parsed = parseWith(taskUpdateSchema, task);
  if (!parsed.ok) return reject('bad-shape', 'This is not a FHIR Task status update we can read.', parsed.errors);
  const update = parsed.value;
  const base = (options.systemBase ?? DEFAULT_SYSTEM_BASE).replace(/\/+$/, '');
  const ids = identifierSystems(base);

  const referralId =
    update.identifier?.find((i) => i.system === ids.referral && i.value)?.value ??
    (update.focus?.identifier?.system === ids.referral ? update.focus.identifier.value : undefined);
  if (!referralId) {
    return reject(
      'bad-shape',
      `The Task does not say which referral it is about: give Task.identifier with system "${ids.referral}".`,
      [{ path: 'identifier', message: `needs an identifier with system "${ids.referral}"` }],
    );
  }
  const referrals: readonly ReferralState[] = Array.isArray(current)
    ? current
    : 'referrals' in (current as object)
      ? (current as { referrals: readonly ReferralState[] }).referrals
      : [current as ReferralState];
  const state = referrals.find((r) => r.id === referralId);
  if (!state) return reject('unknown-referral', `There is no referral "${referralId}" here.`);

  if (update.status === 'ready' || update.status === 'received') {
    return reject('status-not-used', `The referral workflow does not use the Task status "${update.status}".`);
  }
  const to: ReferralStatus = update.status;
  if (to === state.status) return reject('no-change', `The referral is already ${statusName(to)}.`);

  const at = options.at ?? update.lastModified;
  if (!at) {
    return reject('bad-shape', 'The Task does not say when the status changed: give Task.lastModified.', [
      { path: 'lastModified', message: 'is required: when the status changed' },
    ]);
  }
  let actor = options.actor;
  if (!actor) {
    const owner = update.owner?.identifier;
    if (owner?.system === ids.staff && owner.value) actor = { role: 'clp', id: owner.value };
  }
  if (!actor) {
    return reject(
      'bad-shape',
      `The Task does not say who made the change: give Task.owner as an identifier with system "${ids.staff}".`,
      [{ path: 'owner', message: `needs an identifier with system "${ids.staff}"` }],
    );
  }

  // A coded reason in our own status-reason system becomes the event's reasonCode; its label is not free text.
  const reasonSystem = localSystemUrl(base, LOCAL_CODE_SYSTEMS.statusReason);
  const reasonCoding = update.statusReason?.coding?.find(
    (c) => c.system === reasonSystem && isStatusReasonCode(c.code) && statusReasonCodesFor(to).includes(c.code),
  );
  const reasonCode = reasonCoding?.code as StatusReasonCode | undefined;
  const givenText =
    update.statusReason?.text?.trim() ||
    (reasonCode ? undefined : update.statusReason?.coding?.find((c) => c.display?.trim())?.display?.trim());
  const reasonText = reasonCode && givenText === STATUS_REASON_LABELS[reasonCode] ? undefined : givenText;
  const outcomeSystem = localSystemUrl(base, LOCAL_CODE_SYSTEMS.outcome);
  let outcome: StatusChangedEvent['outcome'];
  if (to === 'completed') {
    for (const output of update.output ?? []) {
      const coding = output.valueCodeableConcept?.coding?.find((c) => c.system === outcomeSystem);
      if (coding?.code !== undefined && (OUTCOME_CODES as readonly string[]).includes(coding.code)) {
        outcome = { code: coding.code as OutcomeCode, summary: output.valueCodeableConcept?.text ?? '' };
        break;
      }
    }
  }

  const event: StatusChangedEvent = {
    id:
      options.eventId ??
      `fhir-${sha1Hex(
        JSON.stringify([
          referralId,
          to,
          at,
          actor.role,
          actor.id,
          reasonText ?? null,
          outcome ?? null,
          ...(reasonCode ? [reasonCode] : []),
        ]),
      )}`,
    referralId,
    at,
    actor,
    type: 'status-changed',
    to,
    ...(reasonCode ? { reasonCode } : {}),
    ...(reasonText ? { reason: reasonText } : {}),
    ...(outcome ? { outcome } : {}),
  };
  const applied = applyEvent(state, event, options.framework ? { framework: options.framework } : {});
  if (!applied.ok) return reject(applied.rejection.code, applied.rejection.reason);
  return { ok: true, event, state: applied.state };
}
