import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type { NetworkMessageParams } from '@links-approach/core/network';

/*
 * The network register's rule issues and refusals (core's
 * `NETWORK_MESSAGES_EN`), through msg(): `issueText` renders an issue whose
 * `messageCode` is `network.*` with this map in a locale other than the
 * source locale.
 */

/** The network register's messages, by code. */
export const NETWORK_ISSUES: Partial<MessageRenderers<NetworkMessageParams>> = {
  'network.last-contact-before-since': () =>
    msg('must not be before the relationship began (since)', { id: 'network-issue.last-contact-before-since' }),
  'network.history-starts-added': () =>
    msg('must be "added": a history starts when the relationship is added', {
      id: 'network-issue.history-starts-added',
    }),
  'network.unknown-relationship': (p) =>
    msg(str`has no relationship with the id "${p.id}"`, { id: 'network-issue.unknown-relationship' }),
  'network.register-full': (p) =>
    msg(str`already has the most entries allowed (${p.maximum})`, { id: 'network-issue.register-full' }),
  'network.organisation-active': (p) =>
    msg(str`already has an active relationship in the register ("${p.id}")`, {
      id: 'network-issue.organisation-active',
    }),
  'network.id-taken': (p) =>
    msg(str`repeats the id "${p.id}": each relationship needs its own id`, { id: 'network-issue.id-taken' }),
  'network.before-since': () => msg('must not be before the relationship began', { id: 'network-issue.before-since' }),
  'network.contact-kind': () => msg('must be "contact" or "visit"', { id: 'network-issue.contact-kind' }),
  'network.ended-no-contact': () =>
    msg('is a relationship that has ended: reactivate it before recording contact', {
      id: 'network-issue.ended-no-contact',
    }),
  'network.listing': (p) => {
    const listings = p.listings.map((l) => `"${l}"`).join(', ');
    return msg(str`must be one of ${listings}`, { id: 'network-issue.listing' });
  },
  'network.end-reason-required': () =>
    msg('is required: say why the relationship ended', { id: 'network-issue.end-reason-required' }),
  'network.already-ended': () => msg('is a relationship that has already ended', { id: 'network-issue.already-ended' }),
  'network.already-active': () =>
    msg('is a relationship that is already active', { id: 'network-issue.already-active' }),
  'network.reactivate-duplicate': () =>
    msg('cannot be reactivated: another active relationship is with the same organisation', {
      id: 'network-issue.reactivate-duplicate',
    }),
};
