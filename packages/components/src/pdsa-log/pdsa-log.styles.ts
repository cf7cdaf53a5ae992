import { css } from 'lit';
import { editorRadioStyles, editorStyles } from '../internal/editor.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_line: var(--links-pdsa-log-line-color, var(--_border-strong));
    --_open: var(--links-pdsa-log-open-color, var(--_primary));
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.25rem;
  }
  .timeline {
    list-style: none;
    margin: 0 0 var(--_space-3);
    padding: 0 0 0 var(--_space-4);
    border-left: 4px solid var(--_line);
  }
  .cycle {
    position: relative;
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .cycle::before {
    content: '';
    position: absolute;
    left: calc(-1 * var(--_space-4) - 12px);
    top: var(--_space-3);
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--_line);
    border: 2px solid var(--_surface);
  }
  .cycle.open::before {
    background: var(--_open);
  }
  .form-title {
    font-size: 1.125rem;
  }
  .cycle-title {
    font-size: 1.125rem;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: baseline;
  }
  .tag {
    color: var(--_text);
    background: var(--_background);
  }
  .tag.adopt {
    color: #005a2b;
    background: #cce5d8;
  }
  .tag.adapt {
    color: #003d78;
    background: #d2e2f1;
  }
  .tag.abandon {
    color: #6b140e;
    background: #f7d4d1;
  }
  .tag.open {
    color: #003d78;
    background: #ffffff;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
    gap: var(--_space-1) var(--_space-3);
    margin: 0 0 var(--_space-2);
  }
  /* In a narrow column each answer goes under its question. */
  @container links (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    dd {
      margin-bottom: var(--_space-2);
    }
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    white-space: pre-line;
  }
`;

export const styles = [editorStyles, ownStyles, editorRadioStyles];
