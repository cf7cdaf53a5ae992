/*
 * The keys of the contexts `<links-provider>` gives (`context.ts` makes the
 * typed contexts from them). Global symbols, so that two copies of the package
 * on one page still find each other's providers. On their own so that code
 * that only asks whether a provider is there (the caseload, before it loads
 * its connection code) does not load `@lit/context`.
 */

/** Key of the store context. */
export const STORE_CONTEXT_KEY = Symbol.for('links-approach.context.store');
/** Key of the person-label context. */
export const PERSON_LABEL_CONTEXT_KEY = Symbol.for('links-approach.context.person-label');
/** Key of the referral context. */
export const REFERRAL_CONTEXT_KEY = Symbol.for('links-approach.context.referral');
