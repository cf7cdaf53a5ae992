/**
 * The referral event schema's fast path, written by hand (no `eval`, so it
 * runs in browsers under a Content Security Policy without `unsafe-eval`).
 *
 * {@link fastParseReferralEvent} returns the value `referralEventSchema`
 * would return (text trimmed where the schema trims, objects rebuilt with
 * their keys in schema order, absent optional fields left out) when the
 * input is certainly a valid event, and `undefined` otherwise; callers then
 * run the zod schema, which gives every error message and path. See
 * `validation/fast-checks.ts` for the contract, and `fast-validation.test.ts`
 * for the property tests that hold it to the schema.
 *
 * @internal
 */
import { STATUS_REASON_CODES } from '../codes/status-reasons.js';
import { LIMITS } from '../validation/limits.js';
import {
  absent,
  fitsIn,
  isOneOf,
  isPlain,
  isText,
  knownKeyCount,
  matches,
  trimmedText,
  type Plain,
} from '../validation/fast-checks.js';
import {
  ACTOR_ROLES,
  CONSENT_SCOPES,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_SETTINGS,
  GOAL_STATUSES,
  OUTCOME_CODES,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  URGENCIES,
} from './constants.js';
import { createdEventSchema, followUpScheduledEventSchema } from './schema.js';
import type { ReferralEvent } from './types.js';

const SHORT = LIMITS.shortText;
const LONG = LIMITS.longText;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const CHI_LIKE = /\d{10}/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Pattern = { _zod: { def: { shape: Record<string, { _zod: { def: { pattern: RegExp } } }> } } };
/** The very patterns of the schema's `z.iso.datetime({ offset: true })` (`at`) and `z.iso.date()` (`due`). */
const DATE_TIME = (createdEventSchema as unknown as Pattern)._zod.def.shape.at!._zod.def.pattern;
const DATE = (followUpScheduledEventSchema as unknown as Pattern)._zod.def.shape.due!._zod.def.pattern;

const set = (values: readonly string[]): ReadonlySet<string> => new Set(values);
const ROLES = set(ACTOR_ROLES);
const ROUTES = set(REFERRAL_ROUTES);
const URGENCY = set(URGENCIES);
const SCOPES = set(CONSENT_SCOPES);
const CREATED_STATUSES = set(['draft', 'requested']);
const STATUSES = set(REFERRAL_STATUSES);
const REASON_CODES = set(STATUS_REASON_CODES);
const OUTCOMES = set(OUTCOME_CODES);
const METHODS = set(CONTACT_METHODS);
const ATTEMPT_OUTCOMES = set(CONTACT_ATTEMPT_OUTCOMES);
const SETTINGS = set(CONTACT_SETTINGS);
const GOAL_STATUS = set(GOAL_STATUSES);
const MODES = set(RESOURCE_MODES);
const LINK_STATUSES = set(RESOURCE_LINK_STATUSES);

const ACTOR_KEYS = set(['role', 'id', 'practices']);
const REASON_KEYS = set(['themeId', 'text']);
const OUTCOME_KEYS = set(['code', 'summary']);
const RESOURCE_KEYS = set(['id', 'name', 'source']);
const BASE = ['id', 'referralId', 'at', 'actor', 'reason', 'type'];
const KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  created: set([
    ...BASE,
    'status',
    'person',
    'practiceId',
    'clpId',
    'route',
    'routeDetail',
    'reasons',
    'urgency',
    'consent',
    'previousReferralId',
    'note',
  ]),
  'details-updated': set([...BASE, 'route', 'routeDetail', 'reasons', 'urgency', 'clpId']),
  'status-changed': set([...BASE, 'to', 'reasonCode', 'outcome']),
  'clp-assigned': set([...BASE, 'clpId']),
  'consent-given': set([...BASE, 'scope']),
  'consent-withdrawn': set([...BASE, 'scope']),
  'do-not-contact-set': set(BASE),
  'do-not-contact-cleared': set(BASE),
  'contact-attempted': set([...BASE, 'method', 'outcome']),
  'contact-recorded': set([...BASE, 'setting', 'durationMinutes']),
  'goal-added': set([...BASE, 'goalId', 'statement', 'themeId', 'status']),
  'goal-updated': set([...BASE, 'goalId', 'statement', 'status']),
  'resource-linked': set([...BASE, 'linkId', 'resource', 'mode', 'status']),
  'resource-updated': set([...BASE, 'linkId', 'mode', 'status']),
  'follow-up-scheduled': set([...BASE, 'followUpId', 'due', 'note']),
  'follow-up-done': set([...BASE, 'followUpId']),
  'outcome-recorded': set([...BASE, 'outcome']),
  'note-added': set([...BASE, 'text']),
};

