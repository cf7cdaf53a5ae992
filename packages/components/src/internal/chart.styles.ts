import { css } from 'lit';

/** Base styles of the inline SVG bar charts (maturity profile, cohort comparison): a fluid figure, grid lines, labels. */
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
`;
