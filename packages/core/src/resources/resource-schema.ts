import * as z from 'zod/mini';
import { LIMITS } from '../validation/limits.js';

const text = (max: number) => z.string().check(z.maxLength(max));
const name = z.string().check(z.minLength(1), z.maxLength(LIMITS.shortText));
const optionalText = (max: number) => z.optional(text(max));
/** An http(s) URL; the mappers drop any other scheme (`javascript:`, `data:`…) before it gets here. */
const httpUrl = z
  .string()
  .check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s]+$/i, 'must be a web address starting http:// or https://'));
/** An ISO 8601 date or date-time, as the directories publish them. */
const isoDate = z
  .string()
  .check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
      'must be a date written YYYY-MM-DD or an ISO date-time',
    ),
  );

/** Service status, as HSDS 3.0 defines it. ALISS lists only running services, so its resources are `active`. */
export const RESOURCE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

/** A licence the data is published under. */
export const licenceSchema = z.strictObject({
  /** Short name, e.g. `CC BY 4.0`. */
  name: name,
  url: z.optional(httpUrl),
});

/** One attribution statement a publisher asks re-users to show. */
export const attributionSchema = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(1000)),
  url: z.optional(httpUrl),
});

/** Where a resource came from, under which terms, and how fresh it is. */
export const provenanceSchema = z.strictObject({
  /** The directory's id, e.g. `aliss`, `open-referral-uk`, or a host's own. */
  source: name,
  /** The directory's display name, e.g. `ALISS`. */
  sourceName: name,
  /** The resource's id within that directory. */
  sourceId: name,
  /** The resource's page on the directory, if it has one. */
  url: z.optional(httpUrl),
  licence: licenceSchema,
  attribution: z.array(attributionSchema).check(z.maxLength(50)),
  /** When the listing was last checked as correct (ALISS `last_reviewed`, HSDS `assured_date`). */
  lastReviewed: z.optional(isoDate),
  /** When the listing last changed (ALISS `last_updated`, HSDS `last_modified`). */
  lastUpdated: z.optional(isoDate),
});

/** A category (ALISS category, HSDS taxonomy term). */
export const resourceCategorySchema = z.strictObject({
  name: name,
  slug: text(LIMITS.shortText),
});

/** A place a resource is delivered from, or a virtual location. */
export const resourceLocationSchema = z.strictObject({
  type: z.enum(['physical', 'postal', 'virtual']),
  name: optionalText(LIMITS.shortText),
  /** The address on one line. */
  address: optionalText(1000),
  postcode: optionalText(20),
  latitude: z.optional(z.number().check(z.gte(-90), z.lte(90))),
  longitude: z.optional(z.number().check(z.gte(-180), z.lte(180))),
  url: z.optional(httpUrl),
});

/** An area a resource serves (local authority, health board, country). */
export const serviceAreaSchema = z.strictObject({
  name: name,
  code: optionalText(LIMITS.shortText),
  type: optionalText(LIMITS.shortText),
});

/** How to get in touch with a resource. Organisational details only, as published. */
export const resourceContactSchema = z.strictObject({
  phone: optionalText(LIMITS.shortText),
  email: optionalText(LIMITS.shortText),
  website: z.optional(httpUrl),
  /** Where to make a referral, if the listing gives one. */
  referralUrl: z.optional(httpUrl),
});

/** The organisation that runs a resource. */
export const resourceOrganisationSchema = z.strictObject({
  id: optionalText(LIMITS.shortText),
  name: name,
  url: z.optional(httpUrl),
});

/**
 * One community resource (a service), the same shape whichever directory it
 * came from: ALISS, an Open Referral UK feed, or a host's own list.
 */
export const communityResourceSchema = z.strictObject({
  /** Unique across directories: `<source>:<sourceId>`. */
  id: text(LIMITS.shortText * 2),
  name: name,
  description: text(LIMITS.longText),
  status: z.enum(RESOURCE_STATUSES),
  organisation: z.optional(resourceOrganisationSchema),
  contact: resourceContactSchema,
  categories: z.array(resourceCategorySchema).check(z.maxLength(200)),
  accessibilityFeatures: z.array(text(1000)).check(z.maxLength(200)),
  communityGroups: z.array(text(LIMITS.shortText)).check(z.maxLength(200)),
  locations: z.array(resourceLocationSchema).check(z.maxLength(500)),
  serviceAreas: z.array(serviceAreaSchema).check(z.maxLength(500)),
  eligibility: optionalText(LIMITS.longText),
  fees: optionalText(LIMITS.longText),
  provenance: provenanceSchema,
});
