import * as z from 'zod/mini';
import { LIMITS } from '../validation/limits.js';
import { customMessage } from '../messages/validation.js';
import { ALISS_LISTINGS } from './constants.js';

export { ALISS_LISTINGS } from './constants.js';

/** What can happen to a relationship; each is one entry in its history. */
export const NETWORK_EVENT_TYPES = [
  'added',
  'contacted',
  'visited',
  'updated',
  'listing-changed',
  'ended',
  'reactivated',
] as const;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const UK_PHONE = /(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}(?!\d)/;

/**
 * True when text looks like it holds someone's contact details (an e-mail
 * address or a UK phone number). The register keeps roles, not people: this
 * is a guard against slips, not a guarantee.
 */
export function looksLikeContactDetails(text: string): boolean {
  return EMAIL.test(text) || UK_PHONE.test(text);
}

const noContactDetails = z.refine<string>((s) => !looksLikeContactDetails(s), {
  message: customMessage('no-contact-details', {}),
});

/** A calendar date, `YYYY-MM-DD`. */
export const networkDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, customMessage('date-format', {})),
  z.refine((s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'must be a real calendar date written YYYY-MM-DD'),
);

/** A relationship id: lower-case letters, digits and hyphens, e.g. `rel-3`. */
export const relationshipIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, customMessage('register-id', {})));

/** A contact role: who, by job, not by name ("volunteer coordinator"). */
export const contactRoleSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), noContactDetails);

/** An optional label staff choose to tell contacts apart ("Tuesday group lead"); no names or contact details. */
export const contactLabelSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), noContactDetails);

/** A short note on an event; no personal contact details. */
export const networkNoteSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(1000), noContactDetails);

const httpUrl = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/\S+$/i, customMessage('web-address', {})));

/** The community organisation a relationship is with. */
export const networkOrganisationSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.shortText)),
  /** The organisation's resource in a directory, e.g. `aliss:…`, when it has one. */
  resourceId: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.shortText * 2))),
  website: z.optional(httpUrl),
});

/** One entry in a relationship's history: what happened, when, who (by role), and why. */
export const networkEventSchema = z.strictObject({
  type: z.enum(NETWORK_EVENT_TYPES),
  on: networkDateSchema,
  /** The role of whoever recorded it, e.g. `CLP`. */
  by: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100), noContactDetails)),
  note: z.optional(networkNoteSchema),
  /** For `added` and `listing-changed`: the ALISS listing from then on. */
  listing: z.optional(z.enum(ALISS_LISTINGS)),
  /** For `updated`: which fields changed. */
  changed: z.optional(z.array(z.enum(['organisation', 'contactRole', 'contactLabel'])).check(z.maxLength(3))),
});

/** A relationship between the practice (and its CLP) and a community organisation. */
export const relationshipSchema = z.strictObject({
  id: relationshipIdSchema,
  organisation: networkOrganisationSchema,
  contactRole: contactRoleSchema,
  contactLabel: z.optional(contactLabelSchema),
  alissListing: z.enum(ALISS_LISTINGS),
  status: z.enum(['active', 'ended']),
  /** When the relationship was added. */
  since: networkDateSchema,
  /** The latest contact or visit. */
  lastContact: z.optional(networkDateSchema),
  /** Visits made to the organisation. */
  visits: z.number().check(z.int(), z.gte(0), z.lte(100_000)),
  history: z.array(networkEventSchema).check(z.minLength(1), z.maxLength(LIMITS.listItems)),
});

/** The register document: every relationship, each with its history. */
export const networkRegisterSchema = z.strictObject({
  kind: z.literal('links.network-register'),
  version: z.literal(1),
  /** The practice the register belongs to (a host's id, not a name). */
  practiceId: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.shortText))),
  relationships: z.array(relationshipSchema).check(
    z.maxLength(LIMITS.listItems),
    z.refine(
      (items) => new Set(items.map((r) => r.id)).size === items.length,
      'must not repeat an id: each relationship needs its own id',
    ),
  ),
});
