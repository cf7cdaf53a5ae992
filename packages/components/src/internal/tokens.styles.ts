import { css } from 'lit';

/**
 * Design tokens every element reads. Defaults follow NHS.UK frontend
 * (colours with WCAG AA contrast, the yellow focus ring). A host restyles the
 * whole toolkit by setting `--links-*` custom properties on any ancestor.
 */
export const tokens = css`
  :host {
    --_font: var(--links-font-family, Frutiger W01, Arial, sans-serif);
    --_text: var(--links-color-text, #212b32);
    --_text-secondary: var(--links-color-text-secondary, #4c6272);
    --_link: var(--links-color-link, #005eb8);
    --_primary: var(--links-color-primary, #005eb8);
    --_on-primary: var(--links-color-on-primary, #ffffff);
    --_success: var(--links-color-success, #007f3b);
    --_warning: var(--links-color-warning, #ffeb3b);
    --_error: var(--links-color-error, #d5281b);
    --_surface: var(--links-color-surface, #ffffff);
    --_background: var(--links-color-background, #f0f4f5);
    --_border: var(--links-color-border, #d8dde0);
    --_border-strong: var(--links-color-border-strong, #4c6272);
    --_focus: var(--links-color-focus, #ffeb3b);
    --_focus-text: var(--links-color-focus-text, #212b32);
    --_radius: var(--links-radius, 4px);
    --_space-1: var(--links-space-1, 4px);
    --_space-2: var(--links-space-2, 8px);
    --_space-3: var(--links-space-3, 16px);
    --_space-4: var(--links-space-4, 24px);
    --_space-5: var(--links-space-5, 32px);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
  }
`;

/** The NHS.UK focus style: yellow background, dark underline. Apply to focusable things. */
export const focusRing = css`
  :where(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: 4px solid transparent;
    background-color: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
`;

/** Visually hidden but read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;
