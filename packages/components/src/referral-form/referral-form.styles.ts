import { css } from 'lit';
import { referralViewStyles } from '../internal/referral.styles.js';
import { referralFormStyles } from '../internal/referral-refusal.styles.js';

const ownStyles = css`
  :host {
    display: block;
    max-width: var(--links-referral-form-max-width, 40rem);
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    margin: 0 0 var(--_space-3);
  }
  legend {
    font-size: 1.125rem;
  }
  .person {
    margin: 0 0 var(--_space-3);
  }
  .radios,
  .checkboxes {
    display: grid;
    gap: var(--_space-2);
  }
  .radios.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .choice {
    display: grid;
    grid-template-columns: 32px 1fr;
    align-items: start;
    column-gap: var(--_space-2);
  }
  .choice input {
    width: 28px;
    height: 28px;
    margin: 0;
    accent-color: var(--_primary);
  }
  .choice label {
    font-weight: 400;
    margin: 2px 0 0;
  }
  .choice-hint {
    grid-column: 2;
    font-size: 0.9375rem;
  }
  .choice input:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 2px;
  }
  .conditional {
    margin-left: 14px;
    padding-left: var(--_space-3);
    border-left: 4px solid var(--_border);
  }
  .warning {
    border-left: 8px solid var(--_warning);
    background: #fff9c4;
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  .warning-title {
    font-size: 1.125rem;
    margin: 0 0 var(--_space-1);
  }
  .warning p {
    margin: 0;
  }
  .confirmation {
    border: 4px solid var(--_success);
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
    font-weight: 600;
  }
`;

export const styles = [referralViewStyles, referralFormStyles, ownStyles];
