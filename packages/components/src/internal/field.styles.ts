import { css } from 'lit';

/**
 * The standard field look (`field()` with `look: 'standard'`, and
 * hand-written fieldsets): NHS.UK form groups with the label, hint, inline
 * error and the group's red rule when it has an error; the input width
 * classes; the "(optional)" marker. Part of `formStyles`.
 */
export const fieldStyles = css`
  .form-group {
    margin: 0 0 var(--_space-3);
  }
  .form-group.has-error {
    border-left: 4px solid var(--_error);
    padding-left: var(--_space-3);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin: 0 0 var(--_space-1);
  }
  .hint {
    display: block;
    color: var(--_text-secondary);
    margin: 0 0 var(--_space-1);
    font-weight: 400;
  }
  fieldset {
    border: 0;
    margin: 0 0 var(--_space-3);
    padding: 0;
    min-width: 0;
  }
  input.width-full,
  textarea {
    width: 100%;
  }
  input.width-10 {
    width: 10em;
  }
  input.width-20 {
    width: 20em;
  }
  .error-message {
    color: var(--_error);
    font-weight: 600;
    margin: 0 0 var(--_space-1);
  }
  .optional {
    font-weight: 400;
    color: var(--_text-secondary);
  }
`;

/**
 * The compact field look (`field()` with `look: 'compact'`): label, hint,
 * error and control in a tight column, a red rule beside a field with an
 * error. Part of `compactFormStyles`.
 */
export const compactFieldStyles = css`
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
    margin: 0;
  }
`;
