import { css } from 'lit';

/**
 * The refusal box of the referral forms (referral-detail's action forms, referral-form). In its own
 * module so the elements that show no refusal (the caseload) do not load it with `referralViewStyles`.
 */
export const referralFormStyles = css`
  .refusal {
    border: 4px solid var(--_error);
    padding: var(--_space-3);
    margin: 0 0 var(--_space-3);
  }
  .refusal p {
    margin: 0;
  }
`;