/** `referralIdSchema`: an opaque token. */
function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** `pseudonymSchema`: an opaque token without a run of 10 digits. */
function isPseudonym(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value) && !CHI_LIKE.test(value);
}

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && SLUG.test(value);
}

/** Marks a fast-path refusal inside the builders below (the value is never returned to callers). */
const NO = undefined;

function actor(v: unknown): Plain | undefined {
  if (!isPlain(v)) return NO;
  const role = v.role;
  const id = v.id;
  if (!isOneOf(role, ROLES) || !isPseudonym(id)) return NO;
  const practices = v.practices;
  if (practices === undefined) {
    if (!absent(v, 'practices') || knownKeyCount(v, ACTOR_KEYS) !== 2) return NO;
    return { role, id };
  }
  if (!Array.isArray(practices) || practices.length < 1 || practices.length > LIMITS.listItems) return NO;
  const list: string[] = new Array<string>(practices.length);
  for (let i = 0; i < practices.length; i++) {
    const practice: unknown = practices[i];
    if (!isToken(practice)) return NO;
    list[i] = practice;
  }
  return knownKeyCount(v, ACTOR_KEYS) === 3 ? { role, id, practices: list } : NO;
}

function reasons(v: unknown): Plain[] | undefined {
  if (!Array.isArray(v) || v.length < 1 || v.length > 20) return NO;
  const out: Plain[] = new Array<Plain>(v.length);
  for (let i = 0; i < v.length; i++) {
    const reason: unknown = v[i];
    if (!isPlain(reason)) return NO;
    const themeId = reason.themeId;
    if (!isSlug(themeId)) return NO;
    const text = reason.text;
    if (text === undefined) {
      if (!absent(reason, 'text') || knownKeyCount(reason, REASON_KEYS) !== 1) return NO;
      out[i] = { themeId };
    } else {
      if (!isText(text, LONG, false) || knownKeyCount(reason, REASON_KEYS) !== 2) return NO;
      out[i] = { themeId, text };
    }
  }
  return out;
}

function outcome(v: unknown): Plain | undefined {
  if (!isPlain(v)) return NO;
  const code = v.code;
  const summary = v.summary;
  if (!isOneOf(code, OUTCOMES) || !isText(summary, LONG, false) || knownKeyCount(v, OUTCOME_KEYS) !== 2) return NO;
  return { code, summary };
}

function resource(v: unknown): Plain | undefined {
  if (!isPlain(v)) return NO;
  const id = trimmedText(v.id, 2 * SHORT);
  const name = trimmedText(v.name, SHORT);
  if (id === undefined || name === undefined) return NO;
  if (v.source === undefined) {
    if (!absent(v, 'source') || knownKeyCount(v, RESOURCE_KEYS) !== 2) return NO;
    return { id, name };
  }
  const source = trimmedText(v.source, SHORT);
  if (source === undefined || knownKeyCount(v, RESOURCE_KEYS) !== 3) return NO;
  return { id, name, source };
}

/**
 * Adds one optional field to `out`: nothing when absent, the parsed value
 * when certainly valid. Returns how many keys it added (0 or 1), or -1 to
 * refuse (present but not certainly valid, or present as `undefined`).
 */
