import { expect, fixture, html } from '@open-wc/testing';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import './theme-focus.js';
import type { LinksThemeFocus } from './theme-focus.js';

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<links-theme-focus>', () => {
  it('shows the 5 themes with their agreed focus areas and linked capacities', async () => {
    const el = await fixture<LinksThemeFocus>(
      html`<links-theme-focus .plan=${await samplePlan()}></links-theme-focus>`,
    );
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.theme-name')].map(text)).to.deep.equal([
      'Adapting to diagnosis',
      'Living well day to day',
      'Facing challenges and crises',
      'Navigating systems',
      'Dying well',
    ]);
    expect(text(root.querySelector('[part="coverage"]'))).to.equal('Focus areas agreed under 4 of 5 themes.');
    const first = root.querySelector('[part="area"]')!;
    expect(text(first.querySelector('.linked'))).to.equal('Capacities: Signposting, Intelligence');
    expect(text(root.querySelectorAll('.theme')[4]!.querySelector('.empty'))).to.equal('No focus areas agreed yet.');
    await expect(el).to.be.accessible();
  });

  it('adds a focus area with linked capacities through core and fires links-plan-change', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksThemeFocus>(html`<links-theme-focus .plan=${plan}></links-theme-focus>`);
    const root = el.shadowRoot!;
    const events: CustomEvent[] = [];
    el.addEventListener('links-plan-change', (e) => events.push(e));
    const dying = root.querySelectorAll('.theme')[4]!;
    dying.querySelector('details')!.open = true;
    dying.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Anticipatory care planning conversations';
    dying.querySelector<HTMLInputElement>('input[value="awareness"]')!.click();
    dying.querySelector<HTMLButtonElement>('.add-form button[type="submit"]')!.click();
    await el.updateComplete;
    expect(events).to.have.length(1);
    const next = events[0]!.detail.plan as Plan;
    expect(next.themes['dying-well']!.focusAreas).to.deep.equal([
      { id: 'focus-1', text: 'Anticipatory care planning conversations', capacities: ['awareness'] },
    ]);
    expect(plan.themes['dying-well']!.focusAreas).to.have.length(0);
    expect(text(root.querySelector('[part="coverage"]'))).to.equal('Focus areas agreed under 5 of 5 themes.');
    expect(text(root.querySelector('[role="status"]'))).to.equal('Focus area added.');
  });

  it('edits and removes a focus area; an empty text shows the error summary and focuses it', async () => {
    const el = await fixture<LinksThemeFocus>(
      html`<links-theme-focus .plan=${await samplePlan()}></links-theme-focus>`,
    );
    const root = el.shadowRoot!;
    const living = () => root.querySelectorAll('.theme')[1]!;
    const area = living().querySelector('[part="area"]')!;
    area.querySelector('details')!.open = true;
    area.querySelector<HTMLTextAreaElement>('textarea')!.value = '   ';
    area.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    const summary = root.querySelector<HTMLElement>('.error-summary')!;
    expect(root.activeElement).to.equal(summary);
    expect(text(summary.querySelector('li'))).to.equal('Focus area: is required');
    summary.querySelector('a')!.click();
    expect(root.activeElement?.getAttribute('data-path')).to.equal('themes.living-well-day-to-day.focusAreas[0].text');
    await expect(el).to.be.accessible();

    area.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Money worries and debt';
    area.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(root.querySelector('.error-summary')).to.be.null;
    expect(el.plan!.themes['living-well-day-to-day']!.focusAreas[0]!.text).to.equal('Money worries and debt');
    expect(el.plan!.themes['living-well-day-to-day']!.focusAreas[0]!.id).to.equal('focus-1');

    living().querySelector('[part="area"] details')!.setAttribute('open', '');
    living().querySelector<HTMLButtonElement>('[part="area"] button.warning')!.click();
    await el.updateComplete;
    expect(el.plan!.themes['living-well-day-to-day']!.focusAreas.map((a) => a.id)).to.deep.equal(['focus-2']);
  });
});
