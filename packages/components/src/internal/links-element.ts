import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { focusRing, tokens, visuallyHidden } from './tokens.styles.js';
import { layoutStyles } from './layout.styles.js';

/**
 * Base class of every `links-*` element: design tokens, the focus ring, a
 * visually-hidden helper class, a typed `emit`, and the `headingLevel`
 * rule.
 *
 * **Heading level.** An element that renders headings declares its own
 * documented property, e.g.
 * `@property({ attribute: 'heading-level', type: Number }) headingLevel: HeadingLevel = 2;`.
 * The base keeps it usable: a level outside the class's `headingLevels`
 * (2–5 unless the class widens it) goes back to the level the element was
 * constructed with, before the element renders. Subclasses need no
 * `willUpdate` clamp of their own.
 */
export class LinksElement extends LitElement {
  /** Shared styles; subclasses add theirs with `static override styles = [LinksElement.styles, …]`. */
  static override styles: CSSResultGroup = [tokens, focusRing, visuallyHidden, layoutStyles];

  /**
   * The heading levels a `headingLevel` property may take. An element whose
   * headings may sit deeper (past `h6` it uses `role="heading"`) widens it,
   * e.g. `static override headingLevels = [2, 3, 4, 5, 6, 7];`.
   */
  static headingLevels: readonly number[] = [2, 3, 4, 5];

  /** The `headingLevel` the element was constructed with: where an unusable level goes back to. */
  private initialHeadingLevel: unknown;

  /**
   * Dispatches a `links-*` event that bubbles and crosses shadow roots.
   * Returns `false` when a cancelable event was vetoed by the host.
   */
  protected emit<T>(name: `links-${string}`, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(
      new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
    );
  }

  /**
   * Notes the first value `headingLevel` is given: that is the class field's
   * initialiser, run in the constructor before any attribute or property a
   * host sets.
   */
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    if (args[0] === 'headingLevel' && this.initialHeadingLevel === undefined) {
      this.initialHeadingLevel = (this as { headingLevel?: unknown }).headingLevel;
    }
    super.requestUpdate(...args);
  }

  /**
   * Puts an unusable `headingLevel` back to the element's own default
   * before rendering. Runs after `willUpdate`; a change made here does not
   * cause another update.
   */
  protected override update(changed: PropertyValues): void {
    if (changed.has('headingLevel')) {
      const self = this as { headingLevel?: unknown };
      const levels = (this.constructor as typeof LinksElement).headingLevels;
      if (!levels.includes(self.headingLevel as number)) self.headingLevel = this.initialHeadingLevel ?? levels[0];
    }
    super.update(changed);
  }
}
