import { LinksCaseload, type CaseloadViewDetail, type ReferralSelectDetail } from './caseload.component.js';

export { LinksCaseload };
export type { ReferralSelectDetail, CaseloadViewDetail } from './caseload.component.js';

if (!customElements.get('links-caseload')) {
  customElements.define('links-caseload', LinksCaseload);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-caseload': LinksCaseload;
  }
  interface GlobalEventHandlersEventMap {
    'links-referral-select': CustomEvent<ReferralSelectDetail>;
    'links-caseload-view': CustomEvent<CaseloadViewDetail>;
  }
}
