import { LitElement, type CSSResultGroup } from 'lit';
import { focusRing, tokens, visuallyHidden } from './tokens.styles.js';
import { layoutStyles } from './layout.styles.js';

/**
 * Base class of every `links-*` element: design tokens, the focus ring, a
 * visually-hidden helper class, and a typed `emit`.
 */
export class LinksElement extends LitElement {
  /** Shared styles; subclasses add theirs with `static override styles = [LinksElement.styles, …]`. */
  static override styles: CSSResultGroup = [tokens, focusRing, visuallyHidden, layoutStyles];

  /**
   * Dispatches a `links-*` event that bubbles and crosses shadow roots.
   * Returns `false` when a cancelable event was vetoed by the host.
   */
  protected emit<T>(name: `links-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }
}
