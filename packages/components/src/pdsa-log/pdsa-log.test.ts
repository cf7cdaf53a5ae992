import { expect, fixture, html } from '@open-wc/testing';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import './pdsa-log.js';
import type { LinksPdsaLog } from './pdsa-log.js';

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function fill(root: ShadowRoot | Element, selector: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
}

describe('<links-pdsa-log>', () => {
  it('shows the cycles of a change idea as a timeline with their decisions', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log .plan=${plan} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    const cycles = [...root.querySelectorAll('[part="cycle"]')];
    expect(cycles).to.have.length(3);
    expect(cycles.map((c) => text(c.querySelector('[part="act"]')))).to.deep.equal(['Adapt', 'Adapt', 'In progress']);
    expect(text(cycles[0])).to.contain('Started 5 February 2024');
    expect(text(cycles[0])).to.contain('Prediction Half of staff attend');
    expect(root.querySelector('.start-form'), 'no new cycle while one is open').to.be.null;
    expect(root.querySelectorAll('.complete-form')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('nests below a deep heading: past h6 its headings use role="heading" with aria-level, and name the change idea', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log
        .plan=${plan}
        capacity="shared-learning"
        change-idea="change-1"
        heading-level="7"
      ></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    const title = root.querySelector('[aria-level="7"]');
    expect(title?.getAttribute('role')).to.equal('heading');
    const idea = plan.capacities['shared-learning']!.changeIdeas[0]!.title;
    expect(text(title)).to.equal(`PDSA cycles for ${idea}`);
    expect(root.querySelectorAll('[role="heading"][aria-level="8"]').length).to.be.greaterThan(0);
    el.headingLevel = 9 as 7;
    await el.updateComplete;
    expect(el.headingLevel, 'a level it cannot use falls back to 3').to.equal(3);
    expect(root.querySelector('h3')).to.not.equal(null);
  });

  it('completes the open cycle through core and fires a cancelable links-plan-change with the new plan', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log .plan=${plan} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    const events: CustomEvent[] = [];
    el.addEventListener('links-plan-change', (e) => events.push(e));
    root.querySelector('details')!.open = true;
    fill(root, '.complete-form textarea[name="study"]', 'Part-time staff now report learning time.');
    root.querySelector<HTMLInputElement>('.complete-form input[value="adopt"]')!.click();
    fill(root, '.complete-form input[name="completedDate"]', '2024-12-20');
    root.querySelector<HTMLButtonElement>('.complete-form button[type="submit"]')!.click();
    await el.updateComplete;
    expect(events).to.have.length(1);
    const detail = events[0]!.detail as { plan: Plan; previous: Plan };
    expect(events[0]!.cancelable && events[0]!.bubbles && events[0]!.composed).to.be.true;
    const cycle = detail.plan.capacities['shared-learning']!.changeIdeas[0]!.cycles[2]!;
    expect([cycle.act, cycle.completedDate, cycle.study]).to.deep.equal([
      'adopt',
      '2024-12-20',
      'Part-time staff now report learning time.',
    ]);
    expect(detail.previous).to.equal(plan);
    expect(plan.capacities['shared-learning']!.changeIdeas[0]!.cycles[2]!.act, 'input plan untouched').to.be.undefined;
    await el.updateComplete;
    expect(text(root.querySelectorAll('[part="act"]')[2])).to.equal('Adopt');
    expect(root.querySelector('.start-form'), 'a new cycle can start now').to.exist;
    expect(text(root.querySelector('[role="status"]'))).to.equal('Cycle completed.');
  });

  it('shows core errors inline and in a focused error summary whose links focus the fields', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log .plan=${plan} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    let changes = 0;
    el.addEventListener('links-plan-change', () => changes++);
    root.querySelector('details')!.open = true;
    fill(root, '.complete-form input[name="completedDate"]', '2024-01-01');
    root.querySelector<HTMLButtonElement>('.complete-form button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(changes).to.equal(0);
    const summary = root.querySelector<HTMLElement>('.error-summary')!;
    expect(summary).to.exist;
    expect(root.activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map(text)).to.deep.equal([
      'Study: what did you learn, against the prediction?: is required',
      'Act: what will you do with the change?: must be one of "adopt", "adapt", "abandon"',
    ]);
    links[0]!.click();
    expect(root.activeElement?.getAttribute('name')).to.equal('study');
    expect(root.activeElement?.getAttribute('aria-invalid')).to.equal('true');
    links[1]!.click();
    expect((root.activeElement as HTMLInputElement).value).to.equal('adopt');
    expect(text(root.querySelector('.error-message'))).to.equal('Error: is required');
    expect(root.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal(
      root.querySelectorAll('.error-message')[1]!.id,
    );
    await expect(el).to.be.accessible();

    // Completed before it started: core's rule, shown at the date field.
    fill(root, '.complete-form textarea[name="study"]', 'Learnt a lot');
    root.querySelector<HTMLInputElement>('.complete-form input[value="adapt"]')!.click();
    root.querySelector<HTMLButtonElement>('.complete-form button[type="submit"]')!.click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(text(root.querySelector('.error-summary li'))).to.equal(
      'Date completed: must not be before the start date 2024-11-04',
    );
  });

  it('starts a new cycle, and a host can veto the change by cancelling the event', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log .plan=${plan} capacity="signposting" change-idea="change-1"></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.empty'))).to.contain('No cycles yet');
    fill(root, '.start-form textarea[name="plan"]', 'Reception offers the card to 20 people in one week.');
    fill(root, '.start-form textarea[name="prediction"]', 'At least 5 ask about the CLP.');
    fill(root, '.start-form input[name="startDate"]', '2025-01-06');
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('links-plan-change', veto);
    root.querySelector<HTMLButtonElement>('.start-form button')!.click();
    await el.updateComplete;
    expect(el.plan).to.equal(plan);
    expect(root.querySelectorAll('[part="cycle"]')).to.have.length(0);
    el.removeEventListener('links-plan-change', veto);
    root.querySelector<HTMLButtonElement>('.start-form button')!.click();
    await el.updateComplete;
    expect(root.querySelectorAll('[part="cycle"]')).to.have.length(1);
    expect(text(root.querySelector('[part="act"]'))).to.equal('In progress');
  });

  it('renders untrusted text as text, and readonly hides the forms', async () => {
    const plan = await samplePlan();
    const hostile = structuredClone(plan) as Plan;
    hostile.capacities['shared-learning']!.changeIdeas[0]!.cycles[0]!.plan = '<img src=x onerror="window.__xss=1">';
    const el = await fixture<LinksPdsaLog>(
      html`<links-pdsa-log
        readonly
        .plan=${hostile}
        capacity="shared-learning"
        change-idea="change-1"
      ></links-pdsa-log>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.be.null;
    expect(text(root.querySelector('dd:nth-of-type(2)'))).to.contain('<img');
    expect(root.querySelectorAll('form')).to.have.length(0);
    expect((window as { __xss?: number }).__xss).to.be.undefined;
  });
});
