import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type { StoreMessageParams } from '@links-approach/core/store';

/*
 * The stores' and the service client's own messages (core's
 * `STORE_MESSAGES_EN`: a save or an append refused, the Links service not
 * reached, …), through msg(): `issueText` renders a store error whose
 * `messageCode` is `store.*` or `service.*` with this map in a locale other
 * than the source locale. A message the service wrote without a code is
 * shown as it came.
 */

/** The store and service messages, by code. */
export const STORE_ISSUES: Partial<MessageRenderers<StoreMessageParams>> = {
  'store.expected-revision': () =>
    msg('must be the revision the edit started from: a whole number, 0 for a new document', {
      id: 'store-issue.expected-revision',
    }),
  'store.nothing-stored': (p) =>
    msg(str`expected revision ${p.expected}, but nothing is stored under this id`, {
      id: 'store-issue.nothing-stored',
    }),
  'store.newer-revision': (p) =>
    msg(
      str`expected revision ${p.expected}, but revision ${p.current} is stored (saved by ${p.savedBy} at ${p.savedAt}): someone else saved a newer version`,
      { id: 'store-issue.newer-revision' },
    ),
  'store.not-a-document': () => msg('must be a document (an object)', { id: 'store-issue.not-a-document' }),
  'store.document-id': () => msg('must be the id of the document (text)', { id: 'store-issue.document-id' }),
  'store.referral-id': () => msg('must be the id of the referral (text)', { id: 'store-issue.referral-id' }),
  'store.expected-version': () =>
    msg('must be the stream version the event was written against: a whole number, 0 for a new referral', {
      id: 'store-issue.expected-version',
    }),
  'store.idempotency-key': () =>
    msg('must be 1 to 200 visible ASCII characters, unique to this event (a UUID is ideal)', {
      id: 'store-issue.idempotency-key',
    }),
  'store.idempotency-key-missing': () =>
    msg('An append needs an idempotency key.', { id: 'store-issue.idempotency-key-missing' }),
  'store.no-referral': () => msg('The event names no referral.', { id: 'store-issue.no-referral' }),
  'store.stream-moved': (p) =>
    msg(str`The referral has changed since this was written (it is at version ${p.current}, not ${p.expected}).`, {
      id: 'store-issue.stream-moved',
    }),
  'store.sign-in-again': () =>
    msg('You are not signed in to the Links service (or your sign-in has expired): sign in again.', {
      id: 'store-issue.sign-in-again',
    }),
  'store.sign-in-kept': () =>
    msg(
      'You are not signed in to the Links service (or your sign-in has expired). The change is kept and will be sent once you sign in again.',
      { id: 'store-issue.sign-in-kept' },
    ),
  'store.offline-no-owner': () =>
    msg(
      'The service could not be reached, and no one is signed in on this page (or the sign-in could not be renewed without a connection), so the change could not be kept for the person who made it. Nothing was recorded: sign in, then record it again.',
      { id: 'store-issue.offline-no-owner' },
    ),
  'store.offline-not-loaded': () =>
    msg(
      'The service could not be reached, and this referral has not been loaded on this device, so the change could not be kept. Nothing was recorded.',
      { id: 'store-issue.offline-not-loaded' },
    ),
  'store.offline-not-kept': (p) =>
    msg(
      str`The service could not be reached, and the change could not be kept on this device (${p.why}). Nothing was recorded.`,
      { id: 'store-issue.offline-not-kept' },
    ),
  'store.offline': () => msg('The service could not be reached.', { id: 'store-issue.offline' }),
  'store.key-used-by-another': () =>
    msg('is already used by a change kept on this device for another person: give each event a key of its own', {
      id: 'store-issue.key-used-by-another',
    }),
  'service.no-fetch': () =>
    msg('This platform has no fetch: the Links service cannot be reached.', { id: 'store-issue.service-no-fetch' }),
  'service.timeout': (p) =>
    msg(str`The Links service did not answer within ${p.seconds} seconds.`, { id: 'store-issue.service-timeout' }),
  'service.unreachable': () =>
    msg('The Links service could not be reached (no connection?).', { id: 'store-issue.service-unreachable' }),
  'service.not-signed-in': () =>
    msg('You are not signed in to the Links service, or your sign-in has expired: sign in again.', {
      id: 'store-issue.service-not-signed-in',
    }),
  'service.forbidden': () => msg('Your role may not do this.', { id: 'store-issue.service-forbidden' }),
  'service.not-found': () =>
    msg('There is no such record among your practices.', { id: 'store-issue.service-not-found' }),
  'service.busy': () => msg('The Links service is busy: try again in a minute.', { id: 'store-issue.service-busy' }),
  'service.unavailable': () =>
    msg('The Links service is not available just now: try again shortly.', { id: 'store-issue.service-unavailable' }),
  'service.refused': (p) =>
    msg(str`The Links service refused the request (HTTP ${p.status}).`, { id: 'store-issue.service-refused' }),
};
