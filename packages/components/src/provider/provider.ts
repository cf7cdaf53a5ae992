import { LinksProvider } from './provider.component.js';

export { LinksProvider };
export type { ProviderStorage, StoreAdapter } from './provider.component.js';
export type { PersonLabelResolver, StoreSource } from '../internal/context.js';

if (!customElements.get('links-provider')) {
  customElements.define('links-provider', LinksProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-provider': LinksProvider;
  }
}
