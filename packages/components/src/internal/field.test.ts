import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { errorMessage, field, fieldId } from './field.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function renderInto(template: ReturnType<typeof field>): HTMLElement {
  const container = document.createElement('div');
  render(template, container);
  return container;
}

describe('internal: field() and errorMessage()', () => {
  it('wires label, hint and errors to the control, and marks an optional field', () => {
    const root = renderInto(
      field({
        path: 'outcome.summary',
        label: 'What changed',
        control: 'textarea',
        hint: 'In a few words',
        errors: ['is required', 'is too short'],
        required: false,
      }),
    );
    const id = fieldId('outcome.summary');
    const control = root.querySelector('textarea')!;
    expect(control.id).to.equal(id);
    expect(control.name).to.equal('outcome.summary');
    expect(control.dataset['path']).to.equal('outcome.summary');
    expect(control.getAttribute('aria-invalid')).to.equal('true');
    expect(control.getAttribute('aria-describedby')).to.equal(`${id}-hint ${id}-error`);
    expect(root.querySelector(`label[for="${id}"]`)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'What changed (optional)',
    );
    expect(text(root.querySelector(`#${CSS.escape(id)}-hint`))).to.equal('In a few words');
    const error = root.querySelector(`#${CSS.escape(id)}-error`)!;
    expect(error.className).to.equal('error-message');
    expect(error.querySelectorAll('br')).to.have.length(1);
    expect(text(error)).to.equal(
      'Error: is requiredError: is too short',
      'each message after its own hidden prefix, on its own line',
    );
    expect(root.querySelector('.form-group')!.classList.contains('has-error')).to.be.true;
  });

  it('renders a field without an error or a hint with no empty ARIA attributes', () => {
    const root = renderInto(field({ path: 'due', label: 'Due on', control: 'date' }));
    const input = root.querySelector('input')!;
    expect(input.type).to.equal('date');
    expect(input.className).to.equal('width-10');
    expect(input.hasAttribute('aria-invalid')).to.be.false;
    expect(input.hasAttribute('aria-describedby')).to.be.false;
    expect(root.querySelector('.error-message, .hint')).to.be.null;
  });

  it('renders selects with the chosen option, and number fields as text with a numeric keyboard', () => {
    const root = renderInto(
      html`${field({
        path: 'urgency',
        label: 'Urgency',
        control: 'select',
        value: 'soon',
        options: [
          ['routine', 'Routine'],
          ['soon', 'Soon'],
        ],
      })}
      ${field({ path: 'minutes', label: 'Minutes', control: 'number', inputmode: 'numeric', value: 45 })}`,
    );
    expect(root.querySelector('select')!.value).to.equal('soon');
    const number = root.querySelector<HTMLInputElement>('input')!;
    expect(number.type).to.equal('text');
    expect(number.inputMode).to.equal('numeric');
    expect(number.value).to.equal('45');
  });

  it('compact look: its own classes, an explicit id and name, no data-path without a path', () => {
    const root = renderInto(
      field({
        id: 'add-name',
        name: 'name',
        label: 'Organisation',
        look: 'compact',
        errors: ['Organisation is required'],
        autocomplete: 'off',
      }),
    );
    const input = root.querySelector('input')!;
    expect(input.id).to.equal('add-name');
    expect(input.name).to.equal('name');
    expect(input.hasAttribute('data-path')).to.be.false;
    expect(input.hasAttribute('class')).to.be.false;
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(root.querySelector('.field.has-error')).to.exist;
    expect(text(root.querySelector('#add-name-error.field-error'))).to.equal('Error: Organisation is required');
  });

  it('errorMessage() renders nothing without messages, and is read with its control', async () => {
    expect(renderInto(html`${errorMessage('x-error', [])}`).children).to.have.length(0);
    const el = await fixture<HTMLElement>(
      html`<div>${field({ path: 'note', label: 'Note', errors: ['is too long'] })}</div>`,
    );
    await expect(el).to.be.accessible();
  });
});
