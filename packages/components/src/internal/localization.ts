import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule, type TemplateMap } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type * as MessageMapsModule from './on-demand/message-maps.js';

/**
 * A locale the elements are translated into: `en-GB` (the source and the
 * default) or `gd` (Scottish Gaelic: a draft translation that a native
 * speaker must review before real use).
 */
export type LinksLocale = (typeof allLocales)[number];

/** Every locale the elements can show, the source locale `en-GB` first. */
export const SUPPORTED_LOCALES: readonly LinksLocale[] = Object.freeze([
  sourceLocale,
  ...allLocales.filter((locale) => locale !== sourceLocale),
]);

/** The locale the elements are written in and show when nothing is configured. */
export const SOURCE_LOCALE: LinksLocale = sourceLocale;

type TargetLocale = (typeof targetLocales)[number];

/** The msg()-based maps that say core's coded messages in the page's locale (see internal/messages.ts). */
type MessageMaps = typeof MessageMapsModule;

let messageMaps: MessageMaps | undefined;

/** The maps for core's coded messages, once a translation has loaded them (else `undefined`: core's English is shown). */
export function localeMessageMaps(): MessageMaps | undefined {
  return messageMaps;
}

/** A translation's templates, with the maps for core's coded messages loaded beside them. */
const withMessageMaps = async (translation: Promise<LocaleModule>): Promise<LocaleModule> => {
  const [module, maps] = await Promise.all([translation, import('./on-demand/message-maps.js')]);
  messageMaps = maps;
  return module;
};

/**
 * Each translation is its own module, fetched only when a page switches to
 * that locale: nothing is loaded for the default `en-GB`. The maps that say
 * core's refusals and validation issues in that locale come with it.
 */
const LOADERS: Record<TargetLocale, () => Promise<LocaleModule>> = {
  gd: () => withMessageMaps(import('../generated/locales/gd.js')),
};

const isSupported = (locale: string): locale is LinksLocale =>
  (SUPPORTED_LOCALES as readonly string[]).includes(locale);
const isTarget = (locale: string): locale is TargetLocale => (targetLocales as readonly string[]).includes(locale);

/** Set once this module has configured `@lit/localize` itself (on the first `setLocale` that needs it). */
let controls: ReturnType<typeof configureLocalization> | undefined;

/**
 * The last locale `@lit/localize` reported ready on this page. When the host
 * configured `@lit/localize` itself, this is how the toolkit learns the
 * host's locale (for `Intl` formatting) without owning the configuration.
 */
let reported: string | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status === 'ready') reported = event.detail.readyLocale;
  });
}

/**
 * The toolkit's translations for `locale`, for a host that configures
 * `@lit/localize` itself: merge them into the templates its own `loadLocale`
 * returns. Empty for the source locale and for locales the toolkit has no
 * translation for (its elements then show English).
 *
 * @example
 * configureLocalization({
 *   sourceLocale: 'en-GB',
 *   targetLocales: ['gd'],
 *   loadLocale: async (locale) => ({
 *     templates: { ...(await loadLinksTemplates(locale)), ...(await import(`./locales/${locale}.js`)).templates },
 *   }),
 * });
 */
export async function loadLinksTemplates(locale: string): Promise<TemplateMap> {
  return isTarget(locale) ? (await LOADERS[locale]()).templates : {};
}

/**
 * The locale the elements show now: the one last set with {@link setLocale};
 * or, when the host page configured `@lit/localize` itself, the locale it
 * last switched to; otherwise `en-GB`.
 */
export function getLocale(): string {
  return controls ? controls.getLocale() : (reported ?? SOURCE_LOCALE);
}

/**
 * Switches every `links-*` element on the page to `locale` (one of
 * {@link SUPPORTED_LOCALES}). The translation is fetched on first use; the
 * returned promise resolves once the elements can render in it (they
 * re-render by themselves). The default `en-GB` needs no call at all.
 *
 * `@lit/localize` can be configured only once per page. The first call that
 * needs a translation configures it for the toolkit; if the host page has
 * configured it already, this rejects and explains what to do instead: load
 * the toolkit's templates into the host's configuration with
 * {@link loadLinksTemplates} and switch with the host's own `setLocale`.
 */
export async function setLocale(locale: LinksLocale): Promise<void> {
  if (!isSupported(locale)) {
    throw new RangeError(`Unsupported locale "${String(locale)}": use one of ${SUPPORTED_LOCALES.join(', ')}.`);
  }
  if (!controls) {
    if (locale === getLocale()) return; // already showing it: nothing to configure or fetch
    try {
      controls = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (target) => (isTarget(target) ? LOADERS[target]() : Promise.resolve({ templates: {} })),
      });
    } catch {
      throw new Error(
        "@lit/localize is already configured on this page (by the host). Add the toolkit's translations to the " +
          "host's loadLocale with loadLinksTemplates(locale), and switch locale with the host's own setLocale.",
      );
    }
  }
  await controls.setLocale(locale);
}
