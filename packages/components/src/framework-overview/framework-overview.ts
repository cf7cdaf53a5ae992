import { LinksFrameworkOverview, type CapacitySelectDetail } from './framework-overview.component.js';

export { LinksFrameworkOverview };
export type { CapacitySelectDetail, FrameworkSection } from './framework-overview.component.js';

if (!customElements.get('links-framework-overview')) {
  customElements.define('links-framework-overview', LinksFrameworkOverview);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-framework-overview': LinksFrameworkOverview;
  }
  interface GlobalEventHandlersEventMap {
    'links-capacity-select': CustomEvent<CapacitySelectDetail>;
  }
}
