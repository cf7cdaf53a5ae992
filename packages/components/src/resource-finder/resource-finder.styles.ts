import { css } from 'lit';
import { compactFormStyles } from '../internal/compact-form.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_card-border: var(--links-resource-finder-card-border, var(--_border));
    --_stale-bg: var(--links-resource-finder-stale-background, #ffb81c);
  }
  :host([hidden]) {
    display: none;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-3);
    margin: var(--_space-3) 0;
    padding: var(--_space-3);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field {
    flex: 1 1 12rem;
    min-width: 0;
  }
  /* Controls look as every compact form's (compactFormStyles); here they fill their field. */
  input,
  select {
    width: 100%;
  }
  input.postcode {
    max-width: 10em;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 40px;
    padding: var(--_space-1) var(--_space-3);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .status {
    font-weight: 600;
    margin: var(--_space-2) 0;
  }
  .error {
    border: 4px solid var(--_error);
    padding: var(--_space-3);
    margin: var(--_space-3) 0;
    background: var(--_surface);
  }
  .error p {
    margin: 0 0 var(--_space-2);
  }
  .error-title {
    font-weight: 700;
    color: var(--_error);
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .result article {
    background: var(--_surface);
    border: 1px solid var(--_card-border);
    border-left: 4px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space-3);
  }
  .result article:focus-visible {
    outline: 4px solid var(--_focus);
  }
  .result-name {
    font-size: 1.25rem;
  }
  .organisation {
    margin: 0 0 var(--_space-2);
    color: var(--_text-secondary);
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    margin: 0 0 var(--_space-2);
    font-size: 0.9375rem;
  }
  .freshness {
    color: var(--_text-secondary);
  }
  .freshness.is-stale {
    color: var(--_text);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    font-weight: 700;
    font-size: 0.875rem;
    margin-right: var(--_space-1);
  }
  .badge.stale {
    background: var(--_stale-bg);
    color: var(--_text);
  }
  .badge.closed {
    background: var(--_error);
    color: var(--_on-primary);
  }
  .description {
    margin: 0 0 var(--_space-2);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  dl {
    margin: 0;
    display: grid;
    gap: var(--_space-1);
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: var(--_space-2);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  ul.inline,
  ul.tags {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
  }
  ul.tags {
    gap: var(--_space-1);
  }
  ul.tags li {
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space-2);
    font-size: 0.875rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    margin: var(--_space-3) 0 0;
  }
  a {
    color: var(--_link);
  }
  a:hover {
    text-decoration-thickness: 3px;
  }
  [part='more-button'] {
    margin-top: var(--_space-3);
  }
  .attribution {
    margin-top: var(--_space-4);
    padding-top: var(--_space-2);
    border-top: 1px solid var(--_border);
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  .attribution p {
    margin: 0 0 var(--_space-1);
    font-weight: 600;
  }
  .attribution ul {
    margin: 0;
    padding-left: var(--_space-3);
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;

export const styles = [compactFormStyles, ownStyles];
