import { LinksPdsaLog } from './pdsa-log.component.js';

export { LinksPdsaLog };
export type { PlanChangeDetail } from '../internal/plan-editing.js';

if (!customElements.get('links-pdsa-log')) {
  customElements.define('links-pdsa-log', LinksPdsaLog);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-pdsa-log': LinksPdsaLog;
  }
}
