import { css } from 'lit';
import { compactFormStyles } from '../internal/compact-form.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_quiet-bg: var(--links-network-register-quiet-background, #ffb81c);
  }
  :host([hidden]) {
    display: none;
  }
  .add-title {
    font-size: 1.25rem;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: var(--_space-3) 0;
  }
  .summary > div {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space-2) var(--_space-3);
    min-width: 10rem;
  }
  .summary > div.has-quiet {
    border-top-color: var(--_quiet-bg);
  }
  .summary dt {
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  .summary dd {
    margin: 0;
    font-size: 1.75rem;
    font-weight: 700;
  }
  .summary .sub {
    font-size: 0.875rem;
    font-weight: 400;
  }
  .filter {
    margin: 0 0 var(--_space-2);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: var(--_space-2);
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  thead th {
    border-bottom: 2px solid var(--_border-strong);
  }
  tbody th {
    font-weight: 600;
  }
  tr.ended th,
  tr.ended td {
    color: var(--_text-secondary);
  }
  .label {
    display: block;
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  .muted {
    color: var(--_text-secondary);
  }
  .badge {
    display: inline-block;
    margin: var(--_space-1) var(--_space-1) 0 0;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    font-size: 0.875rem;
    font-weight: 700;
  }
  .quiet-badge {
    background: var(--_quiet-bg);
    color: var(--_text);
  }
  .quiet-text {
    display: block;
    font-size: 0.875rem;
  }
  .ended-badge {
    background: var(--_background);
    border: 1px solid var(--_border-strong);
    color: var(--_text);
  }
  .actions {
    white-space: nowrap;
  }
  .actions button {
    display: block;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 24px;
  }
  button.link {
    color: var(--_link);
    background: none;
    border: 0;
    padding: 2px 0;
    text-decoration: underline;
  }
  button.primary,
  button.secondary {
    font-weight: 600;
    min-height: 40px;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
  }
  form {
    display: grid;
    gap: var(--_space-2);
    max-width: 40rem;
  }
  form.add {
    margin-top: var(--_space-4);
    padding: var(--_space-3);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .panel {
    padding: var(--_space-2) 0;
  }
  .panel-title {
    font-weight: 700;
    margin: 0;
  }
  .filter label {
    font-weight: 400;
  }
  input[type='checkbox'] {
    flex: none;
    width: 24px;
    height: 24px;
    vertical-align: middle;
  }
  /* formControlStyles puts the focus outline on the control's edge; the filter checkbox keeps it 2px off. */
  input[type='checkbox']:focus-visible {
    outline-offset: 2px;
  }
  .buttons {
    display: flex;
    gap: var(--_space-2);
    margin: var(--_space-2) 0 0;
  }
  .error {
    border: 4px solid var(--_error);
    padding: var(--_space-2) var(--_space-3);
  }
  /* Focused when no field shows the problem: the error summary's focus style, not the yellow fill (red on yellow fails contrast). */
  .error:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    background-color: transparent;
    color: inherit;
    box-shadow: 0 0 0 8px var(--_text);
  }
  .error-title {
    font-weight: 700;
    margin: 0;
  }
  .error ul {
    margin: var(--_space-1) 0 0;
    padding-left: var(--_space-3);
    color: var(--_error);
    font-weight: 600;
  }
  .empty {
    color: var(--_text-secondary);
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;

export const styles = [compactFormStyles, ownStyles];