function optional(v: Plain, out: Plain, key: string, value: unknown, parse: (value: unknown) => unknown): number {
  if (value === undefined) return absent(v, key) ? 0 : -1;
  const parsed = parse(value);
  if (parsed === undefined) return -1;
  out[key] = parsed;
  return 1;
}

const token = (value: unknown): string | undefined => (isToken(value) ? value : NO);
const pseudonym = (value: unknown): string | undefined => (isPseudonym(value) ? value : NO);
const text = (value: unknown): string | undefined => trimmedText(value, LONG);
const shortText = (value: unknown): string | undefined => trimmedText(value, SHORT);
const oneOf =
  (choices: ReadonlySet<string>) =>
  (value: unknown): string | undefined =>
    isOneOf(value, choices) ? value : NO;
const route = oneOf(ROUTES);
const urgency = oneOf(URGENCY);
const reasonCode = oneOf(REASON_CODES);
const goalStatus = oneOf(GOAL_STATUS);
const mode = oneOf(MODES);
const linkStatus = oneOf(LINK_STATUSES);

function consent(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > CONSENT_SCOPES.length) return NO;
  const out: string[] = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const scope: unknown = value[i];
    if (!isOneOf(scope, SCOPES)) return NO;
    out[i] = scope;
  }
  return out;
}

