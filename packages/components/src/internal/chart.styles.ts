import { css } from 'lit';

/** Inline SVG bar charts (maturity-profile, cohort-comparison, programme-report): figure, grid, labels, legend. */
export const chartStyles = css`
  figure {
    margin: 0;
  }
  svg {
    display: block;
    width: 100%;
    max-width: 40rem;
    height: auto;
    font-size: 13px;
  }
  .grid {
    stroke: var(--_border);
  }
  .tick,
  .name,
  .value {
    fill: var(--_text);
  }
  figcaption {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    font-size: 0.95rem;
    color: var(--_text-secondary);
  }
`;

/** A legend key's colour block, coloured by the element (cohort-comparison, programme-report). */
export const legendSwatchStyles = css`
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 0.75rem;
    vertical-align: middle;
  }
`;

/** The panel and title of the single-chart elements (cohort-comparison, maturity-profile). */
export const chartPanelStyles = css`
  section {
    background: var(--_surface);
  }
  .title {
    font-size: 1.25rem;
    margin: 0 0 var(--_space-1);
  }
`;
