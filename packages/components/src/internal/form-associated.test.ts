import { expect, fixture, html } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { LinksElement } from './links-element.js';
import { FormAssociated, type FormValidity } from './form-associated.js';

class LinksTestControl extends FormAssociated(LinksElement) {
  @property()
  value = '';
  private initial: string | undefined;
  restored: unknown;

  protected override willUpdate(): void {
    this.initial ??= this.value;
  }
  protected override formValue(): string | null {
    return this.value || null;
  }
  protected override formValidity(): FormValidity | undefined {
    return this.value ? undefined : { flags: { valueMissing: true }, message: 'Say something' };
  }
  override formResetCallback(): void {
    this.value = this.initial ?? '';
  }
  override formStateRestoreCallback(state: unknown): void {
    this.restored = state;
  }
  protected override render() {
    return html`<input ?disabled=${this.controlsDisabled} />`;
  }
}
customElements.define('links-test-control', LinksTestControl);

describe('internal: FormAssociated', () => {
  it('submits its value under its name and keeps the form from submitting while invalid', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><links-test-control name="said"></links-test-control></form>`,
    );
    const el = form.querySelector<LinksTestControl>('links-test-control')!;
    expect(el.form).to.equal(form);
    expect(el.checkValidity()).to.be.false;
    expect(el.validity.valueMissing).to.be.true;
    expect(el.validationMessage).to.equal('Say something');
    expect(form.checkValidity()).to.be.false;
    el.value = 'hello';
    await el.updateComplete;
    expect(el.checkValidity()).to.be.true;
    expect(new FormData(form).get('said')).to.equal('hello');
  });

  it('resets with the form, and is disabled by a disabled fieldset without changing `disabled`', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset><links-test-control name="said" value="first"></links-test-control></fieldset></form>`,
    );
    const el = form.querySelector<LinksTestControl>('links-test-control')!;
    el.value = 'second';
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('first');
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.disabled).to.be.true;
    expect(el.disabled).to.be.false;
    expect(el.hasAttribute('disabled')).to.be.false;
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.disabled).to.be.false;
  });
});
