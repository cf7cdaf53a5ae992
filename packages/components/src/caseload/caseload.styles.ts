import { css } from 'lit';
import { referralViewStyles } from '../internal/referral.styles.js';
import { compactControls, formControlStyles } from '../internal/form-control.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_height: var(--links-caseload-height, 32rem);
    --_row-height: var(--links-caseload-row-height, 3rem);
    /* Referral, person, practice, status, urgency, reasons, requested, next follow-up, contacts, last update:
       the minimums add up to 63rem, less than the 64rem where the table layout starts. */
    --_columns: minmax(6.75rem, 1fr) minmax(5rem, 1fr) minmax(6rem, 1fr) minmax(7.25rem, 1.2fr) 5.5rem minmax(5.75rem, 1.4fr)
      7rem 7rem 5.75rem 7rem;
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
    min-width: 0;
    max-width: 100%;
  }
  .field.checkbox {
    flex-direction: row;
    align-items: center;
    min-height: 44px;
  }
  label {
    font-weight: 600;
  }
  /* The filters' controls (formControlStyles, compact look) are 44px tall, like the sort buttons. */
  :host {
    --_control-min-height: 44px;
    --_control-padding: 0 var(--_space-2);
  }
  input[type='checkbox'] {
    width: 24px;
    height: 24px;
    margin: 0 var(--_space-2) 0 0;
    accent-color: var(--_primary);
  }
  .count {
    margin: 0 0 var(--_space-2);
    color: var(--_text-secondary);
  }
  /* Cards first (phones, narrow panels): each referral is a card listing every field with its label.
     From a container 64rem wide, where every column fits, the same rows are drawn as a table. */
  .table {
    border: 1px solid var(--_border);
  }
  .row {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
  }
  .cell {
    padding: var(--_space-1) var(--_space-2);
    min-width: 0;
  }
  /* References wrap at any point (they are long strings without spaces); everything else between words. */
  .cell.referral {
    overflow-wrap: anywhere;
  }
  .row.header {
    background: var(--_background);
    font-weight: 600;
    border-bottom: 2px solid var(--_border-strong);
  }
  .row.header .cell {
    overflow-wrap: normal;
  }
  .row.current {
    background: #e8f1f8;
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .body {
    height: var(--_height);
    min-width: 0;
  }
  /* Card layout: the header becomes a line of sort buttons; columns without a sort are left to screen readers. */
  .row.header {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    padding: var(--_space-1) 0;
  }
  .row.header .cell:not(:has(button)) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .row:not(.header) {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5rem), 1fr));
    gap: 0 var(--_space-2);
    padding: var(--_space-2) var(--_space-1);
    border-bottom: 4px solid var(--_background);
  }
  .row:not(.header) .cell::before {
    content: var(--_label) / '';
    display: block;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_text-secondary);
  }
  .row:not(.header) .cell.referral::before {
    content: none;
  }
  .row:not(.header) :is(.cell.referral, .cell.reasons) {
    grid-column: 1 / -1;
  }
  .row:not(.header) .cell.referral {
    font-size: 1.125rem;
    font-weight: 600;
  }
  .cell.referral {
    --_label: var(--_label-referral);
  }
  .cell.person {
    --_label: var(--_label-person);
  }
  .cell.practice {
    --_label: var(--_label-practice);
  }
  .cell.status {
    --_label: var(--_label-status);
  }
  .cell.urgency {
    --_label: var(--_label-urgency);
  }
  .cell.reasons {
    --_label: var(--_label-reasons);
  }
  .cell.requested {
    --_label: var(--_label-requested);
  }
  .cell.follow-up {
    --_label: var(--_label-follow-up);
  }
  .cell.contacts {
    --_label: var(--_label-contacts);
  }
  .cell.updated {
    --_label: var(--_label-updated);
  }
  /* Table layout, where the element is wide enough for every column. */
  @container links (min-width: 64rem) {
    .row.header,
    .row:not(.header) {
      display: grid;
      grid-template-columns: var(--_columns);
      align-items: center;
      gap: 0;
      padding: 0;
      min-height: var(--_row-height);
      border-bottom: 1px solid var(--_border);
    }
    .row.header {
      border-bottom: 2px solid var(--_border-strong);
    }
    .row.header .cell:not(:has(button)) {
      position: static;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
    .row:not(.header) .cell::before {
      content: none;
    }
    .row:not(.header) :is(.cell.referral, .cell.reasons) {
      grid-column: auto;
    }
    .row:not(.header) .cell.referral {
      font-size: inherit;
      font-weight: inherit;
    }
    .contacts {
      text-align: right;
    }
    .row:not(.header) :is(.cell.requested, .cell.updated) {
      white-space: nowrap;
    }
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
  /* Opening a referral and sorting are the main actions: 44 px touch targets. */
  [part='open-button'],
  [part='sort-button'] {
    min-height: 44px;
    min-width: 44px;
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
  .flag.waiting {
    border: 1px dashed var(--_border-strong);
    color: var(--_text);
  }
  .flag.not-sent {
    border: 2px solid var(--_error);
    color: var(--_text);
  }
  .connection,
  .not-sent-line,
  .load-error {
    margin: 0 0 var(--_space-2);
  }
  .load-error {
    color: var(--_error);
    font-weight: 600;
  }
  .flag.duplicate {
    border: 1px solid var(--_border-strong);
    color: var(--_text);
  }
  .urgency.urgent {
    font-weight: 700;
    color: var(--_error);
  }
`;

export const styles = [formControlStyles, compactControls, referralViewStyles, ownStyles];