/** The fields of one event type after the common ones: how many keys they added to `out`, or -1 to refuse. */
function fields(type: string, v: Plain, out: Plain): number {
  switch (type) {
    case 'created': {
      const status = v.status;
      const person = v.person;
      const practiceId = v.practiceId;
      if (!isOneOf(status, CREATED_STATUSES) || !isPseudonym(person) || !isToken(practiceId)) return -1;
      out.status = status;
      out.person = person;
      out.practiceId = practiceId;
      const clp = optional(v, out, 'clpId', v.clpId, pseudonym);
      const routeValue = v.route;
      if (clp < 0 || !isOneOf(routeValue, ROUTES)) return -1;
      out.route = routeValue;
      const detail = optional(v, out, 'routeDetail', v.routeDetail, shortText);
      const reasonList = reasons(v.reasons);
      if (detail < 0 || reasonList === undefined) return -1;
      out.reasons = reasonList;
      const urgencyValue = v.urgency;
      if (!isOneOf(urgencyValue, URGENCY)) return -1;
      out.urgency = urgencyValue;
      const scopes = optional(v, out, 'consent', v.consent, consent);
      const previous = optional(v, out, 'previousReferralId', v.previousReferralId, token);
      const note = optional(v, out, 'note', v.note, text);
      if (scopes < 0 || previous < 0 || note < 0) return -1;
      return 6 + clp + detail + scopes + previous + note;
    }
    case 'details-updated': {
      const a = optional(v, out, 'route', v.route, route);
      const b = optional(v, out, 'routeDetail', v.routeDetail, shortText);
      const c = optional(v, out, 'reasons', v.reasons, reasons);
      const d = optional(v, out, 'urgency', v.urgency, urgency);
      const e = optional(v, out, 'clpId', v.clpId, pseudonym);
      // The schema's refinement: at least one of them.
      if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0 || a + b + c + d + e === 0) return -1;
      return a + b + c + d + e;
    }
    case 'status-changed': {
      const to = v.to;
      if (!isOneOf(to, STATUSES)) return -1;
      out.to = to;
      const code = optional(v, out, 'reasonCode', v.reasonCode, reasonCode);
      const result = optional(v, out, 'outcome', v.outcome, outcome);
      // The schema's refinement: an outcome only with a change to "completed".
      if (code < 0 || result < 0 || (result === 1 && to !== 'completed')) return -1;
      return 1 + code + result;
    }
    case 'clp-assigned': {
      const clpId = v.clpId;
      if (!isPseudonym(clpId)) return -1;
      out.clpId = clpId;
      return 1;
    }
    case 'consent-given':
    case 'consent-withdrawn': {
      const scope = v.scope;
      if (!isOneOf(scope, SCOPES)) return -1;
      out.scope = scope;
      return 1;
    }
    case 'do-not-contact-set':
    case 'do-not-contact-cleared':
      return 0;
    case 'contact-attempted': {
      const method = v.method;
      const result = v.outcome;
      if (!isOneOf(method, METHODS) || !isOneOf(result, ATTEMPT_OUTCOMES)) return -1;
      out.method = method;
      out.outcome = result;
      return 2;
    }
    case 'contact-recorded': {
      const setting = v.setting;
      const minutes = v.durationMinutes;
      if (
        !isOneOf(setting, SETTINGS) ||
        typeof minutes !== 'number' ||
        !Number.isInteger(minutes) ||
        minutes < 1 ||
        minutes > 600
      )
        return -1;
      out.setting = setting;
      out.durationMinutes = minutes;
      return 2;
    }
    case 'goal-added': {
      const goalId = v.goalId;
      const statement = trimmedText(v.statement, LONG);
      const themeId = v.themeId;
      if (!isToken(goalId) || statement === undefined || !isSlug(themeId)) return -1;
      out.goalId = goalId;
      out.statement = statement;
      out.themeId = themeId;
      const status = optional(v, out, 'status', v.status, goalStatus);
      return status < 0 ? -1 : 3 + status;
    }
    case 'goal-updated': {
      const goalId = v.goalId;
      if (!isToken(goalId)) return -1;
      out.goalId = goalId;
      const a = optional(v, out, 'statement', v.statement, text);
      const b = optional(v, out, 'status', v.status, goalStatus);
      if (a < 0 || b < 0 || a + b === 0) return -1;
      return 1 + a + b;
    }
    case 'resource-linked': {
      const linkId = v.linkId;
      const linked = resource(v.resource);
      const modeValue = v.mode;
      if (!isToken(linkId) || linked === undefined || !isOneOf(modeValue, MODES)) return -1;
      out.linkId = linkId;
      out.resource = linked;
      out.mode = modeValue;
      const status = optional(v, out, 'status', v.status, linkStatus);
      return status < 0 ? -1 : 3 + status;
    }
    case 'resource-updated': {
      const linkId = v.linkId;
      if (!isToken(linkId)) return -1;
      out.linkId = linkId;
      const a = optional(v, out, 'mode', v.mode, mode);
      const b = optional(v, out, 'status', v.status, linkStatus);
      if (a < 0 || b < 0 || a + b === 0) return -1;
      return 1 + a + b;
    }
    case 'follow-up-scheduled': {
      const followUpId = v.followUpId;
      const due = v.due;
      if (!isToken(followUpId) || !matches(due, DATE)) return -1;
      out.followUpId = followUpId;
      out.due = due;
      const note = optional(v, out, 'note', v.note, text);
      return note < 0 ? -1 : 2 + note;
    }
    case 'follow-up-done': {
      const followUpId = v.followUpId;
      if (!isToken(followUpId)) return -1;
      out.followUpId = followUpId;
      return 1;
    }
    case 'outcome-recorded': {
      const result = outcome(v.outcome);
      if (result === undefined) return -1;
      out.outcome = result;
      return 1;
    }
    case 'note-added': {
      const note = trimmedText(v.text, LONG);
      if (note === undefined) return -1;
      out.text = note;
      return 1;
    }
    default:
      return -1;
  }
}

/**
 * The value `referralEventSchema` returns for `input` when `input` is
 * certainly a valid referral event, else `undefined` (then run the schema
 * for its errors). Anything it accepts also passes the JSON safety checks.
 */
