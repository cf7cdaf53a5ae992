import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_programme: var(--links-cohort-comparison-programme, var(--_primary));
    --_comparison: var(--links-cohort-comparison-comparison, #425563);
  }
  :host([hidden]) {
    display: none;
  }
  section {
    background: var(--_surface);
  }
  .title {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-1);
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
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    font-size: 0.95rem;
    color: var(--_text-secondary);
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 0.75rem;
    vertical-align: middle;
  }
  .programme-swatch {
    background: var(--_programme);
  }
  .comparison-swatch {
    background: repeating-linear-gradient(45deg, var(--_comparison) 0 2px, var(--_surface) 2px 5px);
    outline: 1px solid var(--_comparison);
  }
  table {
    border-collapse: collapse;
    margin-top: var(--_space-3);
    font-size: 0.95rem;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: var(--_space-1);
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: var(--_space-1) var(--_space-2);
    text-align: left;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .n {
    display: block;
    font-size: 0.85rem;
    color: var(--_text-secondary);
  }
`;
