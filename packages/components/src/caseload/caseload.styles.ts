import { css } from 'lit';
import { referralViewStyles } from '../internal/referral.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_height: var(--links-caseload-height, 32rem);
    --_row-height: var(--links-caseload-row-height, 3rem);
    --_columns: 7.5rem minmax(6rem, 1fr) minmax(6rem, 1fr) minmax(9rem, 1.4fr) 6rem minmax(9rem, 1.6fr) 6.5rem 7rem 5rem
      6.5rem;
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    margin: 0 0 var(--_space-3);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: flex-end;
    margin: 0 0 var(--_space-3);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .field.checkbox {
    flex-direction: row;
    align-items: center;
    min-height: 40px;
  }
  label {
    font-weight: 600;
  }
  select,
  input[type='search'] {
    font: inherit;
    min-height: 40px;
    padding: 0 var(--_space-2);
    border: 2px solid var(--_border-strong);
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0 var(--_space-2) 0 0;
    accent-color: var(--_primary);
  }
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
    background-color: var(--_surface);
  }
  .count {
    margin: 0 0 var(--_space-2);
    color: var(--_text-secondary);
  }
  .table {
    border: 1px solid var(--_border);
    overflow-x: auto;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    min-width: 74rem;
    min-height: var(--_row-height);
    align-items: center;
    border-bottom: 1px solid var(--_border);
    box-sizing: border-box;
    width: 100%;
  }
  .row.header {
    background: var(--_background);
    font-weight: 600;
    border-bottom: 2px solid var(--_border-strong);
  }
  .row.current {
    background: #e8f1f8;
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .cell {
    padding: var(--_space-1) var(--_space-2);
    overflow-wrap: anywhere;
  }
  .body {
    height: var(--_height);
    min-width: 74rem;
  }
  .body[hidden] {
    display: none;
  }
  /* The row list is a tab stop (keyboard scrolling): the NHS focus ring, drawn inside so the table's edge keeps it. */
  .body:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .empty {
    padding: var(--_space-3);
  }
  button {
    font: inherit;
    color: var(--_link);
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-align: left;
    text-decoration: underline;
    min-height: 24px;
  }
  [part='sort-button'] {
    font-weight: 600;
    color: var(--_text);
    text-decoration: none;
  }
  [part='sort-button']:hover {
    text-decoration: underline;
  }
  .arrow {
    display: inline-block;
    min-width: 1em;
    font-size: 0.75em;
    margin-left: 2px;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-1);
    border-radius: var(--_radius);
    background: #d2e3f3;
    color: #002f5c;
    font-weight: 600;
    font-size: 0.875rem;
  }
  .badge.finished {
    background: var(--_background);
    color: var(--_text-secondary);
  }
  .badge.status-completed {
    background: #cce5d8;
    color: #00401e;
  }
  .badge.status-rejected,
  .badge.status-failed,
  .badge.status-entered-in-error {
    background: #f7d4d1;
    color: #6b140e;
  }
  .sub {
    display: block;
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  .flag {
    display: inline-block;
    margin-top: 2px;
    padding: 0 var(--_space-1);
    font-size: 0.875rem;
    font-weight: 600;
  }
  .flag.overdue {
    background: var(--_warning);
    color: var(--_text);
  }
  .flag.duplicate {
    border: 1px solid var(--_border-strong);
    color: var(--_text);
  }
  .urgency.urgent {
    font-weight: 700;
    color: var(--_error);
  }
  .contacts {
    text-align: right;
  }
`;

export const styles = [referralViewStyles, ownStyles];
