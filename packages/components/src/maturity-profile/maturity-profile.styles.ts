import { css } from 'lit';
import { chartPanelStyles } from '../internal/chart.styles.js';
import { dataTableStyles } from '../internal/table.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_bar: var(--links-maturity-profile-bar, var(--_primary));
    --_overlay: var(--links-maturity-profile-overlay, var(--_text));
  }
  :host([hidden]) {
    display: none;
  }
  .overall {
    margin: 0 0 var(--_space-2);
  }
  .bar {
    fill: var(--_bar);
  }
  .overlay {
    fill: var(--_overlay);
  }
  .overlay-line {
    stroke: var(--_overlay);
    stroke-width: 2;
  }
  .swatch {
    display: inline-block;
    min-width: 1rem;
    text-align: center;
  }
  .bar-swatch {
    height: 0.75rem;
    background: var(--_bar);
  }
  .overlay-swatch {
    color: var(--_overlay);
  }
  table {
    margin-top: var(--_space-3);
    font-size: 0.95rem;
  }
`;

export const styles = [chartPanelStyles, dataTableStyles, ownStyles];
