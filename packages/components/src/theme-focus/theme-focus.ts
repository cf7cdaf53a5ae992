import { LinksThemeFocus } from './theme-focus.component.js';

export { LinksThemeFocus };
export type { PlanChangeDetail } from '../internal/plan-editing.js';

if (!customElements.get('links-theme-focus')) {
  customElements.define('links-theme-focus', LinksThemeFocus);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-theme-focus': LinksThemeFocus;
  }
}
