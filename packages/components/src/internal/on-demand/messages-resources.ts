import { msg, str } from '@lit/localize';
import type { MessageRenderers } from '@links-approach/core';
import type { DirectoryIssueParams, DirectoryMessageParams } from '@links-approach/core/resources';

/*
 * The community resource directories' messages (core's
 * `DIRECTORY_MESSAGES_EN`: a search that cannot be sent or failed, a query
 * field that is not right), through msg(): `issueText` renders a message
 * whose `messageCode` is `directory.*` with this map in a locale other than
 * the source locale. The directory's name, an HTTP status and the text a
 * directory or the platform wrote itself stay as written; a malformed
 * answer's technical detail (English from the parser) is left out.
 */

/** A query field's problem, after the field's name. */
const DIRECTORY_ISSUES: MessageRenderers<DirectoryIssueParams> = {
  'directory.query-not-object': () => msg('must be an object', { id: 'directory-issue.query-not-object' }),
  'directory.text-not-text': () => msg('must be text', { id: 'directory-issue.text-not-text' }),
  'directory.text-too-long': (p) =>
    msg(str`must be at most ${p.maximum} characters`, { id: 'directory-issue.text-too-long' }),
  'directory.postcode': () => msg('must be a UK postcode, e.g. "G40 1AA"', { id: 'directory-issue.postcode' }),
  'directory.radius': (p) =>
    msg(str`must be a whole number of metres from 1 to ${p.maximum}`, { id: 'directory-issue.radius' }),
  'directory.category': () =>
    msg('must be a category id made of letters, digits, "-", "_", "." or ":"', { id: 'directory-issue.category' }),
  'directory.location-type': () => msg('must be "local" or "national"', { id: 'directory-issue.location-type' }),
  'directory.limit': (p) => msg(str`must be a whole number from 1 to ${p.maximum}`, { id: 'directory-issue.limit' }),
  'directory.cursor': () => msg('is not a cursor this directory gave', { id: 'directory-issue.cursor' }),
  'directory.postcode-aliss': () => msg('is required by ALISS', { id: 'directory-issue.postcode-aliss' }),
  'directory.id-aliss': () => msg('is not an ALISS service id', { id: 'directory-issue.id-aliss' }),
  'directory.id-feed': () => msg('is not a service id', { id: 'directory-issue.id-feed' }),
};

/** A network failure's known cause, or the platform's own words as written. */
const cause = (p: { readonly cause?: string | undefined; readonly detail?: string | undefined }): string => {
  switch (p.cause) {
    case 'ECONNREFUSED':
      return msg('connection refused', { id: 'directory-issue.cause.refused' });
    case 'ECONNRESET':
      return msg('connection reset', { id: 'directory-issue.cause.reset' });
    case 'ENOTFOUND':
      return msg('address not found', { id: 'directory-issue.cause.not-found' });
    case 'EAI_AGAIN':
      return msg('address lookup failed', { id: 'directory-issue.cause.lookup' });
    case 'ETIMEDOUT':
      return msg('connection timed out', { id: 'directory-issue.cause.timed-out' });
    case 'UND_ERR_SOCKET':
      return msg('connection closed', { id: 'directory-issue.cause.closed' });
    default:
      return p.detail || msg('unknown network error', { id: 'directory-issue.cause.unknown' });
  }
};

/** The directories' messages, by code. */
export const DIRECTORY_MESSAGES: Partial<MessageRenderers<DirectoryMessageParams>> = {
  ...DIRECTORY_ISSUES,
  'directory.cannot-send': (p) => {
    const render = DIRECTORY_ISSUES[p.issue] as ((params: typeof p) => string) | undefined;
    const problem = render ? render(p) : '';
    return p.field
      ? msg(str`The search cannot be sent: ${p.field} ${problem}.`, { id: 'directory-issue.cannot-send-field' })
      : msg(str`The search cannot be sent: ${problem}.`, { id: 'directory-issue.cannot-send' });
  },
  'directory.cursor-unknown': (p) =>
    p.from === 'aliss'
      ? msg('The search cannot be continued: the cursor is not one ALISS gave.', {
          id: 'directory-issue.cursor-unknown-aliss',
        })
      : p.from === 'feed'
        ? msg('The search cannot be continued: the cursor is not one this feed gave.', {
            id: 'directory-issue.cursor-unknown-feed',
          })
        : msg('The search cannot be continued: the cursor is not one this directory gave.', {
            id: 'directory-issue.cursor-unknown',
          }),
  'directory.aliss-needs-postcode': () =>
    msg('ALISS needs a postcode to search around.', { id: 'directory-issue.aliss-needs-postcode' }),
  'directory.not-an-id': (p) =>
    p.from === 'aliss'
      ? msg('That is not an ALISS service id.', { id: 'directory-issue.not-an-id-aliss' })
      : msg('That is not a service id of this feed.', { id: 'directory-issue.not-an-id-feed' }),
  'directory.no-fetch': (p) =>
    msg(str`Cannot reach ${p.source}: this platform has no fetch.`, { id: 'directory-issue.no-fetch' }),
  'directory.timeout': (p) => {
    if (p.timeoutMs < 1000)
      return msg(str`${p.source} did not answer in time (milliseconds: ${p.timeoutMs}).`, {
        id: 'directory-issue.timeout-ms',
      });
    const seconds = Number((p.timeoutMs / 1000).toFixed(1));
    return msg(str`${p.source} did not answer in time (seconds: ${seconds}).`, { id: 'directory-issue.timeout' });
  },
  'directory.unreachable': (p) => {
    const why = cause(p);
    return msg(str`Could not reach ${p.source} (${p.host}): ${why}.`, { id: 'directory-issue.unreachable' });
  },
  'directory.connection-broke': (p) => {
    const why = cause(p);
    return msg(str`The connection to ${p.source} broke while reading its answer: ${why}.`, {
      id: 'directory-issue.connection-broke',
    });
  },
  'directory.http-error': (p) =>
    p.detail
      ? msg(str`${p.source} answered with an error (HTTP ${p.status}): ${p.detail}.`, {
          id: 'directory-issue.http-error-detail',
        })
      : msg(str`${p.source} answered with an error (HTTP ${p.status}).`, { id: 'directory-issue.http-error' }),
  'directory.malformed': (p) =>
    p.detail === undefined
      ? msg(str`${p.source} sent an answer this toolkit cannot read.`, { id: 'directory-issue.malformed-plain' })
      : p.path
        ? msg(str`${p.source} sent an answer this toolkit cannot read (problems: ${p.problems}; first at ${p.path}).`, {
            id: 'directory-issue.malformed-at',
          })
        : msg(str`${p.source} sent an answer this toolkit cannot read (problems: ${p.problems}).`, {
            id: 'directory-issue.malformed',
          }),
  'directory.aborted': () => msg('The search was cancelled.', { id: 'directory-issue.aborted' }),
};
