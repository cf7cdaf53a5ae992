import { produce, type Draft } from 'immer';
import * as z from 'zod/mini';
import { networkMessage, type NetworkMessageCode, type NetworkMessageParams } from '../messages/network.js';
import { parseWith } from '../validation/parse.js';
import { messageCodeOf, type Result, type ValidationIssue } from '../validation/result.js';
import { LIMITS } from '../validation/limits.js';
import {
  ALISS_LISTINGS,
  contactLabelSchema,
  contactRoleSchema,
  networkDateSchema,
  networkNoteSchema,
  networkOrganisationSchema,
  networkRegisterSchema,
  relationshipIdSchema,
} from './schema.js';
import type { AlissListing, NetworkEvent, NetworkRegister, Relationship } from './types.js';

/** What every register operation returns: the new register (the input is untouched), or why not. */
export type RegisterResult = Result<NetworkRegister>;

export { createNetworkRegister } from './constants.js';

/** Validates a register read from storage or a file; errors have JSON paths. */
export function validateNetworkRegister(input: unknown): RegisterResult {
  const parsed = parseWith(networkRegisterSchema, input);
  if (!parsed.ok) return parsed;
  const rules = checkRules(parsed.value);
  return rules.length > 0 ? { ok: false, errors: rules } : parsed;
}

/** Rules across fields: dates in order, last contact matching the history. */
function checkRules(register: NetworkRegister): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  register.relationships.forEach((r, i) => {
    if (r.lastContact && r.lastContact < r.since)
      issues.push(networkIssue(`relationships[${i}].lastContact`, 'network.last-contact-before-since', {}));
    if (r.history[0]?.type !== 'added')
      issues.push(networkIssue(`relationships[${i}].history[0].type`, 'network.history-starts-added', {}));
  });
  return issues;
}

/** Who records a change, and when. */
export interface NetworkChangeContext {
  /** The date it happened, `YYYY-MM-DD`. */
  readonly on: string;
  /** The recorder's role, e.g. `CLP` (not a name). */
  readonly by?: string;
  /** Why, or what was discussed (no personal contact details). */
  readonly note?: string;
}

const contextSchema = z.strictObject({
  on: networkDateSchema,
  by: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  note: z.optional(networkNoteSchema),
});

/** What a new relationship needs. */
export interface NewRelationship {
  /** An id; by default the next free `rel-N`. */
  readonly id?: string;
  readonly organisation: { readonly name: string; readonly resourceId?: string; readonly website?: string };
  readonly contactRole: string;
  readonly contactLabel?: string;
  /** Default `not-listed`. */
  readonly alissListing?: AlissListing;
}

const newRelationshipSchema = z.strictObject({
  id: z.optional(relationshipIdSchema),
  organisation: networkOrganisationSchema,
  contactRole: contactRoleSchema,
  contactLabel: z.optional(contactLabelSchema),
  alissListing: z.optional(z.enum(ALISS_LISTINGS)),
});

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function check<S extends z.ZodMiniType>(schema: S, input: unknown, prefix: string): Result<z.infer<S>> {
  const cleaned = input && typeof input === 'object' && !Array.isArray(input) ? dropUndefined(input as object) : input;
  const parsed = parseWith(schema, cleaned);
  if (parsed.ok) return parsed as Result<z.infer<S>>;
  return {
    ok: false,
    errors: parsed.errors.map((e) => ({
      path: prefix && e.path ? `${prefix}.${e.path}` : prefix || e.path,
      message: e.message,
      ...messageCodeOf(e),
    })),
  };
}

/** An issue at `path` with its message code, parameters and English. */
function networkIssue<C extends NetworkMessageCode>(
  path: string,
  messageCode: C,
  params: NetworkMessageParams[C],
): ValidationIssue {
  return { path, message: networkMessage(messageCode, params), messageCode, params };
}

function fail<C extends NetworkMessageCode>(
  path: string,
  messageCode: C,
  params: NetworkMessageParams[C],
): { ok: false; errors: ValidationIssue[] } {
  return { ok: false, errors: [networkIssue(path, messageCode, params)] };
}

