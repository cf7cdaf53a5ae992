import { css } from 'lit';
import { editorStyles } from '../internal/editor.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_accent: var(--links-theme-focus-accent, var(--_success));
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.25rem;
  }
  .coverage {
    color: var(--_text-secondary);
    margin: 0 0 var(--_space-3);
  }
  .theme {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
    background: var(--_surface);
  }
  .theme-name {
    font-size: 1.125rem;
  }
  .theme-description {
    margin: 0 0 var(--_space-2);
    color: var(--_text-secondary);
  }
  .areas {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0;
  }
  .area {
    border-left: 4px solid var(--_border);
    padding: var(--_space-2) var(--_space-3);
    margin: 0 0 var(--_space-2);
  }
  .checkboxes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
  }
  .checkbox {
    display: flex;
    gap: var(--_space-1);
    align-items: center;
    font-weight: 400;
  }
  .checkbox input {
    width: 24px;
    height: 24px;
    margin: 0;
  }
  .linked {
    margin: 0;
    color: var(--_text-secondary);
  }
  .empty {
    margin: 0 0 var(--_space-2);
  }
`;

export const styles = [editorStyles, ownStyles];
