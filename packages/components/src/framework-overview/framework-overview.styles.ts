import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_columns-min: var(--links-framework-overview-column-min, 16rem);
    --_accent: var(--links-framework-overview-accent, var(--_primary));
  }
  :host([hidden]) {
    display: none;
  }
  [part='base'] {
    background: var(--_surface);
  }
  h2, h3, h4, h5, h6, [role='heading'] {
    margin: 0 0 var(--_space-2);
    font-weight: 600;
    line-height: 1.3;
  }
  .title {
    font-size: 1.5rem;
  }
  .section-heading {
    font-size: 1.25rem;
    margin-top: var(--_space-4);
  }
  .intro {
    margin: 0 0 var(--_space-3);
    color: var(--_text-secondary);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_columns-min)), 1fr));
  }
  li {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space-3);
  }
  li[aria-current='true'] {
    border-color: var(--_border-strong);
    border-top-color: var(--_text);
    box-shadow: 0 0 0 2px var(--_border-strong);
  }
  .item-name {
    font-size: 1.125rem;
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
  }
  .number {
    display: inline-grid;
    place-items: center;
    min-width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-primary);
    font-size: 0.875rem;
    font-weight: 700;
    flex: none;
  }
  p.description {
    margin: 0;
  }
  button {
    margin-top: var(--_space-2);
    font: inherit;
    font-weight: 600;
    color: var(--_link);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
    min-height: 24px;
  }
  button:hover {
    text-decoration-thickness: 3px;
  }
  .themes li {
    border-top-color: var(--_success);
  }
  .responsibilities li {
    border-top-color: var(--_text-secondary);
  }
`;
