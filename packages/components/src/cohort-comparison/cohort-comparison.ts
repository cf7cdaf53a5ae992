import { LinksCohortComparison } from './cohort-comparison.component.js';

export { LinksCohortComparison };

if (!customElements.get('links-cohort-comparison')) {
  customElements.define('links-cohort-comparison', LinksCohortComparison);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-cohort-comparison': LinksCohortComparison;
  }
}
