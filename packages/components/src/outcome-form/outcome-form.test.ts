import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ONS4, type Instrument } from '@links-approach/core/outcomes';
import './outcome-form.js';
import type { LinksOutcomeForm } from './outcome-form.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const radios = (el: LinksOutcomeForm, item: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${item}"]`),
];

describe('<links-outcome-form>', () => {
  it('renders ONS4 as four fieldsets with legends and 0–10 radio groups, and is accessible', async () => {
    const el = await fixture<LinksOutcomeForm>(html`<links-outcome-form></links-outcome-form>`);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('ONS personal well-being (ONS4)');
    const fieldsets = root.querySelectorAll('fieldset');
    expect(fieldsets).to.have.length(4);
    expect(text(fieldsets[0]!.querySelector('legend'))).to.equal(
      'Overall, how satisfied are you with your life nowadays?',
    );
    expect(radios(el, 'anxiety')).to.have.length(11);
    const zero = radios(el, 'life-satisfaction')[0]!;
    expect(text(root.querySelector(`label[for="${zero.id}"]`))).to.equal('0');
    expect(text(root.getElementById(zero.getAttribute('aria-describedby')!))).to.equal('Not at all satisfied');
    expect(text(root.getElementById(fieldsets[0]!.getAttribute('aria-describedby')!))).to.contain(
      "'not at all satisfied'",
    );
    expect(text(root.querySelector('.source'))).to.contain('Open Government Licence');
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: arrow keys move between answers and choose them', async () => {
    const el = await fixture<LinksOutcomeForm>(html`<links-outcome-form></links-outcome-form>`);
    const group = radios(el, 'happiness');
    group[5]!.focus();
    group[5]!.click();
    await el.updateComplete;
    setTimeout(() => void sendKeys({ press: 'ArrowRight' }));
    const event = (await oneEvent(el, 'links-outcome-change')) as CustomEvent;
    expect(event.detail.itemId).to.equal('happiness');
    expect(event.detail.answers).to.deep.equal({ happiness: 6 });
    expect(event.detail.complete).to.be.false;
    expect(event.bubbles && event.composed).to.be.true;
    expect(el.value).to.deep.equal({ happiness: 6 });
    expect(el.shadowRoot!.activeElement).to.equal(group[6]);
  });

  it('takes part in a host form: value as JSON, required blocks submission until every item is answered', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><links-outcome-form name="ons4" required></links-outcome-form></form>`,
    );
    const el = form.querySelector('links-outcome-form')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    expect(form.checkValidity()).to.be.false;
    expect(el.validity.valueMissing).to.be.true;
    expect(el.validationMessage).to.equal('Answer every question: 4 still need an answer.');
    expect(new FormData(form).get('ons4')).to.be.null;

    // Submitting shows what is missing beside each question.
    expect(el.reportValidity()).to.be.false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.error-message')).to.have.length(4);
    expect(text(el.shadowRoot!.querySelector('.error-message'))).to.equal(
      'Error: Choose an answer to: Life satisfaction',
    );

    for (const [item, value] of [
      ['life-satisfaction', 7],
      ['worthwhile', 8],
      ['happiness', 6],
      ['anxiety', 2],
    ] as const) {
      radios(el, item)[value]!.click();
    }
    await el.updateComplete;
    expect(form.checkValidity()).to.be.true;
    expect(el.shadowRoot!.querySelectorAll('.error-message')).to.have.length(0);
    expect(JSON.parse(new FormData(form).get('ons4') as string)).to.deep.equal({
      'life-satisfaction': 7,
      worthwhile: 8,
      happiness: 6,
      anxiety: 2,
    });
    await expect(el).to.be.accessible();

    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({});
    expect(radios(el, 'anxiety').some((r) => r.checked)).to.be.false;
  });

  it('follows a disabled fieldset, and lets an optional answer be cleared', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset disabled><links-outcome-form name="o" .value=${{ anxiety: 3 }}></links-outcome-form></fieldset></form>`,
    );
    const el = form.querySelector('links-outcome-form')!;
    await el.updateComplete;
    expect(radios(el, 'anxiety')[3]!.checked).to.be.true;
    expect(radios(el, 'anxiety')[3]!.matches(':disabled')).to.be.true;
    form.querySelector('fieldset')!.disabled = false;
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(radios(el, 'anxiety')[3]!.matches(':disabled')).to.be.false;
    const clear = el.shadowRoot!.querySelector<HTMLButtonElement>('button.clear')!;
    expect(text(clear)).to.equal('Clear the answer to: Anxiety');
    clear.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ anxiety: null });
    expect(new FormData(form).get('o')).to.be.null;
  });

  it('renders a host instrument, treating its text as text', async () => {
    const custom: Instrument = {
      ...ONS4,
      id: 'custom',
      name: 'Custom <img src=x onerror="window.__xss=1">',
      preamble: undefined,
      items: [
        {
          id: 'q1',
          text: '<b>How</b> are you?',
          shortName: 'How',
          better: 'higher',
          options: [
            { value: 1, label: 'Well' },
            { value: 0, label: 'Not well' },
          ],
        },
      ],
    };
    const el = await fixture<LinksOutcomeForm>(
      html`<links-outcome-form .instrument=${custom} heading-level="4"></links-outcome-form>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.be.null;
    expect(root.querySelector('b')).to.be.null;
    expect(text(root.querySelector('h4'))).to.equal('Custom <img src=x onerror="window.__xss=1">');
    expect(text(root.querySelector('legend'))).to.equal('<b>How</b> are you?');
    expect((window as { __xss?: number }).__xss).to.be.undefined;
  });
});
