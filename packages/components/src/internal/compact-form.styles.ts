import { css } from 'lit';

/** Headings, fields with inline errors, primary/secondary button colours (network-register, resource-finder). */
export const compactFormStyles = css`
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
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .field.has-error {
    border-left: 4px solid var(--_error);
    padding-left: var(--_space-2);
  }
  label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.875rem;
    color: var(--_text-secondary);
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
  }
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
`;
