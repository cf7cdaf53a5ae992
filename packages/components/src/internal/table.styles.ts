import { css } from 'lit';

/** Data tables (cohort-comparison, maturity-profile, run-chart, programme-report, plan-editor); no margins. */
export const dataTableStyles = css`
  table {
    border-collapse: collapse;
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
