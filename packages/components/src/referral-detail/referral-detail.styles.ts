import { css } from 'lit';
import { referralViewStyles } from '../internal/referral.styles.js';
import { referralFormStyles } from '../internal/referral-refusal.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_accent: var(--links-referral-detail-accent, var(--_primary));
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    margin: 0 0 var(--_space-2);
  }
  .section-heading,
  .form-heading {
    font-size: 1.25rem;
    font-weight: 600;
    margin: var(--_space-4) 0 var(--_space-2);
    padding-top: var(--_space-2);
    border-top: 1px solid var(--_border);
  }
  .form-heading {
    border-top: 0;
    margin-top: 0;
  }
  .status-line {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: baseline;
    margin: 0 0 var(--_space-3);
  }
  .badge {
    background: var(--_accent);
    color: var(--_on-primary);
    font-weight: 700;
    padding: 2px var(--_space-2);
    border-radius: var(--_radius);
  }
  .business {
    font-weight: 600;
  }
  .reason {
    color: var(--_text-secondary);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }
  .facts .wide {
    grid-column: 1 / -1;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  dd ul,
  ul.plain {
    margin: 0;
    padding-left: var(--_space-4);
  }
  .overdue,
  .flag {
    background: var(--_warning);
    color: var(--_text);
    font-weight: 600;
    padding: 0 var(--_space-1);
  }
  .flag {
    display: inline-block;
    margin: var(--_space-1) 0 0;
  }
  .action-list {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space-3);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .action-form {
    border-left: 4px solid var(--_accent);
    padding: var(--_space-3);
    background: var(--_background);
  }
  .refusal {
    background: var(--_surface);
  }
  .finder {
    margin: 0 0 var(--_space-3);
  }
  .picked {
    margin: 0 0 var(--_space-3);
  }
  .meta {
    color: var(--_text-secondary);
  }
  .tag {
    display: inline-block;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    padding: 0 var(--_space-1);
    font-size: 0.875rem;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-left: 3px solid var(--_accent);
  }
  .timeline li {
    display: grid;
    gap: 2px;
    padding: var(--_space-1) 0 var(--_space-2) var(--_space-3);
  }
  .timeline time,
  .timeline .who {
    color: var(--_text-secondary);
    font-size: 0.875rem;
  }
  .timeline .what {
    font-weight: 600;
  }
  .timeline .note {
    white-space: pre-wrap;
  }
  .message-back {
    margin-top: var(--_space-4);
    border: 1px solid var(--_border);
    padding: var(--_space-2) var(--_space-3);
  }
  .message-back summary {
    cursor: pointer;
    color: var(--_link);
    font-weight: 600;
    min-height: 24px;
  }
  .message-back pre {
    white-space: pre-wrap;
    font: inherit;
    margin: var(--_space-2) 0 0;
  }
  .empty {
    color: var(--_text-secondary);
  }
  /* The actions on a referral are its main actions: 44 px touch targets. */
  [part='action-button'],
  [part='action-form'] button {
    min-height: 44px;
  }
  .tag.waiting {
    border-style: dashed;
  }
  .connection {
    margin: 0 0 var(--_space-3);
  }
  .load-error {
    color: var(--_error);
    font-weight: 600;
  }
  .not-sent {
    border-left: 4px solid var(--_error);
    padding-left: var(--_space-3);
  }
  .not-sent li {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
    margin-bottom: var(--_space-3);
  }
`;

export const styles = [referralViewStyles, referralFormStyles, ownStyles];
