import { LinksCapacityCard } from './capacity-card.component.js';

export { LinksCapacityCard };

if (!customElements.get('links-capacity-card')) {
  customElements.define('links-capacity-card', LinksCapacityCard);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-capacity-card': LinksCapacityCard;
  }
}
