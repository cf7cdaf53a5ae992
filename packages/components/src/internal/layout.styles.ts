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
 * - form controls and buttons are at least 24 × 24 CSS px.
 *
 * Elements with wide data tables add `scrollRegionStyles` (`scroll-region.styles.ts`).
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
`;