export function fastParseReferralEvent(input: unknown): ReferralEvent | undefined {
  if (!isPlain(input)) return NO;
  const v = input;
  const type = v.type;
  const id = v.id;
  const referralId = v.referralId;
  const at = v.at;
  if (typeof type !== 'string' || !isToken(id) || !isToken(referralId) || !matches(at, DATE_TIME)) return NO;
  const known = KEYS[type];
  if (known === undefined || !Object.hasOwn(KEYS, type)) return NO;
  const who = actor(v.actor);
  if (who === undefined) return NO;
  const out: Plain = { id, referralId, at, actor: who };
  let count = 5;
  const reason = v.reason;
  if (reason !== undefined) {
    if (!isText(reason, LONG, false)) return NO;
    out.reason = reason;
    count++;
  } else if (!absent(v, 'reason')) return NO;
  out.type = type;
  const more = fields(type, v, out);
  if (more < 0 || knownKeyCount(v, known) !== count + more) return NO;
  return out as unknown as ReferralEvent;
}

const DOCUMENT_KEYS = set(['kind', 'schemaVersion', 'events']);

/**
 * The value `referralEventsDocumentSchema` returns for `input` when it is
 * certainly a valid events document (every event certainly valid), else
 * `undefined`.
 */
export function fastParseReferralEventsDocument(
  input: unknown,
  maxEvents: number,
): { kind: 'links.referral-events'; schemaVersion: 1; events: ReferralEvent[] } | undefined {
  if (!isPlain(input) || input.kind !== 'links.referral-events' || input.schemaVersion !== 1) return NO;
  const events = input.events;
  if (!Array.isArray(events) || events.length > maxEvents || knownKeyCount(input, DOCUMENT_KEYS) !== 3) return NO;
  const out: ReferralEvent[] = new Array<ReferralEvent>(events.length);
  for (let i = 0; i < events.length; i++) {
    const event = fastParseReferralEvent(events[i]);
    if (event === undefined) return NO;
    out[i] = event;
  }
  return { kind: 'links.referral-events', schemaVersion: 1, events: out };
}

// The exact check: is the input itself already the value the schema returns? Nothing is built or copied.

/** Each event type's keys in schema order (the order the schema, and `fastParseReferralEvent`, write them in). */
const ORDER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(KEYS).map(([type, keys]) => [type, [...keys]]),
);
const ACTOR_ORDER = [...ACTOR_KEYS];
const REASON_ORDER = [...REASON_KEYS];
const OUTCOME_ORDER = [...OUTCOME_KEYS];
const RESOURCE_ORDER = [...RESOURCE_KEYS];

/**
 * An object as the schema returns it: not null, not an array, prototype
 * `Object.prototype` (the schema's copies never have a `null` prototype).
 */
function isOrdinary(value: unknown): value is Plain {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * The number of `for…in` keys of `object` when each is one of `order` and
 * they come in its order, else -1. With the count of the fields read as
 * defined, it says the object has no other keys (none present as
 * `undefined`) and its keys are in schema order.
 */
function orderedKeyCount(object: Plain, order: readonly string[]): number {
  const n = order.length;
  let p = 0;
  let count = 0;
  for (const key in object) {
    while (p < n && order[p] !== key) p++;
    if (p === n) return -1;
    p++;
    count++;
  }
  return count;
}

/** Whether `text` has no white space at either end that the schema's `trim` would take off. */
function isTrimmed(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Printable ASCII at both ends is certainly not trimmed; anything else asks `trim` itself.
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return true;
  return text.trim() === text;
}

/** A trimmed, non-empty text of at most `max` code points that needs no trimming. */
function isExactText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && isTrimmed(value) && fitsIn(value, max);
}

/** An optional field: 0 when undefined, 1 when certainly valid as it is, -1 otherwise. */
function opt(value: unknown, valid: boolean): number {
  return value === undefined ? 0 : valid ? 1 : -1;
}

function isExactActor(v: unknown): boolean {
  if (!isOrdinary(v) || !isOneOf(v.role, ROLES) || !isPseudonym(v.id)) return false;
  const practices = v.practices;
  if (practices === undefined) return orderedKeyCount(v, ACTOR_ORDER) === 2;
  if (!Array.isArray(practices) || practices.length < 1 || practices.length > LIMITS.listItems) return false;
  for (let i = 0; i < practices.length; i++) if (!isToken(practices[i])) return false;
  return orderedKeyCount(v, ACTOR_ORDER) === 3;
}

