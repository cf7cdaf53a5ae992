import { css } from 'lit';

/** Surface and title of the referral elements (caseload, referral-detail, referral-form); title without margin. */
export const referralViewStyles = css`
  [part='base'] {
    background: var(--_surface);
  }
  .title {
    font-size: 1.5rem;
    font-weight: 600;
    line-height: 1.3;
  }
`;

/** The refusal box of the referral forms (referral-detail's action forms, referral-form). */
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
