import * as z from 'zod/mini';
import { LIMITS } from '../validation/limits.js';
import { customMessage } from '../messages/validation.js';

/** Lower-case kebab-case id, e.g. `team-wellbeing`. */
export const slugSchema = z
  .string()
  .check(z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, customMessage('slug', {})));

/** A name or title: trimmed, not empty, at most `LIMITS.shortText` (200) characters. */
export const shortTextSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.shortText));
/** A description or note: may be empty, at most `LIMITS.longText` (10,000) characters. */
export const longTextSchema = z.string().check(z.maxLength(LIMITS.longText));

/** One of the practice capacities a business plan addresses. */
export const capacitySchema = z.strictObject({
  id: slugSchema,
  name: shortTextSchema,
  /** What the practice must show (in the default framework, quoted from the programme). */
  description: z.string().check(z.minLength(1), z.maxLength(LIMITS.longText)),
});

/** One of the self-management themes practices agree focus areas under. */
export const themeSchema = z.strictObject({
  id: slugSchema,
  name: shortTextSchema,
  description: z.string().check(z.minLength(1), z.maxLength(LIMITS.longText)),
});

/** One of the Community Links Practitioner's responsibilities. */
export const responsibilitySchema = z.strictObject({
  id: slugSchema,
  name: shortTextSchema,
  description: z.string().check(z.minLength(1), z.maxLength(LIMITS.longText)),
});

const uniqueIds = (what: string) =>
  z.refine<{ id: string }[]>((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: customMessage('unique-ids', { what }),
  });

/** The versioned framework document a plan is written against. */
export const frameworkSchema = z.strictObject({
  kind: z.literal('links.framework'),
  id: slugSchema,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, customMessage('version-number', {}))),
  name: shortTextSchema,
  source: z.optional(z.string().check(z.maxLength(LIMITS.longText))),
  capacities: z.array(capacitySchema).check(z.minLength(1), z.maxLength(50), uniqueIds('capacity')),
  themes: z.array(themeSchema).check(z.minLength(1), z.maxLength(50), uniqueIds('theme')),
  responsibilities: z.array(responsibilitySchema).check(z.maxLength(50), uniqueIds('responsibility')),
});
