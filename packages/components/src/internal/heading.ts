import { html, nothing, type TemplateResult } from 'lit';

/** A heading level an element may be told to start at. */
export type HeadingLevel = 2 | 3 | 4 | 5;

/**
 * Renders a heading at a runtime level (`h2`…`h6`). Lit cannot bind a tag
 * name, and static html would cost a bundle import for this alone, so past
 * h6 it falls back to `role="heading"` with `aria-level`.
 */
export function heading(
  level: number,
  content: TemplateResult,
  attrs: { id?: string; class?: string; part?: string } = {},
): TemplateResult {
  const { id = '', class: cls = '', part = '' } = attrs;
  switch (level) {
    case 2:
      return html`<h2 id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</h5>`;
    case 6:
      return html`<h6 id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</h6>`;
    default:
      return html`<div role="heading" aria-level=${level} id=${id || nothing} class=${cls || nothing} part=${part || nothing}>${content}</div>`;
  }
}
