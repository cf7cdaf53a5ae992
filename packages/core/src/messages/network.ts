/**
 * The network register's rule issues and refusals as codes with parameters,
 * and their English. Every issue the register's operations and
 * `validateNetworkRegister` report beyond the schema carries one of these
 * codes as `messageCode` with `params`; its English `message` is rendered
 * here, so it is written once.
 */
import type { MessageRenderers } from './types.js';

/** The parameters of each network register message code. */
export interface NetworkMessageParams {
  /** A last contact dated before the relationship began. */
  readonly 'network.last-contact-before-since': Record<string, never>;
  /** A history whose first entry is not `added`. */
  readonly 'network.history-starts-added': Record<string, never>;
  /** No relationship with the id `id`. */
  readonly 'network.unknown-relationship': { readonly id: string };
  /** The register holds the most relationships allowed. */
  readonly 'network.register-full': { readonly maximum: number };
  /** An active relationship (id `id`) with the same organisation. */
  readonly 'network.organisation-active': { readonly id: string };
  /** A new relationship's id that another has already. */
  readonly 'network.id-taken': { readonly id: string };
  /** A change dated before the relationship began. */
  readonly 'network.before-since': Record<string, never>;
  /** A kind of contact that is neither `contact` nor `visit`. */
  readonly 'network.contact-kind': Record<string, never>;
  /** Contact recorded with a relationship that has ended. */
  readonly 'network.ended-no-contact': Record<string, never>;
  /** An ALISS listing that is not one of `listings`. */
  readonly 'network.listing': { readonly listings: readonly string[] };
  /** Ending a relationship without saying why. */
  readonly 'network.end-reason-required': Record<string, never>;
  readonly 'network.already-ended': Record<string, never>;
  readonly 'network.already-active': Record<string, never>;
  /** Reactivating while another active relationship is with the same organisation. */
  readonly 'network.reactivate-duplicate': Record<string, never>;
}

/** A network register message code. */
export type NetworkMessageCode = keyof NetworkMessageParams;

/** The English of every network register message code (each a predicate after the field's path). */
export const NETWORK_MESSAGES_EN: MessageRenderers<NetworkMessageParams> = {
  'network.last-contact-before-since': () => 'must not be before the relationship began (since)',
  'network.history-starts-added': () => 'must be "added": a history starts when the relationship is added',
  'network.unknown-relationship': (p) => `has no relationship with the id "${p.id}"`,
  'network.register-full': (p) => `already has the most entries allowed (${p.maximum})`,
  'network.organisation-active': (p) => `already has an active relationship in the register ("${p.id}")`,
  'network.id-taken': (p) => `repeats the id "${p.id}": each relationship needs its own id`,
  'network.before-since': () => 'must not be before the relationship began',
  'network.contact-kind': () => 'must be "contact" or "visit"',
  'network.ended-no-contact': () => 'is a relationship that has ended: reactivate it before recording contact',
  'network.listing': (p) => `must be one of ${p.listings.map((l) => `"${l}"`).join(', ')}`,
  'network.end-reason-required': () => 'is required: say why the relationship ended',
  'network.already-ended': () => 'is a relationship that has already ended',
  'network.already-active': () => 'is a relationship that is already active',
  'network.reactivate-duplicate': () =>
    'cannot be reactivated: another active relationship is with the same organisation',
};

/** The English for a network register message code and its parameters. */
export function networkMessage<C extends NetworkMessageCode>(code: C, params: NetworkMessageParams[C]): string {
  return (NETWORK_MESSAGES_EN[code] as (p: NetworkMessageParams[C]) => string)(params);
}
