import { LinksResourceFinder, type ResourceSelectDetail } from './resource-finder.component.js';

export { LinksResourceFinder };
export type { ResourceSelectDetail } from './resource-finder.component.js';

if (!customElements.get('links-resource-finder')) {
  customElements.define('links-resource-finder', LinksResourceFinder);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-resource-finder': LinksResourceFinder;
  }
  interface GlobalEventHandlersEventMap {
    'links-resource-select': CustomEvent<ResourceSelectDetail>;
  }
}
