import { LinksCaseloadSummary } from './caseload-summary.component.js';

export { LinksCaseloadSummary };

if (!customElements.get('links-caseload-summary')) {
  customElements.define('links-caseload-summary', LinksCaseloadSummary);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-caseload-summary': LinksCaseloadSummary;
  }
}
