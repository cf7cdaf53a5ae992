import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_accent: var(--links-outcome-form-accent, var(--_primary));
    --_option-size: var(--links-outcome-form-option-size, 2.75rem);
  }
  :host([hidden]) {
    display: none;
  }
  .title {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-2);
  }
  .preamble,
  .source {
    margin: 0 0 var(--_space-3);
  }
  .source {
    font-size: 0.9rem;
    color: var(--_text-secondary);
  }
  legend {
    font-size: 1.125rem;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: var(--_space-2) 0 0;
    padding: 0;
  }
  .options.anchored {
    padding-bottom: 1.75rem;
  }
  .option {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    min-width: var(--_option-size);
    max-width: 9rem;
    text-align: center;
  }
  .option input {
    position: absolute;
    opacity: 0;
    width: 100%;
    height: var(--_option-size);
    margin: 0;
    cursor: pointer;
  }
  .option label {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    min-width: var(--_option-size);
    min-height: var(--_option-size);
    padding: 0 var(--_space-2);
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    margin: 0;
    cursor: pointer;
  }
  .option input:checked + label {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-primary);
  }
  .option input:focus-visible + label {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 6px var(--_text);
  }
  .option input:disabled + label {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .anchor {
    position: absolute;
    top: calc(var(--_option-size) + 4px);
    white-space: nowrap;
    font-size: 0.85rem;
    color: var(--_text-secondary);
  }
  .anchor.start {
    left: 0;
  }
  .anchor.end {
    right: 0;
  }
  /* Where the eleven options wrap onto more lines, each end's words go under its own option. */
  @container links (max-width: 36rem) {
    .options.anchored {
      padding-bottom: 0;
    }
    .anchor {
      position: static;
      white-space: normal;
      text-align: center;
      max-width: 6rem;
      margin-top: 2px;
    }
  }
  .clear {
    margin-top: var(--_space-2);
    font: inherit;
    color: var(--_link);
    background: none;
    border: 0;
    box-shadow: none;
    font-weight: 400;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
    min-height: 24px;
  }
`;
