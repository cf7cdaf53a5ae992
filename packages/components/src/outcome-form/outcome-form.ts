import { LinksOutcomeForm, type OutcomeChangeDetail } from './outcome-form.component.js';

export { LinksOutcomeForm };
export type { OutcomeChangeDetail } from './outcome-form.component.js';

if (!customElements.get('links-outcome-form')) {
  customElements.define('links-outcome-form', LinksOutcomeForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-outcome-form': LinksOutcomeForm;
  }
  interface GlobalEventHandlersEventMap {
    'links-outcome-change': CustomEvent<OutcomeChangeDetail>;
  }
}
