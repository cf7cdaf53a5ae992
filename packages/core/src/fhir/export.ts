import type {
  Bundle,
  Organization,
  Patient,
  Practitioner,
  BundleEntry,
  CodeableConcept,
  Consent,
  Goal as FhirGoal,
  PractitionerRole,
  Reference,
  Resource,
  ServiceRequest,
  Task,
  TaskOutput,
} from '@medplum/fhirtypes';
import { codingFor, LOCAL_CODE_SYSTEMS, localSystemUrl } from '../codes/codes.js';
import { STATUS_REASON_LABELS } from '../codes/status-reasons.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import {
  CONSENT_SCOPES,
  REASON_REQUIRED,
  REFERRAL_LABELS,
  type ConsentScope,
  type GoalStatus,
  type ReferralStatus,
  type Urgency,
} from '../referral/constants.js';
import type { Goal, ReferralState } from '../referral/types.js';
import { DEFAULT_SYSTEM_BASE, identifierSystems, type FhirExportOptions, type FhirReferenceStyle } from './options.js';
import { URL_NAMESPACE, uuidV5 } from './uuid.js';

/** A referral's status as a FHIR ServiceRequest status (request-status). */
export function serviceRequestStatus(status: ReferralStatus): ServiceRequest['status'] {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'requested':
    case 'accepted':
    case 'in-progress':
      return 'active';
    case 'on-hold':
      return 'on-hold';
    case 'completed':
      return 'completed';
    case 'rejected':
    case 'cancelled':
    case 'failed':
      return 'revoked';
    case 'entered-in-error':
      return 'entered-in-error';
  }
}

/** A referral's urgency as a FHIR request priority: routine → routine, soon → urgent, urgent → asap (our mapping). */
export function requestPriority(urgency: Urgency): 'routine' | 'urgent' | 'asap' {
  return urgency === 'routine' ? 'routine' : urgency === 'soon' ? 'urgent' : 'asap';
}

/**
 * A goal's status as FHIR Goal.lifecycleStatus and (where it applies)
 * Goal.achievementStatus: proposed → proposed; active → active, in progress;
 * achieved → completed, achieved; not achieved → completed, not achieved;
 * cancelled → cancelled.
 */
export function goalStatusToFhir(status: GoalStatus): {
  lifecycleStatus: FhirGoal['lifecycleStatus'];
  achievement?: 'in-progress' | 'achieved' | 'not-achieved';
} {
  switch (status) {
    case 'proposed':
      return { lifecycleStatus: 'proposed' };
    case 'active':
      return { lifecycleStatus: 'active', achievement: 'in-progress' };
    case 'achieved':
      return { lifecycleStatus: 'completed', achievement: 'achieved' };
    case 'not-achieved':
      return { lifecycleStatus: 'completed', achievement: 'not-achieved' };
    case 'cancelled':
      return { lifecycleStatus: 'cancelled' };
  }
}

/** Whether a referral's details (goals, resource links, outcome, contacts) may go into an export. */
export function detailsExportable(referral: ReferralState, options: Pick<FhirExportOptions, 'detail'> = {}): boolean {
  return options.detail === 'full' || referral.consent['share-outcome-with-gp-record'] === 'given';
}

interface Context {
  readonly base: string;
  readonly ids: ReturnType<typeof identifierSystems>;
  readonly namespace: string;
  readonly subject: FhirReferenceStyle;
  readonly staff: FhirReferenceStyle;
  readonly practice: FhirReferenceStyle;
  readonly themeName: (id: string) => string;
  readonly options: FhirExportOptions;
}

function context(options: FhirExportOptions): Context {
  const base = (options.systemBase ?? DEFAULT_SYSTEM_BASE).replace(/\/+$/, '');
  const ids = identifierSystems(base);
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const themes = new Map(framework.themes.map((t) => [t.id, t.name]));
  return {
    base,
    ids,
    namespace: uuidV5(URL_NAMESPACE, base),
    subject: options.subject ?? { identifierSystem: ids.person },
    staff: options.staff ?? { identifierSystem: ids.staff },
    practice: options.practice ?? { identifierSystem: ids.practice },
    themeName: (id) => themes.get(id) ?? id,
    options,
  };
}

