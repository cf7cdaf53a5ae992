import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_bar: var(--links-maturity-profile-bar, var(--_primary));
    --_overlay: var(--links-maturity-profile-overlay, var(--_text));
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
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    font-size: 0.95rem;
    color: var(--_text-secondary);
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
`;
