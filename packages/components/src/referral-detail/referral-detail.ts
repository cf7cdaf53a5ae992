import { LinksReferralDetail, type ReferralChangeDetail } from './referral-detail.component.js';

export { LinksReferralDetail };
export type { ReferralChangeDetail } from './referral-detail.component.js';

if (!customElements.get('links-referral-detail')) {
  customElements.define('links-referral-detail', LinksReferralDetail);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-referral-detail': LinksReferralDetail;
  }
  interface GlobalEventHandlersEventMap {
    'links-referral-change': CustomEvent<ReferralChangeDetail>;
  }
}
