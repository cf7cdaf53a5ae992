import { css, html, nothing, type CSSResultArray, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { heading } from './heading.js';
import { issueText, type CodedIssue } from './messages.js';
import { errorId, errorMessage, fieldId } from './field.js';
import { fieldStyles } from './field.styles.js';
import { formControlStyles } from './form-control.styles.js';

/** A problem to show on a form: the field's document path and the message (from core). */
export interface FieldError {
  /** The path of the field that shows the error (resolved to a rendered field). */
  readonly path: string;
  /** The path core reported, before resolving. */
  readonly reported: string;
  readonly message: string;
}

export { errorId, fieldId } from './field.js';

const LAST_SEGMENT = /(?:\.[^.[\]]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;

/** The parent of a document path (`a.b[2].c` → `a.b[2]` → `a.b` → `a` → ``). */
export function parentPath(path: string): string {
  const stripped = path.replace(LAST_SEGMENT, '');
  return stripped === path ? '' : stripped;
}

/**
 * Maps each reported problem to the nearest field that is on screen (its
 * message in the page's locale, see `issueText`): the
 * field with exactly that path, else the nearest ancestor path that has a
 * field, else `fallback` (usually the form's first field).
 */
export function resolveErrors(
  issues: readonly ({ path: string } & CodedIssue)[],
  fieldPaths: ReadonlySet<string>,
  fallback: string,
): FieldError[] {
  return issues.map((issue) => {
    let path = issue.path;
    while (path && !fieldPaths.has(path)) path = parentPath(path);
    return { path: path && fieldPaths.has(path) ? path : fallback, reported: issue.path, message: issueText(issue) };
  });
}

/** The document paths of the fields inside a form (`data-path` attributes). */
export function fieldPathsOf(root: ParentNode): Set<string> {
  return new Set([...root.querySelectorAll<HTMLElement>('[data-path]')].map((el) => el.dataset['path']!));
}

/** Attributes that tie a field to its inline error: spread as `aria-invalid` / `aria-describedby`. */
export function errorFor(errors: readonly FieldError[], path: string): FieldError | undefined {
  return errors.find((error) => error.path === path);
}

/** The messages of the errors shown at `path` (for `field()`'s `errors`). */
export function errorsAt(errors: readonly FieldError[], path: string): string[] {
  return errors.filter((error) => error.path === path).map((error) => error.message);
}

/** The inline error message under a field label (GOV.UK/NHS.UK pattern, with a hidden "Error:" prefix). */
export function inlineError(errors: readonly FieldError[], path: string): TemplateResult | typeof nothing {
  return errorMessage(errorId(path), errorsAt(errors, path));
}

/**
 * The error summary at the top of a form (GOV.UK/NHS.UK pattern): a heading
 * and a link per problem. `onFollow` focuses the field. The container has
 * `tabindex="-1"` so the element can move focus to it.
 */
export function errorSummary(
  errors: readonly FieldError[],
  onFollow: (path: string) => void,
  labelFor: (path: string) => string,
  level = 2,
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div
    class="error-summary"
    part="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
  >
    ${heading(level, html`${msg('There is a problem')}`, { id: 'error-summary-title', class: 'error-summary-title' })}
    <ul class="error-summary-list">
      ${errors.map(
        (error) => html`<li>
          <a
            href=${`#${fieldId(error.path)}`}
            @click=${(event: Event) => {
              event.preventDefault();
              onFollow(error.path);
            }}
            >${labelFor(error.path)}${labelFor(error.path) ? ': ' : ''}${error.message}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Reads a text field: trimmed, `undefined` when blank. */
export function textValue(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads a number field typed as text: `undefined` when blank, the number when
 * it reads as one, otherwise the text itself, so that core's validation says
 * what is wrong ("must be a number, not text").
 */
export function numberValue(data: FormData, name: string): number | undefined {
  const text = textValue(data, name);
  if (text === undefined) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return (Number.isNaN(value) ? text : value) as number;
}

/** Focuses the field for `path` inside `root` (or the nearest ancestor field), scrolling it into view. */
export function focusField(root: ShadowRoot | HTMLElement, path: string): boolean {
  let current = path;
  for (;;) {
    const el = (root as ParentNode).querySelector<HTMLElement>(`#${CSS.escape(fieldId(current))}`);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'center' });
      return true;
    }
    if (!current) return false;
    current = parentPath(current);
  }
}

/**
 * Styles of a full form (NHS.UK look): fields (`fieldStyles`), form
 * controls (`formControlStyles`), the error summary, button rows and
 * buttons.
 */
export const formStyles: CSSResultArray = [
  fieldStyles,
  formControlStyles,
  css`
    .error-summary {
      border: 4px solid var(--_error);
      padding: var(--_space-3);
      margin: 0 0 var(--_space-4);
      background: var(--_surface);
    }
    .error-summary:focus {
      outline: 4px solid var(--_focus);
      outline-offset: 0;
      box-shadow: 0 0 0 8px var(--_text);
    }
    .error-summary-title {
      font-size: 1.25rem;
      margin: 0 0 var(--_space-2);
    }
    .error-summary-list {
      margin: 0;
      padding-left: var(--_space-4);
    }
    .error-summary-list a {
      color: var(--_error);
      font-weight: 600;
    }
    .button-row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
    }
    button {
      font: inherit;
      font-weight: 600;
      border-radius: var(--_radius);
      border: 0;
      padding: var(--_space-2) var(--_space-3);
      min-height: 44px;
      cursor: pointer;
      background: var(--_success);
      color: var(--_on-primary);
      box-shadow: 0 4px 0 #00401e;
      margin-bottom: 4px;
    }
    button.secondary {
      background: var(--_surface);
      color: var(--_primary);
      border: 2px solid var(--_primary);
      box-shadow: 0 4px 0 var(--_primary);
    }
    button.warning {
      background: var(--_error);
      box-shadow: 0 4px 0 #6b140e;
    }
    button.link {
      background: none;
      box-shadow: none;
      color: var(--_link);
      text-decoration: underline;
      padding: 0 var(--_space-1);
      min-height: 24px;
      font-weight: 400;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
  `,
];
