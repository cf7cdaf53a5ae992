import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PlanMergeConflict } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/format.js';
import { formatTime } from './labels.js';
import type { PlanStoreController } from './plan-store-controller.js';

/** What the banner's buttons do and how it names fields. */
export interface ConflictBannerOptions {
  readonly headingLevel: number;
  readonly onKeepMine: () => void;
  readonly onDiscard: () => void;
  /** The label of the field at a JSON path, when it is on screen. */
  readonly labelFor: (path: string) => string;
}

/** A plan value for people: text as it is, an item by its wording, nothing as "(none)". */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return msg('(none)');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') {
    const item = value as Record<string, unknown>;
    const words = item['statement'] ?? item['name'] ?? item['title'] ?? item['text'] ?? item['plan'] ?? item['note'];
    if (typeof words === 'string') return words;
  }
  return JSON.stringify(value);
}

function renderChoice(
  c: PlanMergeConflict,
  index: number,
  controller: PlanStoreController,
  label: string,
): TemplateResult {
  const name = `merge-${index}`;
  return html`<li>
    <fieldset>
      <legend>${label ? html`${label} <span class="note">(${c.path})</span>` : c.path}</legend>
      <div class="radios">
        <label class="radio"
          ><input
            type="radio"
            name=${name}
            .checked=${c.chosen === 'mine'}
            @change=${() => controller.choose(c.key, 'mine')}
          />${msg(str`Mine: ${show(c.mine)}`)}</label
        >
        <label class="radio"
          ><input
            type="radio"
            name=${name}
            .checked=${c.chosen === 'theirs'}
            @change=${() => controller.choose(c.key, 'theirs')}
          />${msg(str`Theirs: ${show(c.theirs)}`)}</label
        >
      </div>
    </fieldset>
  </li>`;
}

/**
 * The banner shown when someone else saved first: who saved and when, and
 * the choices (save mine as the newest version, review and reapply mine on
 * theirs, discard mine); during a review, the conflicting fields with a
 * choice each, then save.
 */
export function conflictBanner(
  controller: PlanStoreController,
  o: ConflictBannerOptions,
): TemplateResult | typeof nothing {
  const c = controller.conflict;
  if (!c) return nothing;
  const revision = formatNumber(c.currentRevision);
  const editing = formatNumber(c.expectedRevision);
  const saved = c.currentSavedBy
    ? c.currentSavedAt
      ? msg(
          str`Revision ${revision} was saved by ${c.currentSavedBy} at ${formatTime(c.currentSavedAt)} while you were editing revision ${editing}.`,
        )
      : msg(str`Revision ${revision} was saved by ${c.currentSavedBy} while you were editing revision ${editing}.`)
    : msg(str`Revision ${revision} was saved while you were editing revision ${editing}.`);
  const review = controller.review;
  return html`<div class="banner conflict" part="conflict" role="alert" tabindex="-1" aria-labelledby="conflict-title">
    ${heading(o.headingLevel, html`${msg('Someone else saved this plan')}`, { id: 'conflict-title' })}
    <p>${saved} ${msg('Your changes are kept here and have not been saved.')}</p>
    ${
      review
        ? html`<form
          class="review"
          novalidate
          aria-labelledby="review-title"
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            controller.saveReview();
          }}
        >
          ${heading(o.headingLevel + 1, html`${msg('Choose where you both changed the same thing')}`, {
            id: 'review-title',
          })}
          <p>
            ${msg(
              str`Your other changes are reapplied to revision ${formatNumber(review.theirs.revision)}. ${formatNumber(
                review.merge.conflicts.length,
              )} changed both ways:`,
            )}
          </p>
          <ol class="items">
            ${review.merge.conflicts.map((conflict, i) => renderChoice(conflict, i, controller, o.labelFor(conflict.path)))}
          </ol>
          <div class="button-row">
            <button type="submit">${msg('Save with these choices')}</button>
            <button type="button" class="secondary" @click=${() => controller.cancelReview()}>
              ${msg('Back')}
            </button>
          </div>
        </form>`
        : html`<div class="button-row">
          <button type="button" @click=${o.onKeepMine}>${msg('Save my changes as the newest version')}</button>
          <button type="button" class="secondary" @click=${o.onDiscard}>
            ${msg('Discard my changes and load theirs')}
          </button>
          <button type="button" class="secondary" @click=${() => void controller.startReview()}>
            ${msg('Review and reapply my changes')}
          </button>
        </div>`
    }
  </div>`;
}
