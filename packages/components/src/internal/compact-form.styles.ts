import { css, type CSSResultArray } from 'lit';
import { compactControls, formControlStyles } from './form-control.styles.js';
import { compactFieldStyles } from './field.styles.js';

/**
 * Headings, compact fields with inline errors, the form controls in their
 * compact look, primary/secondary button colours (network-register,
 * resource-finder).
 */
export const compactFormStyles: CSSResultArray = [
  formControlStyles,
  compactControls,
  css`
    h2,
    h3,
    h4,
    h5,
    h6,
    [role='heading'] {
      margin: 0 0 var(--_space-2);
      font-weight: 600;
      line-height: 1.3;
    }
    .title {
      font-size: 1.5rem;
    }
  `,
  compactFieldStyles,
  css`
    button.primary {
      color: var(--_on-primary);
      background: var(--_success);
      border: 2px solid transparent;
      box-shadow: 0 4px 0 #00401e;
    }
    button.secondary {
      color: var(--_link);
      background: var(--_surface);
      border: 2px solid var(--_link);
    }
  `,
];
