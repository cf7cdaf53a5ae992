import type { Attribution, DirectorySource, Licence } from './types.js';
import { cleanLine, distinct, safeHttpUrl } from './clean.js';

/** Creative Commons Attribution 4.0, the licence ALISS data is published under. */
export const CC_BY_4: Licence = Object.freeze({
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
});

/** The statement shown with every ALISS result, as CC BY 4.0 asks. */
export const ALISS_ATTRIBUTION: Attribution = Object.freeze({
  text: 'Community resource information from ALISS (A Local Information System for Scotland), licensed under CC BY 4.0.',
  url: 'https://www.aliss.org/',
});

/** ALISS as a source: name, licence, and the base attribution. */
export const ALISS_SOURCE: DirectorySource = Object.freeze({
  id: 'aliss',
  name: 'ALISS',
  licence: CC_BY_4,
  attribution: Object.freeze([ALISS_ATTRIBUTION]),
});

const KNOWN_LICENCES: readonly [RegExp, string][] = [
  [/creativecommons\.org\/licenses\/by\/4\.0/i, 'CC BY 4.0'],
  [/creativecommons\.org\/licenses\/by-sa\/4\.0/i, 'CC BY-SA 4.0'],
  [/open-government-licence\/version\/3/i, 'Open Government Licence v3.0'],
  [/open-government-licence\/version\/2/i, 'Open Government Licence v2.0'],
];

/** A licence from the URL a directory states (`meta.licence`); known licences get their short name. */
export function licenceFromUrl(url: string | null | undefined, fallback: Licence): Licence {
  const safe = safeHttpUrl(url);
  if (!safe) return fallback;
  const known = KNOWN_LICENCES.find(([pattern]) => pattern.test(safe));
  return { name: known ? known[1] : 'Licence stated by the publisher', url: safe };
}

/** Cleans attribution statements from a response and puts them after the base ones, without repeats. */
export function mergeAttribution(
  base: readonly Attribution[],
  extra: readonly { text?: string | null; url?: string | null }[] | null | undefined,
): Attribution[] {
  const cleaned = (extra ?? []).map((item): Attribution | undefined => {
    const text = cleanLine(item.text, 1000);
    if (!text) return undefined;
    const url = safeHttpUrl(item.url);
    return url ? { text, url } : { text };
  });
  return distinct<Attribution>([...base, ...cleaned], (a) => a.text.toLowerCase()).slice(0, 50);
}

/**
 * A {@link DirectorySource} fit to show: name, licence and statements
 * cleaned like directory text, and each URL kept only if it is http(s).
 * A host's own list or directory adapter can hand over anything, and these
 * URLs become links beside the results: a `javascript:` or `data:` one
 * must never get there.
 */
export function cleanSource(source: DirectorySource): DirectorySource {
  return {
    id: cleanLine(source.id) ?? 'unknown',
    name: cleanLine(source.name) ?? 'Unnamed directory',
    licence: cleanLicence(source.licence),
    attribution: mergeAttribution([], Array.isArray(source.attribution) ? source.attribution : []),
  };
}

/** A licence fit to show: its name cleaned, its URL kept only if it is http(s). */
export function cleanLicence(licence: Licence | undefined): Licence {
  const url = safeHttpUrl(licence?.url);
  return { name: cleanLine(licence?.name) ?? "Not stated: check the publisher's terms", ...(url ? { url } : {}) };
}

/** The attribution as one line of plain text, for a terminal or a footer: `text (url); text (url)`. */
export function formatAttribution(source: Pick<DirectorySource, 'attribution' | 'licence'>): string {
  const statements = source.attribution.map((a) => (a.url ? `${a.text} (${a.url})` : a.text));
  const licence = source.licence.url
    ? `Licence: ${source.licence.name} (${source.licence.url})`
    : `Licence: ${source.licence.name}`;
  return [...statements, licence].join('\n');
}