function isExactReasons(v: unknown): boolean {
  if (!Array.isArray(v) || v.length < 1 || v.length > 20) return false;
  for (let i = 0; i < v.length; i++) {
    const reason: unknown = v[i];
    if (!isOrdinary(reason) || !isSlug(reason.themeId)) return false;
    const text = reason.text;
    if (text === undefined) {
      if (orderedKeyCount(reason, REASON_ORDER) !== 1) return false;
    } else if (!isText(text, LONG, false) || orderedKeyCount(reason, REASON_ORDER) !== 2) return false;
  }
  return true;
}

function isExactOutcome(v: unknown): boolean {
  return (
    isOrdinary(v) &&
    isOneOf(v.code, OUTCOMES) &&
    isText(v.summary, LONG, false) &&
    orderedKeyCount(v, OUTCOME_ORDER) === 2
  );
}

function isExactResource(v: unknown): boolean {
  if (!isOrdinary(v) || !isExactText(v.id, 2 * SHORT) || !isExactText(v.name, SHORT)) return false;
  const source = v.source;
  if (source === undefined) return orderedKeyCount(v, RESOURCE_ORDER) === 2;
  return isExactText(source, SHORT) && orderedKeyCount(v, RESOURCE_ORDER) === 3;
}

function isExactConsent(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > CONSENT_SCOPES.length) return false;
  for (let i = 0; i < value.length; i++) if (!isOneOf(value[i], SCOPES)) return false;
  return true;
}

/** How many keys of its type's own fields the event holds, each certainly valid as it is; -1 otherwise. */
function exactFields(type: string, v: Plain): number {
  switch (type) {
    case 'created': {
      if (
        !isOneOf(v.status, CREATED_STATUSES) ||
        !isPseudonym(v.person) ||
        !isToken(v.practiceId) ||
        !isOneOf(v.route, ROUTES) ||
        !isExactReasons(v.reasons) ||
        !isOneOf(v.urgency, URGENCY)
      )
        return -1;
      const clp = opt(v.clpId, isPseudonym(v.clpId));
      const detail = opt(v.routeDetail, isExactText(v.routeDetail, SHORT));
      const scopes = opt(v.consent, isExactConsent(v.consent));
      const previous = opt(v.previousReferralId, isToken(v.previousReferralId));
      const note = opt(v.note, isExactText(v.note, LONG));
      if (clp < 0 || detail < 0 || scopes < 0 || previous < 0 || note < 0) return -1;
      return 6 + clp + detail + scopes + previous + note;
    }
    case 'details-updated': {
      const a = opt(v.route, isOneOf(v.route, ROUTES));
      const b = opt(v.routeDetail, isExactText(v.routeDetail, SHORT));
      const c = opt(v.reasons, isExactReasons(v.reasons));
      const d = opt(v.urgency, isOneOf(v.urgency, URGENCY));
      const e = opt(v.clpId, isPseudonym(v.clpId));
      if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0 || a + b + c + d + e === 0) return -1;
      return a + b + c + d + e;
    }
    case 'status-changed': {
      const to = v.to;
      if (!isOneOf(to, STATUSES)) return -1;
      const code = opt(v.reasonCode, isOneOf(v.reasonCode, REASON_CODES));
      const result = opt(v.outcome, isExactOutcome(v.outcome));
      if (code < 0 || result < 0 || (result === 1 && to !== 'completed')) return -1;
      return 1 + code + result;
    }
    case 'clp-assigned':
      return isPseudonym(v.clpId) ? 1 : -1;
    case 'consent-given':
    case 'consent-withdrawn':
      return isOneOf(v.scope, SCOPES) ? 1 : -1;
    case 'do-not-contact-set':
    case 'do-not-contact-cleared':
      return 0;
    case 'contact-attempted':
      return isOneOf(v.method, METHODS) && isOneOf(v.outcome, ATTEMPT_OUTCOMES) ? 2 : -1;
    case 'contact-recorded': {
      const minutes = v.durationMinutes;
      return isOneOf(v.setting, SETTINGS) &&
        typeof minutes === 'number' &&
        Number.isInteger(minutes) &&
        minutes >= 1 &&
        minutes <= 600
        ? 2
        : -1;
    }
    case 'goal-added': {
      if (!isToken(v.goalId) || !isExactText(v.statement, LONG) || !isSlug(v.themeId)) return -1;
      const status = opt(v.status, isOneOf(v.status, GOAL_STATUS));
      return status < 0 ? -1 : 3 + status;
    }
    case 'goal-updated': {
      if (!isToken(v.goalId)) return -1;
      const a = opt(v.statement, isExactText(v.statement, LONG));
      const b = opt(v.status, isOneOf(v.status, GOAL_STATUS));
      if (a < 0 || b < 0 || a + b === 0) return -1;
      return 1 + a + b;
    }
    case 'resource-linked': {
      if (!isToken(v.linkId) || !isExactResource(v.resource) || !isOneOf(v.mode, MODES)) return -1;
      const status = opt(v.status, isOneOf(v.status, LINK_STATUSES));
      return status < 0 ? -1 : 3 + status;
    }
    case 'resource-updated': {
      if (!isToken(v.linkId)) return -1;
      const a = opt(v.mode, isOneOf(v.mode, MODES));
      const b = opt(v.status, isOneOf(v.status, LINK_STATUSES));
      if (a < 0 || b < 0 || a + b === 0) return -1;
      return 1 + a + b;
    }
    case 'follow-up-scheduled': {
      if (!isToken(v.followUpId) || !matches(v.due, DATE)) return -1;
      const note = opt(v.note, isExactText(v.note, LONG));
      return note < 0 ? -1 : 2 + note;
    }
    case 'follow-up-done':
      return isToken(v.followUpId) ? 1 : -1;
    case 'outcome-recorded':
      return isExactOutcome(v.outcome) ? 1 : -1;
    case 'note-added':
      return isExactText(v.text, LONG) ? 1 : -1;
    default:
      return -1;
  }
}

