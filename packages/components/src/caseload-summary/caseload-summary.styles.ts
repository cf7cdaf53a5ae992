import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_bar: var(--links-caseload-summary-bar, var(--_primary));
    --_tile-min: var(--links-caseload-summary-tile-min, 11rem);
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.5rem;
    font-weight: 600;
    line-height: 1.3;
    margin: 0 0 var(--_space-3);
  }
  .tiles {
    list-style: none;
    margin: 0 0 var(--_space-4);
    padding: 0;
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_tile-min)), 1fr));
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_bar);
    background: var(--_surface);
    padding: var(--_space-3);
  }
  .tile.alert {
    border-top-color: var(--_error);
  }
  .label {
    font-weight: 600;
  }
  .value {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.1;
  }
  .of,
  .note {
    display: block;
    font-size: 0.875rem;
    font-weight: 400;
    color: var(--_text-secondary);
  }
  .charts {
    display: grid;
    gap: var(--_space-4);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
  }
  .chart {
    margin: 0;
  }
  .chart-title {
    font-size: 1.125rem;
    font-weight: 600;
    margin: 0 0 var(--_space-2);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: var(--_space-1) var(--_space-2) var(--_space-1) 0;
    border-bottom: 1px solid var(--_border);
    font-weight: 400;
    vertical-align: middle;
  }
  thead th {
    font-weight: 600;
    border-bottom: 2px solid var(--_border-strong);
  }
  tbody th {
    width: 40%;
  }
  .bar-cell {
    width: 45%;
  }
  .bar {
    display: block;
    height: 1rem;
    min-width: 2px;
    background: var(--_bar);
  }
  .num {
    text-align: right;
    white-space: nowrap;
  }
`;