function event(
  type: NetworkEvent['type'],
  ctx: z.infer<typeof contextSchema>,
  extra: Partial<NetworkEvent> = {},
): NetworkEvent {
  return { type, on: ctx.on, ...(ctx.by ? { by: ctx.by } : {}), ...(ctx.note ? { note: ctx.note } : {}), ...extra };
}

function nextId(relationships: readonly Relationship[]): string {
  let highest = 0;
  for (const r of relationships) {
    const match = /^rel-(\d+)$/.exec(r.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `rel-${highest + 1}`;
}

function locate(register: NetworkRegister, id: string): Result<number> {
  const index = register.relationships.findIndex((r) => r.id === id);
  return index < 0 ? fail('id', 'network.unknown-relationship', { id: String(id) }) : { ok: true, value: index };
}

function commit(register: NetworkRegister, recipe: (draft: Draft<NetworkRegister>) => void): RegisterResult {
  const next = produce(register, recipe);
  const checked = validateNetworkRegister(next);
  return checked.ok ? { ok: true, value: next } : checked;
}

/**
 * Adds a relationship with an organisation. Refused when an active
 * relationship with the same organisation (by name, any case, or by
 * directory resource) is already there.
 */
export function addRelationship(
  register: NetworkRegister,
  input: NewRelationship,
  context: NetworkChangeContext,
): RegisterResult {
  const data = check(newRelationshipSchema, input, '');
  if (!data.ok) return data;
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  if (register.relationships.length >= LIMITS.listItems)
    return fail('relationships', 'network.register-full', { maximum: LIMITS.listItems });
  const name = data.value.organisation.name.toLowerCase();
  const resourceId = data.value.organisation.resourceId;
  const duplicate = register.relationships.find(
    (r) =>
      r.status === 'active' &&
      (r.organisation.name.toLowerCase() === name || (resourceId && r.organisation.resourceId === resourceId)),
  );
  if (duplicate) return fail('organisation.name', 'network.organisation-active', { id: duplicate.id });
  const id = data.value.id ?? nextId(register.relationships);
  if (register.relationships.some((r) => r.id === id)) return fail('id', 'network.id-taken', { id });
  const listing = data.value.alissListing ?? 'not-listed';
  const relationship: Relationship = {
    id,
    organisation: data.value.organisation,
    contactRole: data.value.contactRole,
    ...(data.value.contactLabel ? { contactLabel: data.value.contactLabel } : {}),
    alissListing: listing,
    status: 'active',
    since: ctx.value.on,
    visits: 0,
    history: [event('added', ctx.value, { listing })],
  };
  return commit(register, (draft) => {
    draft.relationships.push(relationship);
  });
}

/** Changes to a relationship's details. `contactLabel: null` removes the label. */
export interface RelationshipChanges {
  readonly organisation?: { readonly name: string; readonly resourceId?: string; readonly website?: string };
  readonly contactRole?: string;
  readonly contactLabel?: string | null;
}

const changesSchema = z.strictObject({
  organisation: z.optional(networkOrganisationSchema),
  contactRole: z.optional(contactRoleSchema),
  contactLabel: z.optional(z.nullable(contactLabelSchema)),
});

/** Updates a relationship's organisation, contact role or label, and records which changed. */
export function updateRelationship(
  register: NetworkRegister,
  id: string,
  changes: RelationshipChanges,
  context: NetworkChangeContext,
): RegisterResult {
  const at = locate(register, id);
  if (!at.ok) return at;
  const data = check(changesSchema, changes, 'changes');
  if (!data.ok) return data;
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  const current = register.relationships[at.value]!;
  const changed: ('organisation' | 'contactRole' | 'contactLabel')[] = [];
  if (data.value.organisation && JSON.stringify(data.value.organisation) !== JSON.stringify(current.organisation))
    changed.push('organisation');
  if (data.value.contactRole !== undefined && data.value.contactRole !== current.contactRole)
    changed.push('contactRole');
  if (data.value.contactLabel !== undefined && (data.value.contactLabel ?? undefined) !== current.contactLabel)
    changed.push('contactLabel');
  if (changed.length === 0) return { ok: true, value: register };
  if (ctx.value.on < current.since) return fail('context.on', 'network.before-since', {});
  return commit(register, (draft) => {
    const r = draft.relationships[at.value]!;
    if (changed.includes('organisation')) r.organisation = data.value.organisation!;
    if (changed.includes('contactRole')) r.contactRole = data.value.contactRole!;
    if (changed.includes('contactLabel')) {
      if (data.value.contactLabel) r.contactLabel = data.value.contactLabel;
      else delete r.contactLabel;
    }
    r.history.push(event('updated', ctx.value, { changed }));
  });
}

/**
 * Records a contact (phone, e-mail, meeting) or a visit to the organisation.
 * A visit also counts towards `visits`. The last contact is the latest date
 * recorded, so entering an older contact afterwards keeps the newer one.
 */
export function recordContact(
  register: NetworkRegister,
  id: string,
  kind: 'contact' | 'visit',
  context: NetworkChangeContext,
): RegisterResult {
  const at = locate(register, id);
  if (!at.ok) return at;
  if (kind !== 'contact' && kind !== 'visit') return fail('kind', 'network.contact-kind', {});
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  const current = register.relationships[at.value]!;
  if (current.status === 'ended') return fail('id', 'network.ended-no-contact', {});
  if (ctx.value.on < current.since) return fail('context.on', 'network.before-since', {});
  return commit(register, (draft) => {
    const r = draft.relationships[at.value]!;
    if (!r.lastContact || ctx.value.on > r.lastContact) r.lastContact = ctx.value.on;
    if (kind === 'visit') r.visits += 1;
    r.history.push(event(kind === 'visit' ? 'visited' : 'contacted', ctx.value));
  });
}

/** Records whether the organisation is on ALISS (listed, not listed, or helped to list). */
export function setAlissListing(
  register: NetworkRegister,
  id: string,
  listing: AlissListing,
  context: NetworkChangeContext,
): RegisterResult {
  const at = locate(register, id);
  if (!at.ok) return at;
  if (!(ALISS_LISTINGS as readonly string[]).includes(listing))
    return fail('listing', 'network.listing', { listings: ALISS_LISTINGS });
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  const current = register.relationships[at.value]!;
  if (current.alissListing === listing) return { ok: true, value: register };
  if (ctx.value.on < current.since) return fail('context.on', 'network.before-since', {});
  return commit(register, (draft) => {
    const r = draft.relationships[at.value]!;
    r.alissListing = listing;
    r.history.push(event('listing-changed', ctx.value, { listing }));
  });
}

/** Ends a relationship (kept, with its history, for the record). A reason is required. */
export function endRelationship(register: NetworkRegister, id: string, context: NetworkChangeContext): RegisterResult {
  const at = locate(register, id);
  if (!at.ok) return at;
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  if (!ctx.value.note) return fail('context.note', 'network.end-reason-required', {});
  const current = register.relationships[at.value]!;
  if (current.status === 'ended') return fail('id', 'network.already-ended', {});
  if (ctx.value.on < current.since) return fail('context.on', 'network.before-since', {});
  return commit(register, (draft) => {
    const r = draft.relationships[at.value]!;
    r.status = 'ended';
    r.history.push(event('ended', ctx.value));
  });
}

/** Takes up an ended relationship again. */
export function reactivateRelationship(
  register: NetworkRegister,
  id: string,
  context: NetworkChangeContext,
): RegisterResult {
  const at = locate(register, id);
  if (!at.ok) return at;
  const ctx = check(contextSchema, context, 'context');
  if (!ctx.ok) return ctx;
  const current = register.relationships[at.value]!;
  if (current.status === 'active') return fail('id', 'network.already-active', {});
  const name = current.organisation.name.toLowerCase();
  if (
    register.relationships.some(
      (r) => r.id !== id && r.status === 'active' && r.organisation.name.toLowerCase() === name,
    )
  ) {
    return fail('id', 'network.reactivate-duplicate', {});
  }
  if (ctx.value.on < current.since) return fail('context.on', 'network.before-since', {});
  return commit(register, (draft) => {
    const r = draft.relationships[at.value]!;
    r.status = 'active';
    r.history.push(event('reactivated', ctx.value));
  });
}