function reference<T extends Resource>(
  style: FhirReferenceStyle,
  value: string,
  type: T['resourceType'],
): Reference<T> {
  return 'identifierSystem' in style
    ? { type, identifier: { system: style.identifierSystem, value } }
    : { type, reference: `${style.referencePrefix}${value}` };
}

function concept(key: string, ctx: Context, text?: string): CodeableConcept {
  return { coding: [codingFor(key, ctx.base)], ...(text !== undefined ? { text } : {}) };
}

const urn = (uuid: string) => `urn:uuid:${uuid}`;

/** The first time the referral went in progress (Task.executionPeriod.start). */
function startedAt(referral: ReferralState): string | undefined {
  for (const event of referral.timeline)
    if (event.type === 'status-changed' && event.to === 'in-progress') return event.at;
  return undefined;
}

/** When the person's current stance on a consent scope was recorded. */
function consentRecordedAt(referral: ReferralState, scope: ConsentScope): string {
  let at = referral.createdAt;
  for (const event of referral.timeline) {
    if ((event.type === 'consent-given' || event.type === 'consent-withdrawn') && event.scope === scope) at = event.at;
    if (scope === 'contact' && event.type === 'do-not-contact-set' && referral.doNotContact) at = event.at;
  }
  return at;
}

function referralResources(referral: ReferralState, ctx: Context): BundleEntry[] {
  const name = (part: string) => urn(uuidV5(ctx.namespace, `${referral.id}/${part}`));
  const srUrl = name('ServiceRequest');
  const taskUrl = name('Task');
  const roleUrl = name('PractitionerRole/referrer');
  const subject = reference<Patient>(ctx.subject, referral.person, 'Patient');
  const practice = reference<Organization>(ctx.practice, referral.practiceId, 'Organization');
  const identifier = [{ system: ctx.ids.referral, value: referral.id }];
  const authoredOn = referral.requestedAt ?? referral.createdAt;
  const details = detailsExportable(referral, ctx.options);
  const entries: BundleEntry[] = [];

  const role: PractitionerRole = {
    resourceType: 'PractitionerRole',
    practitioner: reference<Practitioner>(ctx.staff, referral.referrerId, 'Practitioner'),
    organization: practice,
  };
  const requester: Reference<PractitionerRole> = { reference: roleUrl, type: 'PractitionerRole' };

  const serviceRequest: ServiceRequest = {
    resourceType: 'ServiceRequest',
    identifier,
    ...(referral.previousReferralId !== undefined
      ? {
          replaces: [
            { type: 'ServiceRequest', identifier: { system: ctx.ids.referral, value: referral.previousReferralId } },
          ],
        }
      : {}),
    status: serviceRequestStatus(referral.status),
    intent: 'order',
    priority: requestPriority(referral.urgency),
    code: concept('snomed.referral-to-social-prescribing-service', ctx, 'Referral to social prescribing service'),
    subject,
    authoredOn,
    requester,
    ...(referral.clpId !== undefined
      ? { performer: [reference<Practitioner>(ctx.staff, referral.clpId, 'Practitioner')] }
      : {}),
    reasonCode: referral.reasons.map((reason) => ({
      coding: [
        {
          system: localSystemUrl(ctx.base, LOCAL_CODE_SYSTEMS.theme),
          code: reason.themeId,
          display: ctx.themeName(reason.themeId),
        },
      ],
      // The referrer's own words go only where details may go; otherwise the theme's name.
      text: details && reason.text?.trim() ? reason.text : ctx.themeName(reason.themeId),
    })),
  };

  const goalEntries: BundleEntry[] = details
    ? referral.goals.map((goal) => ({
        fullUrl: name(`Goal/${goal.id}`),
        resource: goalResource(referral, goal, subject, ctx),
      }))
    : [];

  const output: TaskOutput[] = [];
  if (details) {
    if (referral.outcome) {
      output.push({
        type: concept('task-output.outcome', ctx),
        valueCodeableConcept: concept(
          `outcome.${referral.outcome.code}`,
          ctx,
          referral.outcome.summary.trim() || REFERRAL_LABELS.outcome[referral.outcome.code],
        ),
      });
    }
    output.push({ type: concept('task-output.contacts', ctx), valueUnsignedInt: referral.contacts.length });
    for (const entry of goalEntries)
      output.push({
        type: concept('task-output.goal', ctx),
        valueReference: { reference: entry.fullUrl!, type: 'Goal' },
      });
    for (const link of referral.resourceLinks) {
      output.push({
        type: concept(
          `task-output.resource-${link.mode}`,
          ctx,
          `Community resource: ${REFERRAL_LABELS.resourceMode[link.mode].toLowerCase()} (${REFERRAL_LABELS.resourceLinkStatus[link.status].toLowerCase()})`,
        ),
        valueReference: {
          type: 'HealthcareService',
          identifier: { system: ctx.ids.resource(link.resource.source ?? 'local'), value: link.resource.id },
          display: link.resource.name,
        },
      });
    }
  }

  const started = startedAt(referral);
  const task: Task = {
    resourceType: 'Task',
    identifier,
    status: referral.status,
    ...(referral.status === 'in-progress' && referral.businessStatus
      ? {
          businessStatus: concept(
            `business-status.${referral.businessStatus}`,
            ctx,
            REFERRAL_LABELS.businessStatus[referral.businessStatus],
          ),
        }
      : {}),
    ...statusReason(referral, details, ctx),
    intent: 'order',
    priority: requestPriority(referral.urgency),
    code: concept('task-code.fulfill', ctx),
    focus: { reference: srUrl, type: 'ServiceRequest' },
    for: subject,
    ...(started !== undefined
      ? {
          executionPeriod: {
            start: started,
            ...(referral.finishedAt !== undefined ? { end: referral.finishedAt } : {}),
          },
        }
      : {}),
    authoredOn,
    lastModified: referral.updatedAt,
    requester,
    ...(referral.clpId !== undefined
      ? { owner: reference<Practitioner>(ctx.staff, referral.clpId, 'Practitioner') }
      : {}),
    ...(output.length > 0 ? { output } : {}),
  };

  entries.push(
    { fullUrl: srUrl, resource: serviceRequest },
    { fullUrl: taskUrl, resource: task },
    { fullUrl: roleUrl, resource: role },
  );
  for (const entry of goalEntries) entries.push(entry);
  for (const scope of CONSENT_SCOPES) {
    const consent = consentResource(referral, scope, subject, practice, ctx);
    if (consent) entries.push({ fullUrl: name(`Consent/${scope}`), resource: consent });
  }
  return entries;
}

