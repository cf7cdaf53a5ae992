import type { CommunityResource } from './types.js';
import { safeHttpUrl } from './clean.js';

/** Links a page may build from a resource's published contact details: each only when safe and well formed. */
export interface ContactLinks {
  /** `tel:` link for the phone number, e.g. `tel:01414960101`. */
  readonly phone?: string;
  /** `mailto:` link for the e-mail address. */
  readonly email?: string;
  /** The website, http(s) only. */
  readonly website?: string;
  /** Where to refer, http(s) only. */
  readonly referral?: string;
  /** The listing's page on its directory, http(s) only. */
  readonly listing?: string;
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * The links to offer for a resource's contact details. A phone number
 * becomes `tel:` with only digits and a leading `+`; an e-mail address
 * becomes `mailto:` only if it is one plain address; web addresses must be
 * http(s). Anything else gets no link (show it as text).
 */
export function contactLinks(resource: Pick<CommunityResource, 'contact' | 'provenance'>): ContactLinks {
  const { phone, email, website, referralUrl } = resource.contact;
  const digits = phone ? phone.replace(/[\s().-]/g, '') : '';
  const phoneHref = /^\+?\d{3,15}$/.test(digits) ? `tel:${digits}` : undefined;
  const emailHref = email && email.length <= 254 && EMAIL.test(email) ? `mailto:${email}` : undefined;
  const websiteHref = safeHttpUrl(website);
  const referralHref = safeHttpUrl(referralUrl);
  const listingHref = safeHttpUrl(resource.provenance.url);
  return {
    ...(phoneHref ? { phone: phoneHref } : {}),
    ...(emailHref ? { email: emailHref } : {}),
    ...(websiteHref ? { website: websiteHref } : {}),
    ...(referralHref ? { referral: referralHref } : {}),
    ...(listingHref ? { listing: listingHref } : {}),
  };
}
