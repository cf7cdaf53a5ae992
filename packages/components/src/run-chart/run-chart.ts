import { LinksRunChart } from './run-chart.component.js';

export { LinksRunChart };

if (!customElements.get('links-run-chart')) {
  customElements.define('links-run-chart', LinksRunChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-run-chart': LinksRunChart;
  }
}
