import { LinksReferralForm, type ReferralCreateDetail } from './referral-form.component.js';

export { LinksReferralForm };
export type { ReferralCreateDetail } from './referral-form.component.js';

if (!customElements.get('links-referral-form')) {
  customElements.define('links-referral-form', LinksReferralForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-referral-form': LinksReferralForm;
  }
  interface GlobalEventHandlersEventMap {
    'links-referral-create': CustomEvent<ReferralCreateDetail>;
  }
}
