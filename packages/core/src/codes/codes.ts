/**
 * Every code the toolkit writes or reads in its FHIR exchange, in one data
 * table with its code system, its source, and whether more than one public
 * source confirms it. Code that needs a code looks it up here by key, so the
 * table is the single place to review (and to correct) them.
 *
 * @module
 */
import { STATUS_REASON_CODES, STATUS_REASON_LABELS } from './status-reasons.js';

/** FHIR and terminology code systems the table uses (canonical URLs). */
export const CODE_SYSTEMS = Object.freeze({
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  taskStatus: 'http://hl7.org/fhir/task-status',
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  requestIntent: 'http://hl7.org/fhir/request-intent',
  requestStatus: 'http://hl7.org/fhir/request-status',
  requestPriority: 'http://hl7.org/fhir/request-priority',
  goalStatus: 'http://hl7.org/fhir/goal-status',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  consentState: 'http://hl7.org/fhir/consent-state-codes',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentAction: 'http://terminology.hl7.org/CodeSystem/consentaction',
  consentProvisionType: 'http://hl7.org/fhir/consent-provision-type',
  v3ActCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  bundleType: 'http://hl7.org/fhir/bundle-type',
} as const);

/**
 * The toolkit's own code systems, for concepts no national code list covers.
 * Their URLs are the host's: each is `<systemBase>/CodeSystem/<name>` (see
 * `FhirExportOptions.systemBase`).
 */
export const LOCAL_CODE_SYSTEMS = Object.freeze({
  businessStatus: 'referral-business-status',
  outcome: 'referral-outcome',
  consentScope: 'consent-scope',
  taskOutput: 'task-output-type',
  theme: 'self-management-theme',
  statusReason: 'referral-status-reason',
} as const);

/** A local code system's name. */
export type LocalCodeSystem = (typeof LOCAL_CODE_SYSTEMS)[keyof typeof LOCAL_CODE_SYSTEMS];

/** A public source that shows a code with its meaning. */
export interface PublicSource {
  readonly title: string;
  readonly url: string;
}

/** One code in the table. */
export interface CodeEntry {
  /** Stable key code uses to look the entry up, e.g. `snomed.referral-to-social-prescribing-service`. */
  readonly key: string;
  /** The code system: a canonical URL, or for our own codes `local:<name>` (resolved against the host's base URL). */
  readonly system: string;
  readonly code: string;
  /** The display text the code system gives it. */
  readonly display: string;
  /** Where we use it, e.g. `ServiceRequest.code`. */
  readonly usedFor: string;
  /** Where the code comes from. */
  readonly source: string;
  readonly sourceUrl?: string;
  /**
   * For codes from a terminology we do not publish ourselves and that is not
   * the FHIR specification (SNOMED CT): every public source we found that
   * shows the code with this meaning. The project's own brief is not a
   * public source.
   */
  readonly publicSources?: readonly PublicSource[];
  /**
   * `false` when the code was seen in only one public source: it must be
   * checked (e.g. in the NHS England SNOMED CT browser) before clinical use,
   * and the toolkit never sends it on its own accord. A SNOMED CT code is
   * `true` only when `publicSources` names more than one source (a test
   * holds the table to this rule).
   */
  readonly verified: boolean;
  readonly note?: string;
}

const FHIR_R4 = 'HL7 FHIR R4 (4.0.1)';
const THO = 'HL7 Terminology (THO), used by FHIR R4';
const OURS = 'This project (no national code list covers it)';

function fhir(
  key: string,
  system: string,
  code: string,
  display: string,
  usedFor: string,
  page: string,
  source = FHIR_R4,
): CodeEntry {
  return { key, system, code, display, usedFor, source, sourceUrl: `https://hl7.org/fhir/R4/${page}`, verified: true };
}

function local(key: string, name: LocalCodeSystem, code: string, display: string, usedFor: string): CodeEntry {
  return { key, system: `local:${name}`, code, display, usedFor, source: OURS, verified: true };
}

