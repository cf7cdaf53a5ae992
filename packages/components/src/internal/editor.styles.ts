import { css } from 'lit';

/** Headings, tags, disclosures, empty and status notes of the plan editors (plan-editor, pdsa-log, theme-focus). */
export const editorStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6,
  [role='heading'] {
    margin: 0 0 var(--_space-2);
    line-height: 1.3;
  }
  .tag {
    display: inline-block;
    font-size: 0.875rem;
    font-weight: 600;
    padding: 0 var(--_space-2);
    border: 1px solid currentColor;
  }
  .empty {
    color: var(--_text-secondary);
  }
  .status:empty {
    display: none;
  }
  details > summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    margin: 0 0 var(--_space-2);
  }
`;

/**
 * A row of radio buttons, each with its label (pdsa-log's "act" choice, plan-editor's conflict review). Placed after
 * an element's own styles, where it was written in each.
 */
export const editorRadioStyles = css`
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
  }
  .radio {
    display: flex;
    gap: var(--_space-1);
    align-items: center;
    font-weight: 400;
  }
  .radio input {
    flex: none;
    width: 24px;
    height: 24px;
    margin: 0;
  }
`;
