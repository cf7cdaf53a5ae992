import { LinksNetworkRegister, type NetworkChangeDetail } from './network-register.component.js';

export { LinksNetworkRegister };
export type { NetworkChangeDetail } from './network-register.component.js';

if (!customElements.get('links-network-register')) {
  customElements.define('links-network-register', LinksNetworkRegister);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-network-register': LinksNetworkRegister;
  }
  interface GlobalEventHandlersEventMap {
    'links-network-change': CustomEvent<NetworkChangeDetail>;
  }
}
