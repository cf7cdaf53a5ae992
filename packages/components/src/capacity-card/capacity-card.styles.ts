import { css } from 'lit';
import { disclosureStyles } from '../internal/disclosure.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_accent: var(--links-capacity-card-accent, var(--_primary));
  }
  :host([hidden]) {
    display: none;
  }
  article {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space-3);
  }
  .name {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-1);
  }
  .level {
    margin: 0;
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
  }
  .level-value {
    font-size: 2rem;
    font-weight: 700;
    line-height: 1.1;
  }
  .level-name {
    font-weight: 600;
  }
  meter {
    display: block;
    width: 100%;
    height: 0.75rem;
    margin: var(--_space-1) 0 var(--_space-2);
    accent-color: var(--_accent);
  }
  .self {
    margin: 0 0 var(--_space-2);
    color: var(--_text-secondary);
  }
  .next {
    border-left: 6px solid var(--_accent);
    background: var(--_background);
    padding: var(--_space-2) var(--_space-3);
    margin: var(--_space-2) 0;
  }
  .next p {
    margin: 0;
  }
  .next-reason {
    color: var(--_text-secondary);
  }
  .list-heading {
    font-size: 1rem;
    margin: var(--_space-3) 0 var(--_space-1);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    grid-template-columns: 1.25rem 2.25rem 1fr;
    gap: var(--_space-1);
    padding: var(--_space-1) 0;
    border-bottom: 1px solid var(--_border);
  }
  .met .mark {
    color: var(--_success);
    font-weight: 700;
  }
  .unmet .mark {
    color: var(--_text-secondary);
  }
  .criterion-level {
    color: var(--_text-secondary);
    font-variant-numeric: tabular-nums;
  }
  .reason {
    color: var(--_text-secondary);
  }
  .empty {
    margin: 0;
    color: var(--_text-secondary);
  }
`;

export const styles = [ownStyles, disclosureStyles];
