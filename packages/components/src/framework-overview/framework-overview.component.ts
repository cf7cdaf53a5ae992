import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { LINKS_FRAMEWORK, type Capacity, type Framework } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { styles } from './framework-overview.styles.js';

/** Which parts of the framework the overview shows. */
export type FrameworkSection = 'capacities' | 'themes' | 'responsibilities';

/** Detail of the `links-capacity-select` event. */
export interface CapacitySelectDetail {
  /** The capacity the user chose. */
  readonly capacity: Capacity;
}

/**
 * Shows the Links framework a plan is written against: the 7 capacities a
 * practice needs, the 5 self-management themes, and the Community Links
 * Practitioner's responsibilities, as headed lists a screen reader can
 * navigate.
 *
 * @summary The Links framework: capacities, themes and CLP responsibilities.
 *
 * @fires {CustomEvent<CapacitySelectDetail>} links-capacity-select - The user chose a capacity (only when `selectable`).
 *
 * @csspart base - The wrapper around everything.
 * @csspart header - The title and introduction.
 * @csspart heading - The title.
 * @csspart section - One section: capacities, themes or responsibilities.
 * @csspart section-heading - A section's heading.
 * @csspart list - A section's list.
 * @csspart item - One capacity, theme or responsibility.
 * @csspart item-name - The name of one item.
 * @csspart item-description - The description of one item.
 * @csspart number - The number badge before a capacity's name.
 * @csspart select-button - The button that chooses a capacity (when `selectable`).
 *
 * @cssproperty --links-framework-overview-column-min - Narrowest a card may get before the grid wraps (default 16rem).
 * @cssproperty --links-framework-overview-accent - Colour of the capacity cards' top border and number badges (default the primary colour).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-text - Global: body text colour.
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot - Optional introduction shown under the title, replacing the default one.
 */
@localized()
export class LinksFrameworkOverview extends LinksElement {
  static override styles = [LinksElement.styles, styles];

  /** The framework to show. Defaults to the Links framework shipped with core. */
  @property({ attribute: false })
  framework: Framework = LINKS_FRAMEWORK;

  /** Which sections to show, space-separated: any of `capacities`, `themes`, `responsibilities`. */
  @property({ reflect: true })
  sections = 'capacities themes responsibilities';

  /** Level (2–5) of the title heading, so the element fits the host page's outline; section headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** When set, each capacity offers a button that fires `links-capacity-select`. */
  @property({ type: Boolean, reflect: true })
  selectable = false;

  /** Id of the capacity marked as current (for example the one open in a plan editor). */
  @property({ attribute: 'selected-capacity' })
  selectedCapacity: string | undefined;

  private get shownSections(): Set<string> {
    return new Set(this.sections.split(/\s+/).filter(Boolean));
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    const shown = this.shownSections;
    const { framework } = this;
    return html`
      <article part="base" aria-labelledby="title">
        <header part="header">
          ${heading(level, html`${framework.name}`, { id: 'title', class: 'title', part: 'heading' })}
          <slot>
            <p class="intro">
              ${msg(
                str`A practice-wide approach to helping people live well in their community. Framework version ${framework.version}.`,
              )}
            </p>
          </slot>
        </header>
        ${shown.has('capacities') ? this.renderCapacities(level + 1) : nothing}
        ${
          shown.has('themes')
            ? this.renderSection('themes', msg('Self-management themes'), level + 1, framework.themes)
            : nothing
        }
        ${
          shown.has('responsibilities') && framework.responsibilities.length > 0
            ? this.renderSection(
                'responsibilities',
                msg('What the Community Links Practitioner does'),
                level + 1,
                framework.responsibilities,
              )
            : nothing
        }
      </article>
    `;
  }

  private renderCapacities(level: number): TemplateResult {
    const capacities = this.framework.capacities;
    return html`
      <section part="section" class="capacities" aria-labelledby="capacities-heading">
        ${heading(
          level,
          capacities.length === 1
            ? html`${msg('The capacity')}`
            : html`${msg(str`The ${formatNumber(capacities.length)} capacities`)}`,
          {
            id: 'capacities-heading',
            class: 'section-heading',
            part: 'section-heading',
          },
        )}
        <ol part="list">
          ${capacities.map(
            (capacity, index) => html`
              <li part="item" aria-current=${this.selectedCapacity === capacity.id ? 'true' : nothing}>
                ${heading(
                  level + 1,
                  html`<span class="number" part="number" aria-hidden="true">${index + 1}</span>${capacity.name}`,
                  { class: 'item-name', part: 'item-name' },
                )}
                <p class="description" part="item-description">${capacity.description}</p>
                ${
                  this.selectable
                    ? html`<button type="button" part="select-button" @click=${() => this.select(capacity)}>
                      ${msg(html`Open ${capacity.name}<span class="visually-hidden"> in the plan</span>`)}
                    </button>`
                    : nothing
                }
              </li>
            `,
          )}
        </ol>
      </section>
    `;
  }

  private renderSection(
    id: string,
    title: string,
    level: number,
    items: readonly { id: string; name: string; description: string }[],
  ): TemplateResult {
    return html`
      <section part="section" class=${id} aria-labelledby="${id}-heading">
        ${heading(level, html`${title}`, { id: `${id}-heading`, class: 'section-heading', part: 'section-heading' })}
        <ol part="list">
          ${items.map(
            (item) => html`
              <li part="item">
                ${heading(level + 1, html`${item.name}`, { class: 'item-name', part: 'item-name' })}
                <p class="description" part="item-description">${item.description}</p>
              </li>
            `,
          )}
        </ol>
      </section>
    `;
  }

  private select(capacity: Capacity): void {
    this.selectedCapacity = capacity.id;
    this.emit<CapacitySelectDetail>('links-capacity-select', { capacity });
  }
}
