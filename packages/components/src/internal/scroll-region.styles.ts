import { css } from 'lit';

/**
 * Wide data tables (WCAG 2.2 1.4.10 Reflow): a table that must stay a table
 * scrolls inside its own focusable, labelled region
 * (`<div class="scroll-region" part="scroll-region" role="region"
 * tabindex="0" aria-labelledby="…caption id…">`), the first column kept in
 * view where it names the row. Only the elements that render such a table
 * include it, right after `LinksElement.styles`
 * (`static override styles = [LinksElement.styles, scrollRegionStyles, …]`),
 * so the others do not load it (in its own module: a bundler keeps every
 * `css` block of a module it includes).
 */
export const scrollRegionStyles = css`
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
