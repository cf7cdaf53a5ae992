import { LinksMaturityProfile } from './maturity-profile.component.js';

export { LinksMaturityProfile };

if (!customElements.get('links-maturity-profile')) {
  customElements.define('links-maturity-profile', LinksMaturityProfile);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-maturity-profile': LinksMaturityProfile;
  }
}
