import { LinksProgrammeReport } from './programme-report.component.js';

export { LinksProgrammeReport };

if (!customElements.get('links-programme-report')) {
  customElements.define('links-programme-report', LinksProgrammeReport);
}

declare global {
  interface HTMLElementTagNameMap {
    'links-programme-report': LinksProgrammeReport;
  }
}
