import { css } from 'lit';
import { chartPanelStyles, legendSwatchStyles } from '../internal/chart.styles.js';
import { dataTableStyles } from '../internal/table.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_programme: var(--links-cohort-comparison-programme, var(--_primary));
    --_comparison: var(--links-cohort-comparison-comparison, #425563);
  }
  :host([hidden]) {
    display: none;
  }
  .subtitle {
    font-size: 1.125rem;
    margin: var(--_space-4) 0 var(--_space-1);
  }
  .counts {
    margin: 0 0 var(--_space-2);
  }
  rect.programme {
    fill: var(--_programme);
  }
  rect.comparison {
    stroke: var(--_comparison);
  }
  .hatch-bg {
    fill: var(--_surface);
  }
  .hatch-line {
    stroke: var(--_comparison);
    stroke-width: 3;
  }
  .iqr {
    stroke: var(--_text);
    stroke-width: 2;
  }
  .programme-swatch {
    background: var(--_programme);
  }
  .comparison-swatch {
    background: repeating-linear-gradient(45deg, var(--_comparison) 0 2px, var(--_surface) 2px 5px);
    outline: 1px solid var(--_comparison);
  }
  table {
    margin-top: var(--_space-3);
    font-size: 0.95rem;
  }
  .n {
    display: block;
    font-size: 0.85rem;
    color: var(--_text-secondary);
  }
`;

export const styles = [chartPanelStyles, legendSwatchStyles, dataTableStyles, ownStyles];
