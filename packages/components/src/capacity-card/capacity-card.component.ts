import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { CapacityScore, CriterionResult } from '@links-approach/core/maturity';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatFixed } from '../internal/format.js';
import { issueText } from '../internal/messages.js';
import { styles } from './capacity-card.styles.js';

const lv = (level: number) => formatFixed(level, 1);
/** Ends a title with a full stop unless it already ends a sentence. */
const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
/** The scorer's reason in the page's language (core's English in en-GB, or where the reason has no code). */
const reasonText = (r: Pick<CriterionResult, 'reason' | 'messageCode' | 'params'>) =>
  issueText({ message: r.reason, messageCode: r.messageCode, params: r.params });

/**
 * One capacity's maturity: its evidence-based level (0–5), the next step,
 * what the plan already shows, and what is still needed, each with the
 * scorer's plain-English reason. The team's own rating, when recorded, is
 * shown beside the evidence-based level, never instead of it. Renders a
 * `CapacityScore` from core's `scorePlan`; it decides nothing itself.
 *
 * @summary A capacity's maturity level, criteria met and unmet, and next step.
 *
 * @csspart base - The card.
 * @csspart heading - The capacity's name.
 * @csspart level - The level and its name.
 * @csspart meter - The level meter (0–5).
 * @csspart next-step - The next step box.
 * @csspart details - The disclosure holding the criteria lists.
 * @csspart self-assessment - The team's own rating.
 * @csspart criteria - Each list of criteria.
 * @csspart criterion - One criterion.
 *
 * @cssproperty --links-capacity-card-accent - Colour of the card's top border and the meter (default the primary colour).
 * @cssproperty --links-color-primary - Global: primary colour.
 * @cssproperty --links-color-success - Global: colour of met criteria marks.
 */
@localized()
export class LinksCapacityCard extends LinksElement {
  static override styles = [LinksElement.styles, styles];

  /** The capacity's score, from `scorePlan(plan).capacities`. */
  @property({ attribute: false })
  score: CapacityScore | undefined;

  /** Level (2–5) of the capacity's heading; the lists' headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 3;

  /** Show the criteria lists open rather than behind their disclosure. */
  @property({ attribute: 'criteria-open', type: Boolean })
  criteriaOpen = false;

  /** Hide the criteria lists and show only the level and the next step. */
  @property({ type: Boolean, reflect: true })
  compact = false;

  protected override render(): TemplateResult {
    const s = this.score;
    if (!s) return html`<article part="base"><p>${msg('No score to show.')}</p></article>`;
    const shown = s.criteria.filter((c) => c.met && c.level <= s.level);
    const needed = s.criteria.filter((c) => !c.met);
    const ahead = s.criteria.filter((c) => c.met && c.level > s.level);
    const sub = this.headingLevel + 1;
    return html`
      <article part="base" aria-labelledby="name">
        ${heading(this.headingLevel, html`${s.name}`, { id: 'name', class: 'name', part: 'heading' })}
        <p class="level" part="level">
          <span class="level-value">${lv(s.level)}</span>
          <span class="level-name">${s.levelName}</span>
          <span class="visually-hidden">${msg(str`, level ${lv(s.level)} of 5`)}</span>
        </p>
        <meter part="meter" min="0" max="5" value=${s.level} aria-label=${msg(str`Level ${lv(s.level)} of 5`)}></meter>
        ${
          s.selfAssessedLevel !== undefined
            ? html`<p class="self" part="self-assessment">
              ${msg(html`The team’s own rating: <strong>${lv(s.selfAssessedLevel)}</strong>`)}
              ${
                s.selfAssessedLevel === s.level
                  ? msg('(the same as the evidence)')
                  : msg(str`(the evidence shows ${lv(s.level)})`)
              }
            </p>`
            : nothing
        }
        <div class="next" part="next-step">
          ${
            s.nextStep
              ? html`<p class="next-title">
                  ${msg(html`<strong>Next step</strong> (to reach ${lv(s.nextStep.level)} ${s.nextStep.levelName}):`)}
                  ${sentence(s.nextStep.title)}
                </p>
                <p class="next-reason">${reasonText(s.nextStep)}</p>`
              : html`<p class="next-title">${msg(html`<strong>Top level reached.</strong> Keep the evidence up to date.`)}</p>`
          }
        </div>
        ${
          this.compact
            ? nothing
            : html`<details part="details" ?open=${this.criteriaOpen}>
              <summary>${msg(str`Evidence and criteria: ${s.criteria.length - needed.length} of ${s.criteria.length} met`)}</summary>
              ${this.renderList(sub, 'shown', msg('What the plan shows'), shown, msg('Nothing yet.'))}
              ${this.renderList(sub, 'needed', msg('Still needed'), needed, msg('Nothing: every criterion is met.'))}
              ${
                ahead.length > 0
                  ? this.renderList(sub, 'ahead', msg('Already in place for higher levels'), ahead, '')
                  : nothing
              }
            </details>`
        }
      </article>
    `;
  }

  private renderList(
    level: number,
    id: string,
    title: string,
    items: readonly CriterionResult[],
    empty: string,
  ): TemplateResult {
    return html`<section class="list ${id}" aria-labelledby="${id}-heading">
      ${heading(level, html`${title}`, { id: `${id}-heading`, class: 'list-heading' })}
      ${
        items.length === 0
          ? html`<p class="empty">${empty}</p>`
          : html`<ul part="criteria">
            ${items.map(
              (c) => html`<li part="criterion" class=${c.met ? 'met' : 'unmet'}>
                <span class="mark" aria-hidden="true">${c.met ? '✓' : '○'}</span>
                <span class="visually-hidden">${c.met ? msg('Met') : msg('Not yet')}:</span>
                <span class="criterion-level">${lv(c.level)}</span>
                <span class="criterion-text"
                  >${c.met ? reasonText(c) : html`${sentence(c.title)} <span class="reason">${reasonText(c)}</span>`}</span
                >
              </li>`,
            )}
          </ul>`
      }
    </section>`;
  }
}
