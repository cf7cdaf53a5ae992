import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { parseWith, formatIssues } from '@links-approach/core';
import { practiceSchema, type Practice } from '@links-approach/core/plan';
import { SERVICE_ROLES, type ServiceRole } from '@links-approach/core/access';

/** A member of staff as configuration knows them: an id (the token's user claim), a role and practices. */
export interface Person {
  readonly id: string;
  /** A display name for lists (staff, never a patient). */
  readonly name: string;
  readonly role: ServiceRole;
  readonly practices: readonly string[];
}

const idSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be an id: letters, digits, ".", "_", ":" or "-"'));

/** A person in the configuration file. */
export const personSchema = z.strictObject({
  id: idSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  role: z.enum(SERVICE_ROLES),
  practices: z.array(idSchema).check(z.maxLength(500)),
});

/** The configuration file (`--config FILE`): the practices the service serves and, optionally, its people. */
export const serviceConfigSchema = z.strictObject({
  kind: z.literal('links.service-config'),
  practices: z.array(practiceSchema).check(z.maxLength(10_000)),
  people: z.optional(z.array(personSchema).check(z.maxLength(100_000))),
});

/** Practices and people the service runs with. */
export interface ServiceConfig {
  readonly practices: readonly Practice[];
  readonly people: readonly Person[];
}

/** Reads and checks a configuration file; throws an Error with every problem in plain English. */
export function readServiceConfig(file: string): ServiceConfig {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const parsed = parseWith(serviceConfigSchema, data);
  if (!parsed.ok) throw new Error(`${file} is not a valid service configuration:\n${formatIssues(parsed.errors)}`);
  return { practices: parsed.value.practices as Practice[], people: parsed.value.people ?? [] };
}

/** The demonstration practices of `--dev-auth` (synthetic). */
export const DEMO_PRACTICES: readonly Practice[] = Object.freeze([
  {
    id: 'practice-ash',
    name: 'Ash Street Medical Practice',
    cohort: 'programme',
    listSize: 6200,
    locality: 'Demo HSCP (North)',
  },
  {
    id: 'practice-birch',
    name: 'Birch Road Health Centre',
    cohort: 'programme',
    listSize: 9100,
    locality: 'Demo HSCP (South)',
  },
  {
    id: 'practice-cedar',
    name: 'Cedar Lane Surgery',
    cohort: 'comparison',
    listSize: 7400,
    locality: 'Demo HSCP (South)',
  },
]);

/**
 * The fixed demo users of `--dev-auth` (documented in docs/guides/server.md):
 * a GP at each of two practices, a CLP at each, a practice manager, an
 * evaluator and an administrator.
 */
export const DEMO_PEOPLE: readonly Person[] = Object.freeze([
  { id: 'gp-ash', name: 'Dr A. Demo (GP, Ash Street)', role: 'referrer', practices: ['practice-ash'] },
  { id: 'gp-birch', name: 'Dr B. Demo (GP, Birch Road)', role: 'referrer', practices: ['practice-birch'] },
  { id: 'clp-ash', name: 'C. Demo (CLP, Ash Street)', role: 'clp', practices: ['practice-ash'] },
  {
    id: 'clp-birch',
    name: 'D. Demo (CLP, Birch Road and Cedar Lane)',
    role: 'clp',
    practices: ['practice-birch', 'practice-cedar'],
  },
  {
    id: 'pm-ash',
    name: 'E. Demo (practice manager, Ash Street)',
    role: 'practice-manager',
    practices: ['practice-ash'],
  },
  {
    id: 'pm-birch',
    name: 'F. Demo (practice manager, Birch Road)',
    role: 'practice-manager',
    practices: ['practice-birch'],
  },
  { id: 'evaluator', name: 'G. Demo (programme evaluator)', role: 'evaluator', practices: [] },
  { id: 'admin', name: 'H. Demo (service administrator)', role: 'administrator', practices: [] },
]);
