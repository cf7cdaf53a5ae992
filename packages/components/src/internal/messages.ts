import { renderWith, type MessageParams } from '@links-approach/core';
import { getLocale, localeMessageMaps, SOURCE_LOCALE } from './localization.js';

/*
 * Core's messages for people (workflow refusals, validation issues) in the
 * page's locale. Core gives each one as a code with parameters beside its
 * English text; in the source locale the elements show core's English as
 * it is, and in any other they render the code through the msg()-based maps
 * (as zod renders an issue from `issue.code` through a per-locale map). A
 * code these maps do not know falls back to core's English.
 *
 * The maps themselves are in `on-demand/message-maps.ts`: a page in English
 * never needs them, so they load with a translation (`setLocale`,
 * `loadLinksTemplates`), and are there by the time the page shows it.
 */

/** A refusal as core gives it: `Rejection` from `applyEvent`, or a store's refusal. */
export interface CodedRefusal {
  readonly code: string;
  readonly reason: string;
  readonly params?: MessageParams;
}

/** A validation issue as core gives it. */
export interface CodedIssue {
  readonly message: string;
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

const localised = (): boolean => getLocale() !== SOURCE_LOCALE;

/** A refusal's reason in the page's locale. */
export function refusalText(refusal: CodedRefusal): string {
  const maps = localised() ? localeMessageMaps() : undefined;
  if (!maps || !refusal.params) return refusal.reason;
  return renderWith(maps.REFUSALS, refusal.code, refusal.params) ?? refusal.reason;
}

/** A validation issue's message in the page's locale ("must not be empty"). */
export function issueText(issue: CodedIssue): string {
  const maps = localised() ? localeMessageMaps() : undefined;
  if (!maps || !issue.messageCode) return issue.message;
  const text = renderWith(maps.ISSUES, issue.messageCode, issue.params);
  if (text !== undefined) return text;
  for (const map of maps.RULE_ISSUES) {
    const rule = renderWith(map as Parameters<typeof renderWith>[0], issue.messageCode, issue.params);
    if (rule !== undefined) return rule;
  }
  return issue.message;
}
