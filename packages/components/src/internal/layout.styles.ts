import { css } from 'lit';

/**
 * Responsive layout every element shares (WCAG 2.2 1.4.10 Reflow, 2.5.8
 * Target Size):
 * - the `base` part is an inline-size container named `links`, so an
 *   element's own width (a column, a side panel), not the viewport, decides
 *   its layout through `@container links (…)` rules;
 * - long words and references wrap instead of pushing the page wider, but
 *   never inside a word when the word fits (`overflow-wrap: break-word`,
 *   `hyphens: manual`);
 * - form controls and buttons are at least 24 × 24 CSS px;
 * - wide data tables scroll inside their own focusable, labelled region
 *   (`<div class="scroll-region" part="scroll-region" role="region"
 *   tabindex="0" aria-labelledby="…caption id…">`), the first column kept
 *   in view where it names the row.
 */
export const layoutStyles = css`
  :host {
    overflow-wrap: break-word;
    word-break: normal;
    hyphens: manual;
    min-width: 0;
  }
  [part~='base'] {
    container: links / inline-size;
    min-width: 0;
    max-width: 100%;
  }
  :where(button, select, input:not([type='hidden']), summary) {
    min-height: 24px;
  }
  :where(button, select) {
    min-width: 24px;
    max-width: 100%;
  }
  :where(input:not([type='checkbox'], [type='radio'], [type='range'], [type='hidden']), textarea, select) {
    max-width: 100%;
    box-sizing: border-box;
  }
  /* A fieldset is as wide as its widest content by default; let it shrink with its container. */
  fieldset {
    min-width: 0;
  }
  :where(img, svg, canvas) {
    max-width: 100%;
  }
  /* A table that must stay a table scrolls sideways inside its own region, not the page. */
  .scroll-region {
    display: block;
    max-width: 100%;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    /* The containing block of what is positioned inside (visually hidden text), so it scrolls too. */
    position: relative;
    container-type: inline-size;
  }
  /* The caption wraps to the region's width and stays in view while the table scrolls. */
  .scroll-region > table > caption {
    position: sticky;
    left: 0;
    max-width: 100cqi;
    box-sizing: border-box;
  }
  .scroll-region:focus-visible {
    outline: 3px solid var(--_focus-text);
    outline-offset: -3px;
    box-shadow: inset 0 0 0 6px var(--_focus);
    background-color: transparent;
  }
  .scroll-region > table {
    min-width: 100%;
  }
  /* Headers break between words, never inside one. */
  .scroll-region th {
    overflow-wrap: normal;
  }
  /* The first column names the row: it stays in view while the rest scrolls. */
  .scroll-region :is(th, td):first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--links-table-sticky-background, var(--_surface));
    box-shadow: inset -1px 0 0 var(--_border);
  }
`;
