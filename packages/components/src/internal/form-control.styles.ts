import { css } from 'lit';

/**
 * The one stylesheet for text inputs, date inputs, selects and text areas
 * (NHS.UK look): a 2px border, a 40px minimum height, a red border when
 * `aria-invalid="true"`, and a yellow focus outline with the border
 * thickened inside it. Every element with form controls includes it
 * (through `formStyles`, `compactFormStyles` or directly).
 *
 * Private tokens an element's stylesheet may set on `:host` (never public):
 * - `--_control-border`: border colour (default the text colour);
 * - `--_control-min-height`, `--_control-padding`: size (default 40px and
 *   4px 8px);
 * - `--_control-focus-width`, `--_control-focus-inset`: focus outline width
 *   (default 4px) and the colour of the inner focus border (default the
 *   text colour).
 * `compactControls` sets the denser look of the register, finder and
 * caseload filters.
 */
export const formControlStyles = css`
  input[type='text'],
  input[type='date'],
  input[type='search'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_control-border, var(--_text));
    border-radius: 0;
    padding: var(--_control-padding, var(--_space-1) var(--_space-2));
    min-height: var(--_control-min-height, 40px);
    box-sizing: border-box;
    max-width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:focus-visible,
  /* A date input's focus is on a part inside it, so it never matches :focus-visible itself. */
  input[type='date']:focus-within,
  select:focus-visible,
  textarea:focus-visible {
    outline: var(--_control-focus-width, 4px) solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_control-focus-inset, var(--_text));
  }
`;

/**
 * The denser look of controls inside a page section (network register,
 * resource finder, caseload filters): strong grey borders, a 3px focus
 * outline, and the surface colour kept under focus. Include after
 * `formControlStyles`.
 */
export const compactControls = css`
  :host {
    --_control-border: var(--_border-strong);
    --_control-focus-width: 3px;
    --_control-focus-inset: var(--_focus-text);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:focus-visible,
  input[type='date']:focus-within,
  select:focus-visible,
  textarea:focus-visible {
    background: var(--_surface);
  }
`;