/**
 * Task.statusReason for a status that needs a reason: the coded reason (our
 * `referral-status-reason` code system, its standard label as display) and
 * as text the free text only where details may go, else the label. A legacy
 * reason with free text only is exported as code `other`.
 */
function statusReason(referral: ReferralState, details: boolean, ctx: Context): Pick<Task, 'statusReason'> {
  if (!REASON_REQUIRED.includes(referral.status)) return {};
  const code = referral.statusReasonCode ?? (referral.statusReason?.trim() ? 'other' : undefined);
  if (code === undefined) return {};
  const text = details && referral.statusReason?.trim() ? referral.statusReason : STATUS_REASON_LABELS[code];
  return { statusReason: concept(`status-reason.${code}`, ctx, text) };
}

function goalResource(referral: ReferralState, goal: Goal, subject: Reference<Patient>, ctx: Context): FhirGoal {
  const status = goalStatusToFhir(goal.status);
  return {
    resourceType: 'Goal',
    identifier: [{ system: ctx.ids.goal, value: `${referral.id}/${goal.id}` }],
    lifecycleStatus: status.lifecycleStatus,
    ...(status.achievement ? { achievementStatus: concept(`goal-achievement.${status.achievement}`, ctx) } : {}),
    category: [
      {
        coding: [
          {
            system: localSystemUrl(ctx.base, LOCAL_CODE_SYSTEMS.theme),
            code: goal.themeId,
            display: ctx.themeName(goal.themeId),
          },
        ],
        text: ctx.themeName(goal.themeId),
      },
    ],
    description: { text: goal.statement },
    subject,
    startDate: goal.addedAt.slice(0, 10),
    statusDate: goal.updatedAt.slice(0, 10),
    expressedBy: subject,
  };
}

/**
 * One Consent per scope the person has a stance on: `permit` when given,
 * `deny` when withdrawn. Do-not-contact is exported as a `deny` on the
 * contact scope, whatever consent was given earlier. Scopes never asked
 * about produce no Consent.
 */
