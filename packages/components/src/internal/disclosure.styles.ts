import { css } from 'lit';

/** A disclosure (`<details>`) whose summary looks like a link (capacity-card's criteria, run-chart's data table). */
export const disclosureStyles = css`
  details {
    margin-top: var(--_space-2);
  }
  summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    min-height: 24px;
  }
`;