const TASK_STATUSES: readonly [string, string][] = [
  ['draft', 'Draft'],
  ['requested', 'Requested'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
  ['in-progress', 'In Progress'],
  ['on-hold', 'On Hold'],
  ['completed', 'Completed'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
  ['entered-in-error', 'Entered in Error'],
];

/** The table. */
export const CODES: readonly CodeEntry[] = Object.freeze(
  [
    {
      key: 'snomed.referral-to-social-prescribing-service',
      system: CODE_SYSTEMS.snomed,
      code: '871731000000106',
      display: 'Referral to social prescribing service',
      usedFor: 'ServiceRequest.code',
      source:
        'SNOMED CT UK Edition (UK extension concept), seen with this meaning in two independent public sources: guidance on the NHS England social prescribing codes (socialrx.co.uk), and the University of Manchester GM-SDE clinical code set "social-care-prescribing-referral" v1, built from the SNOMED CT UK release uk_sct2cl_29.3.0 (June 2020).',
      sourceUrl: 'https://www.socialrx.co.uk/blogs/blog/social-prescribing-snomed-codes-why-important',
      publicSources: [
        {
          title: 'socialrx.co.uk, "What are the social prescribing SNOMED codes and why are they important?"',
          url: 'https://www.socialrx.co.uk/blogs/blog/social-prescribing-snomed-codes-why-important',
        },
        {
          title:
            'UoM-Data-Science-Platforms/gm-sde, clinical code set social-care-prescribing-referral v1 (SNOMED CT UK uk_sct2cl_29.3.0_20200610)',
          url: 'https://github.com/UoM-Data-Science-Platforms/gm-sde/blob/main/shared/clinical-code-sets/referrals/social-care-prescribing-referral/1/social-care-prescribing-referral.snomed.txt',
        },
      ],
      verified: true,
      note: 'Still to be checked against the current SNOMED CT UK Edition by a clinical terminologist before clinical use (see hazard H-12).',
    },
    {
      key: 'snomed.social-prescribing-declined',
      system: CODE_SYSTEMS.snomed,
      code: '871711000000103',
      display: 'Social prescribing declined',
      usedFor: 'Not sent. Candidate for Task.statusReason when the person declines (status rejected or cancelled).',
      source: 'Seen in one public source only (socialrx.co.uk, "What are the social prescribing SNOMED codes").',
      sourceUrl: 'https://www.socialrx.co.uk/blogs/blog/social-prescribing-snomed-codes-why-important',
      publicSources: [
        {
          title: 'socialrx.co.uk, "What are the social prescribing SNOMED codes and why are they important?"',
          url: 'https://www.socialrx.co.uk/blogs/blog/social-prescribing-snomed-codes-why-important',
        },
      ],
      verified: false,
      note: 'To be verified against the SNOMED CT UK Edition before clinical use.',
    },
    fhir(
      'task-code.fulfill',
      CODE_SYSTEMS.taskCode,
      'fulfill',
      'Fulfill the focal request',
      'Task.code',
      'codesystem-task-code.html',
    ),
    ...TASK_STATUSES.map(([code, display]) =>
      fhir(
        `task-status.${code}`,
        CODE_SYSTEMS.taskStatus,
        code,
        display,
        'Task.status (a referral status is a Task status)',
        'codesystem-task-status.html',
      ),
    ),
    fhir(
      'request-intent.order',
      CODE_SYSTEMS.requestIntent,
      'order',
      'Order',
      'ServiceRequest.intent, Task.intent',
      'codesystem-request-intent.html',
    ),
    ...(
      [
        ['draft', 'Draft', 'referral draft'],
        ['active', 'Active', 'referral requested, accepted or in progress'],
        ['on-hold', 'On Hold', 'referral on hold'],
        ['revoked', 'Revoked', 'referral rejected, cancelled or failed'],
        ['completed', 'Completed', 'referral completed'],
        ['entered-in-error', 'Entered in Error', 'referral entered in error'],
      ] as const
    ).map(([code, display, when]) =>
      fhir(
        `request-status.${code}`,
        CODE_SYSTEMS.requestStatus,
        code,
        display,
        `ServiceRequest.status (${when})`,
        'codesystem-request-status.html',
      ),
    ),
    ...(
      [
        ['routine', 'Routine', 'urgency routine'],
        ['urgent', 'Urgent', 'urgency soon'],
        ['asap', 'ASAP', 'urgency urgent'],
      ] as const
    ).map(([code, display, when]) =>
      fhir(
        `request-priority.${code}`,
        CODE_SYSTEMS.requestPriority,
        code,
        display,
        `ServiceRequest.priority, Task.priority (${when})`,
        'codesystem-request-priority.html',
      ),
    ),
    ...(
      [
        ['proposed', 'Proposed', 'goal proposed'],
        ['active', 'Active', 'goal active'],
        ['completed', 'Completed', 'goal achieved or not achieved'],
        ['cancelled', 'Cancelled', 'goal cancelled'],
      ] as const
    ).map(([code, display, when]) =>
      fhir(
        `goal-status.${code}`,
        CODE_SYSTEMS.goalStatus,
        code,
        display,
        `Goal.lifecycleStatus (${when})`,
        'codesystem-goal-status.html',
      ),
    ),
    ...(
      [
        ['in-progress', 'In Progress', 'goal active'],
        ['achieved', 'Achieved', 'goal achieved'],
        ['not-achieved', 'Not Achieved', 'goal not achieved'],
      ] as const
    ).map(([code, display, when]) =>
      fhir(
        `goal-achievement.${code}`,
        CODE_SYSTEMS.goalAchievement,
        code,
        display,
        `Goal.achievementStatus (${when})`,
        'codesystem-goal-achievement.html',
        THO,
      ),
    ),
    fhir(
      'consent-state.active',
      CODE_SYSTEMS.consentState,
      'active',
      'Active',
      'Consent.status',
      'codesystem-consent-state-codes.html',
    ),
    fhir(
      'consent-scope.patient-privacy',
      CODE_SYSTEMS.consentScope,
      'patient-privacy',
      'Privacy Consent',
      'Consent.scope',
      'codesystem-consent-scope.html',
      THO,
    ),
    {
      key: 'loinc.patient-consent',
      system: CODE_SYSTEMS.loinc,
      code: '59284-0',
      display: 'Patient Consent',
      usedFor: 'Consent.category',
      source: 'LOINC, as in the FHIR R4 Consent category example binding (consent-category value set)',
      sourceUrl: 'https://hl7.org/fhir/R4/valueset-consent-category.html',
      verified: true,
    },
    fhir(
      'consent-action.use',
      CODE_SYSTEMS.consentAction,
      'use',
      'Use',
      'Consent.provision.action (consent to be contacted)',
      'codesystem-consentaction.html',
      THO,
    ),
    fhir(
      'consent-action.disclose',
      CODE_SYSTEMS.consentAction,
      'disclose',
      'Disclose',
      'Consent.provision.action (consent to share)',
      'codesystem-consentaction.html',
      THO,
    ),
    fhir(
      'consent-provision.permit',
      CODE_SYSTEMS.consentProvisionType,
      'permit',
      'Opt In',
      'Consent.provision.type (consent given)',
      'codesystem-consent-provision-type.html',
    ),
    fhir(
      'consent-provision.deny',
      CODE_SYSTEMS.consentProvisionType,
      'deny',
      'Opt Out',
      'Consent.provision.type (consent withdrawn, or do not contact)',
      'codesystem-consent-provision-type.html',
    ),
    fhir(
      'v3-act-code.optin',
      CODE_SYSTEMS.v3ActCode,
      'OPTIN',
      'opt-in',
      'Consent.policyRule (R4 requires a policy or a policyRule)',
      'v3/ActCode/cs.html',
      THO,
    ),
    fhir(
      'bundle-type.collection',
      CODE_SYSTEMS.bundleType,
      'collection',
      'Collection',
      'Bundle.type',
      'codesystem-bundle-type.html',
    ),
    local(
      'business-status.contacting',
      LOCAL_CODE_SYSTEMS.businessStatus,
      'contacting',
      'Contacting',
      'Task.businessStatus (in progress, before the first contact)',
    ),
    local(
      'business-status.engaged',
      LOCAL_CODE_SYSTEMS.businessStatus,
      'engaged',
      'Engaged',
      'Task.businessStatus (in progress, after the first contact)',
    ),
    ...(
      [
        ['goals-achieved', 'Goals achieved'],
        ['some-goals-achieved', 'Some goals achieved'],
        ['connected-to-support', 'Connected to community support'],
        ['support-no-longer-needed', 'Support no longer needed'],
        ['other', 'Other outcome'],
      ] as const
    ).map(([code, display]) =>
      local(`outcome.${code}`, LOCAL_CODE_SYSTEMS.outcome, code, display, 'Task.output (outcome of the journey)'),
    ),
    ...(
      [
        ['contact', 'Contact'],
        ['share-outcome-with-gp-record', 'Share outcome with the GP record'],
        ['share-with-community-organisation', 'Share details with a community organisation'],
      ] as const
    ).map(([code, display]) =>
      local(
        `consent-scope.${code}`,
        LOCAL_CODE_SYSTEMS.consentScope,
        code,
        display,
        'Consent.provision.code (what the consent covers)',
      ),
    ),
    ...STATUS_REASON_CODES.map((code) =>
      local(
        `status-reason.${code}`,
        LOCAL_CODE_SYSTEMS.statusReason,
        code,
        STATUS_REASON_LABELS[code],
        'Task.statusReason.coding (why the referral moved to its status)',
      ),
    ),
    ...(
      [
        ['goal', 'Goal set with the person'],
        ['outcome', 'Outcome of the journey'],
        ['contacts', 'Number of contacts with the Community Links Practitioner'],
        ['resource-signposted', 'Community resource: signposted'],
        ['resource-referred', 'Community resource: referred'],
        ['resource-accompanied', 'Community resource: accompanied'],
      ] as const
    ).map(([code, display]) =>
      local(`task-output.${code}`, LOCAL_CODE_SYSTEMS.taskOutput, code, display, 'Task.output.type'),
    ),
  ].map((entry) => Object.freeze(entry)),
);

const BY_KEY = new Map(CODES.map((entry) => [entry.key, entry]));

/** Looks up a code by key; throws for a key not in the table (a programming error, never input). */
export function codeEntry(key: string): CodeEntry {
  const entry = BY_KEY.get(key);
  if (!entry) throw new Error(`no code "${key}" in the code table`);
  return entry;
}

/** Every entry of one code system (a canonical URL, or `local:<name>`). */
export function codesInSystem(system: string): CodeEntry[] {
  return CODES.filter((entry) => entry.system === system);
}

/** The entries seen in only one public source: verify these before clinical use. */
export function unverifiedCodes(): CodeEntry[] {
  return CODES.filter((entry) => !entry.verified);
}

/** The URL of a local code system under a host's base URL: `<base>/CodeSystem/<name>`. */
export function localSystemUrl(systemBase: string, name: LocalCodeSystem): string {
  return `${systemBase.replace(/\/+$/, '')}/CodeSystem/${name}`;
}

/** A FHIR Coding (system, code, display) for a table entry; local systems are resolved against `systemBase`. */
export function codingFor(key: string, systemBase: string): { system: string; code: string; display: string } {
  const entry = codeEntry(key);
  const system = entry.system.startsWith('local:')
    ? localSystemUrl(systemBase, entry.system.slice(6) as LocalCodeSystem)
    : entry.system;
  return { system, code: entry.code, display: entry.display };
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/**
 * Whether a text is a well-formed SNOMED CT concept id: 6 to 18 digits, no
 * leading zero, a concept partition identifier (`00` or `10`, the two digits
 * before the check digit) and a valid Verhoeff check digit. A well-formed id
 * can still be wrong or inactive: this only catches typing mistakes.
 */
export function isWellFormedSnomedConceptId(id: string): boolean {
  if (!/^[1-9]\d{5,17}$/.test(id)) return false;
  const partition = id.slice(-3, -1);
  if (partition !== '00' && partition !== '10') return false;
  let c = 0;
  const digits = [...id].reverse().map(Number);
  for (let i = 0; i < digits.length; i++) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![digits[i]!]!]!;
  return c === 0;
}
