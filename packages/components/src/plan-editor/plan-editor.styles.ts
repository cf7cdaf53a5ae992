import { css } from 'lit';
import { editorRadioStyles, editorStyles } from '../internal/editor.styles.js';
import { dataTableStyles } from '../internal/table.styles.js';

const ownStyles = css`
  :host {
    display: block;
    --_nav-width: var(--links-plan-editor-nav-width, 15rem);
    --_accent: var(--links-plan-editor-accent, var(--_primary));
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.5rem;
  }
  .meta {
    margin: 0 0 var(--_space-3);
    color: var(--_text-secondary);
  }
  .tag {
    color: #003d78;
    background: #d2e2f1;
    text-transform: capitalize;
  }
  .save-state {
    font-weight: 600;
  }
  .save-state.error,
  .save-state.conflict {
    color: var(--_error);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, var(--_nav-width)) minmax(0, 1fr);
    gap: var(--_space-4);
    align-items: start;
  }
  /* The element's own width decides: in a narrow column or panel the section list goes above the section. */
  @container links (max-width: 40rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    border-left: 4px solid var(--_border);
  }
  nav li {
    margin: 0;
  }
  nav button {
    all: unset;
    box-sizing: border-box;
    display: block;
    width: 100%;
    padding: var(--_space-2) var(--_space-3);
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    min-height: 44px;
  }
  nav button[aria-current='true'] {
    color: var(--_text);
    font-weight: 600;
    text-decoration: none;
    border-left: 4px solid var(--_accent);
    margin-left: -4px;
  }
  nav button:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    outline: none;
  }
  .panel-title {
    font-size: 1.375rem;
  }
  .panel-description {
    color: var(--_text-secondary);
    margin: 0 0 var(--_space-3);
  }
  .block {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space-3);
    margin-top: var(--_space-3);
  }
  .block-title {
    font-size: 1.25rem;
  }
  .card {
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  .card-title {
    font-size: 1.125rem;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-3);
  }
  .row > * {
    min-width: 0;
    max-width: 100%;
  }
  table {
    margin: 0 0 var(--_space-3);
    width: 100%;
  }
  th,
  td {
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: right;
  }
  .note {
    color: var(--_text-secondary);
    margin: 0 0 var(--_space-2);
  }
  .banner {
    border: 4px solid var(--_error);
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  .banner.info {
    border-color: var(--_primary);
  }
  .banner:focus {
    outline: 4px solid var(--_focus);
  }
  .status {
    border-left: 4px solid var(--_success);
    padding-left: var(--_space-2);
  }
  details > summary {
    min-height: 24px;
  }
  fieldset.panel {
    margin: 0;
  }
  /* The sections render into this shadow root and add no box of their own: the layout is the editor's. */
  links-plan-lead,
  links-plan-aims,
  links-plan-measures,
  links-plan-change-ideas,
  links-plan-evidence,
  links-plan-self-assessment,
  links-plan-details {
    display: contents;
  }
  /* Conflict review: one choice per field both people changed. */
  .review {
    margin-top: var(--_space-3);
  }
`;

export const styles = [editorStyles, dataTableStyles, ownStyles, editorRadioStyles];
