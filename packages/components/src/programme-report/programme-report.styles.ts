import { css } from 'lit';
import { chartStyles, legendSwatchStyles } from '../internal/chart.styles.js';
import { dataTableStyles } from '../internal/table.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_programme: var(--links-programme-report-programme, var(--_primary));
    --_comparison: var(--links-programme-report-comparison, #425563);
    --_difference: var(--links-programme-report-difference, var(--_success));
  }
  :host([hidden]) {
    display: none;
  }
  article {
    background: var(--_surface);
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  [role='heading'] {
    font-weight: 600;
    line-height: 1.3;
  }
  .title {
    font-size: 1.5rem;
    margin: 0 0 var(--_space-1);
  }
  .section-title {
    font-size: 1.25rem;
    margin: var(--_space-4) 0 var(--_space-2);
  }
  .counts,
  p {
    margin: 0 0 var(--_space-2);
  }
  /* Overrides chartStyles' figure margin. */
  figure {
    margin: 0 0 var(--_space-2);
  }
  .zero {
    stroke: var(--_text);
    stroke-width: 1.5;
  }
  .bar.programme,
  .dot.programme {
    fill: var(--_programme);
  }
  .bar.comparison,
  .dot.comparison {
    fill: var(--_comparison);
  }
  .dot.difference {
    fill: var(--_difference);
  }
  .ci {
    stroke-width: 2.5;
  }
  .ci.programme {
    stroke: var(--_programme);
  }
  .ci.comparison {
    stroke: var(--_comparison);
  }
  .ci.difference {
    stroke: var(--_difference);
  }
  .line {
    fill: none;
    stroke-width: 2.5;
  }
  .line.programme {
    stroke: var(--_programme);
  }
  .line.comparison {
    stroke: var(--_comparison);
    stroke-dasharray: 6 4;
  }
  .swatch.programme {
    background: var(--_programme);
  }
  .swatch.comparison {
    background: var(--_comparison);
  }
  .swatch.difference {
    background: var(--_difference);
  }
  .swatch.round {
    border-radius: 50%;
    width: 0.75rem;
  }
  .swatch.diamond {
    width: 0.6rem;
    height: 0.6rem;
    transform: rotate(45deg);
    /* The turned square is wider than its box: keep its corners inside the line. */
    margin-inline: 0.15rem;
  }
  table {
    margin: var(--_space-2) 0 var(--_space-3);
    font-size: 0.95rem;
  }
  th,
  td {
    vertical-align: top;
  }
  tfoot th,
  tfoot td {
    border-top: 2px solid var(--_text);
    font-weight: 600;
  }
  .n {
    display: block;
    font-size: 0.85rem;
    font-weight: 400;
    color: var(--_text-secondary);
  }
  .note {
    font-size: 0.95rem;
    color: var(--_text-secondary);
  }
  .warning {
    border-left: 8px solid var(--_warning);
    padding: var(--_space-1) var(--_space-2);
    color: var(--_text);
  }
`;

export const styles = [chartStyles, legendSwatchStyles, dataTableStyles, ownStyles];