/**
 * Whether `input` is certainly a valid referral event and already exactly
 * the value `referralEventSchema` returns for it: nothing to trim, every
 * object an ordinary one (prototype `Object.prototype`) with its keys in
 * schema order, no key present as `undefined`. Then the input can stand in
 * for the schema's copy, equal as a value and in JSON; a `JSON.parse` of an
 * event the toolkit wrote always is. Builds nothing, so it is the cheap
 * check for a fold that keeps events. `false` says nothing about validity:
 * use {@link fastParseReferralEvent}, then the schema.
 */
export function isExactReferralEvent(input: unknown): input is ReferralEvent {
  if (!isOrdinary(input)) return false;
  const v = input;
  const type = v.type;
  if (typeof type !== 'string' || !isToken(v.id) || !isToken(v.referralId) || !matches(v.at, DATE_TIME)) return false;
  const order = ORDER[type];
  if (order === undefined || !Object.hasOwn(ORDER, type) || !isExactActor(v.actor)) return false;
  const reason = v.reason;
  const more = exactFields(type, v);
  if (more < 0) return false;
  if (reason === undefined) return orderedKeyCount(v, order) === 5 + more;
  return isText(reason, LONG, false) && orderedKeyCount(v, order) === 6 + more;
}

/**
 * {@link fastParseReferralEvent} for a fold that keeps events (replay): the
 * input itself when it is certainly valid and already exactly the value the
 * schema returns ({@link isExactReferralEvent}), so nothing is copied; the
 * schema's value when certainly valid but different; `undefined` when not
 * certainly valid (run the schema).
 */
export function fastReferralEventForReplay(input: unknown): ReferralEvent | undefined {
  return isExactReferralEvent(input) ? input : fastParseReferralEvent(input);
}