function consentResource(
  referral: ReferralState,
  scope: ConsentScope,
  subject: Reference<Patient>,
  practice: Reference<Organization>,
  ctx: Context,
): Consent | undefined {
  const state = referral.consent[scope];
  const deny = state === 'withdrawn' || (scope === 'contact' && referral.doNotContact);
  if (state === 'not-asked' && !deny) return undefined;
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: concept('consent-scope.patient-privacy', ctx),
    category: [concept('loinc.patient-consent', ctx)],
    patient: subject,
    dateTime: consentRecordedAt(referral, scope),
    performer: [subject],
    organization: [practice],
    policyRule: concept('v3-act-code.optin', ctx),
    provision: {
      type: deny ? 'deny' : 'permit',
      action: [concept(scope === 'contact' ? 'consent-action.use' : 'consent-action.disclose', ctx)],
      code: [concept(`consent-scope.${scope}`, ctx, REFERRAL_LABELS.consentScope[scope])],
    },
  };
}

function bundle(entries: BundleEntry[], name: string, timestamp: string, ctx: Context): Bundle {
  return {
    resourceType: 'Bundle',
    identifier: { system: ctx.ids.bundle, value: uuidV5(ctx.namespace, name) },
    type: 'collection',
    timestamp,
    entry: entries,
  };
}

/**
 * A referral as a FHIR R4 Bundle (type `collection`, every entry with a
 * `urn:uuid:` full URL), following the referral pattern of the HL7 Gravity
 * SDOH Clinical Care guide:
 *
 * - **ServiceRequest**: SNOMED CT UK 871731000000106 "Referral to social
 *   prescribing service", reasons (by theme) as `reasonCode`, the person as
 *   `subject`, the referrer as `requester`, the CLP as `performer`.
 * - **Task**: `status` = the referral's status, `businessStatus`
 *   (contacting / engaged) while in progress, `statusReason` where a
 *   reason is required (the coded reason; as text, the free text only with
 *   consent to share the outcome with the GP record, else the code's
 *   label), intent `order`, code `fulfill`, `focus` → the
 *   ServiceRequest, `for` the person, `authoredOn`, `requester`, `owner` the
 *   CLP, and `output` for the resulting activity (outcome, contacts, goals,
 *   community resources).
 * - **PractitionerRole**: the referrer at the practice (the requester).
 * - **Goal** for each goal (lifecycleStatus, achievementStatus).
 * - **Consent** for each consent scope the person has a stance on.
 *
 * Goals, the Task's outputs and every free text written in the toolkit (the
 * status reason's text, the referrer's words for each reason, the outcome
 * summary, goal statements) are included only with the person's consent to
 * share the outcome with the GP record (see {@link FhirExportOptions.detail}).
 * Without it only codes and their standard labels go. Notes, follow-up
 * notes and the route detail are never exported. Deterministic: the same referral and options
 * always give the same Bundle (name-based UUIDs; the clock is never read).
 */
export function toFhirBundle(referral: ReferralState, options: FhirExportOptions = {}): Bundle {
  const ctx = context(options);
  return bundle(
    referralResources(referral, ctx),
    `bundle/${referral.id}/${referral.updatedAt}`,
    options.timestamp ?? referral.updatedAt,
    ctx,
  );
}

/**
 * Many referrals in one FHIR R4 collection Bundle: each referral's
 * resources as {@link toFhirBundle} makes them, in the order given.
 */
export function toFhirCollection(referrals: readonly ReferralState[], options: FhirExportOptions = {}): Bundle {
  const ctx = context(options);
  const latest = referrals.reduce((max, r) => (r.updatedAt > max ? r.updatedAt : max), '');
  const entries = referrals.flatMap((r) => referralResources(r, ctx));
  const name = `collection/${referrals.map((r) => `${r.id}@${r.updatedAt}`).join(',')}`;
  return bundle(entries, name, options.timestamp ?? (latest || '1970-01-01T00:00:00Z'), ctx);
}

/** The resources of a Bundle by full URL, for following references within it. */
export function bundleIndex(b: Bundle): Map<string, Resource> {
  const map = new Map<string, Resource>();
  for (const entry of b.entry ?? []) if (entry.fullUrl && entry.resource) map.set(entry.fullUrl, entry.resource);
  return map;
}
