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
