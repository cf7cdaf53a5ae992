import { css } from 'lit';
import { dataTableStyles } from '../internal/table.styles.js';
import { disclosureStyles } from '../internal/disclosure.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_line: var(--links-run-chart-line, var(--_primary));
    --_median: var(--links-run-chart-median, var(--_text-secondary));
    --_target: var(--links-run-chart-target, var(--_success));
    --_improvement: var(--links-run-chart-improvement, var(--_success));
    --_concern: var(--links-run-chart-concern, var(--_error));
  }
  :host([hidden]) {
    display: none;
  }
  figure {
    margin: 0;
    background: var(--_surface);
  }
  .name {
    font-size: 1.125rem;
    margin: 0 0 var(--_space-2);
  }
  .summary {
    margin: 0 0 var(--_space-3);
    padding-left: 1.25rem;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-width: 48rem;
    font-size: 12px;
    overflow: visible;
    /* Room for the last date label, centred on the chart's right edge. */
    box-sizing: border-box;
    padding-right: 1.25rem;
  }
  .grid {
    stroke: var(--_border);
  }
  .tick,
  .label {
    fill: var(--_text);
  }
  .median {
    stroke: var(--_median);
    stroke-width: 2;
  }
  .median.extended {
    stroke-dasharray: 6 4;
  }
  .change-start {
    stroke: var(--_median);
    stroke-width: 1;
    stroke-dasharray: 2 2;
  }
  .target {
    stroke: var(--_target);
    stroke-width: 2;
    stroke-dasharray: 2 3;
  }
  .target-label {
    fill: var(--_target);
    font-weight: 600;
  }
  .band.good {
    fill: var(--_improvement);
    opacity: 0.12;
  }
  .band.bad {
    fill: var(--_concern);
    opacity: 0.12;
  }
  .band.neutral {
    fill: var(--_median);
    opacity: 0.1;
  }
  .trend.neutral {
    fill: var(--_median);
  }
  .trend.good {
    fill: var(--_improvement);
  }
  .trend.bad {
    fill: var(--_concern);
  }
  .band-label {
    font-weight: 600;
  }
  .line {
    fill: none;
    stroke: var(--_line);
    stroke-width: 2.5;
  }
  .point {
    fill: var(--_surface);
    stroke: var(--_line);
    stroke-width: 2;
  }
  .point.in-signal {
    fill: var(--_line);
  }
  .astronomical {
    fill: none;
    stroke: var(--_concern);
    stroke-width: 2;
  }
  table {
    margin-top: var(--_space-2);
    font-size: 0.95rem;
  }
  .empty {
    color: var(--_text-secondary);
  }
`;

export const styles = [dataTableStyles, ownStyles, disclosureStyles];
