import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { addAim, parsePlanDocument, updateAim, type Plan } from '@links-approach/core/plan';
import { createMemoryPlanStore, type PlanStore } from '@links-approach/core/store';
import './plan-editor.js';
import type { LinksPlanEditor } from './plan-editor.js';

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tick = () => new Promise((resolve) => setTimeout(resolve));

function addAimForm(root: ShadowRoot): HTMLFormElement {
  const forms = [...root.querySelectorAll<HTMLFormElement>('form.add-form')];
  const form = forms.find((f) => text(f.querySelector('button[type="submit"]')) === 'Add aim')!;
  form.closest('details')!.open = true;
  return form;
}

function fillForm(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value = value;
  }
}

async function storeWithSample(): Promise<{ store: PlanStore; plan: Plan }> {
  const store = createMemoryPlanStore();
  const saved = await store.save(await samplePlan(), { expectedRevision: 0, author: 'Practice manager' });
  if (!saved.ok) throw new Error('could not seed the store');
  return { store, plan: saved.value };
}

describe('<links-plan-editor>', () => {
  it('shows the plan capacity by capacity, with a section list for the 7 capacities, themes and details', async () => {
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .plan=${await samplePlan()}></links-plan-editor>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Springburn Health Centre Links business plan 2023 to 2025');
    const nav = [...root.querySelectorAll('nav button')].map(text);
    expect(nav).to.have.length(9);
    expect(nav.slice(0, 2)).to.deep.equal(['Team Wellbeing', 'Shared Learning']);
    expect(nav.slice(-2)).to.deep.equal(['Themes and focus areas', 'Plan details and status']);
    expect(text(root.querySelector('#panel-title'))).to.equal('Team Wellbeing');
    expect(root.querySelectorAll('[part="card"]').length).to.be.greaterThan(3);
    expect(root.querySelector('links-pdsa-log')).to.exist;
    expect(root.querySelector('table caption')!.textContent).to.contain('% of staff who report being able to cope');
    await expect(el).to.be.accessible();

    (root.querySelectorAll('nav button')[6] as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.view).to.equal('network-building');
    expect(text(root.querySelector('#panel-title'))).to.equal('Network Building');
    expect(root.querySelectorAll('nav button')[6]!.getAttribute('aria-current')).to.equal('true');
    expect([...root.querySelectorAll('.empty')].map(text)).to.include('No aims yet.');
  });

  it('controlled: an edit runs the core operation and fires links-plan-change with a new plan', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .plan=${plan} view="awareness"></links-plan-editor>`,
    );
    const root = el.shadowRoot!;
    const events: CustomEvent[] = [];
    el.addEventListener('links-plan-change', (e) => events.push(e as CustomEvent));
    const form = addAimForm(root);
    fillForm(form, {
      statement: 'Every new member of staff attends Links induction.',
      target: '100',
      unit: '%',
      targetDate: '2025-12-31',
    });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.updateComplete;
    expect(events).to.have.length(1);
    const next = events[0]!.detail.plan as Plan;
    expect(next.capacities['awareness']!.aims[1]).to.deep.equal({
      id: 'aim-2',
      statement: 'Every new member of staff attends Links induction.',
      target: 100,
      unit: '%',
      targetDate: '2025-12-31',
    });
    expect(plan.capacities['awareness']!.aims, 'the given plan is untouched').to.have.length(1);
    expect(el.plan).to.equal(next);
    expect(text(root.querySelector('[role="status"]'))).to.equal('Aim added.');
    expect(root.querySelectorAll('[part="card"]')).to.have.length(2);
  });

  it('a refused edit shows core errors inline and in a focused summary whose links focus the fields', async () => {
    const plan = await samplePlan();
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .plan=${plan} view="awareness"></links-plan-editor>`,
    );
    const root = el.shadowRoot!;
    let changes = 0;
    el.addEventListener('links-plan-change', () => changes++);
    const form = addAimForm(root);
    fillForm(form, { statement: 'Aim', target: 'thirty' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.updateComplete;
    expect(changes).to.equal(0);
    const summary = root.querySelector<HTMLElement>('.error-summary')!;
    expect(root.activeElement).to.equal(summary);
    expect(text(summary.querySelector('h3'))).to.equal('There is a problem');
    expect([...summary.querySelectorAll('a')].map(text)).to.deep.equal([
      'Target (optional) for the new aim: must be a number, not text',
    ]);
    summary.querySelector('a')!.click();
    const target = root.activeElement as HTMLInputElement;
    expect(target.name).to.equal('target');
    expect(target.getAttribute('aria-invalid')).to.equal('true');
    expect(target.getAttribute('aria-describedby')).to.contain(root.querySelector('.error-message')!.id);
    expect(text(root.querySelector('.error-message'))).to.equal('Error: must be a number, not text');
    expect(el.checkValidity(), 'a form with the editor does not submit while an edit is refused').to.be.false;
    await expect(el).to.be.accessible();

    fillForm(addAimForm(root), { target: '30' });
    addAimForm(root).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.updateComplete;
    expect(root.querySelector('.error-summary')).to.be.null;
    expect(el.checkValidity()).to.be.true;
    expect(changes).to.equal(1);
  });

  it('takes part in a host form: the plan is submitted as JSON under its name', async () => {
    const plan = await samplePlan();
    const form = await fixture<HTMLFormElement>(
      html`<form><links-plan-editor name="plan" .plan=${plan}></links-plan-editor></form>`,
    );
    const el = form.querySelector('links-plan-editor')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    const submitted = JSON.parse(String(new FormData(form).get('plan')));
    expect(submitted.id).to.equal(plan.id);
    expect(submitted.kind).to.equal('links.plan');
    const changed = addAim(plan, 'awareness', { statement: 'New' });
    if (!changed.ok) throw new Error();
    el.plan = changed.value;
    await el.updateComplete;
    expect(JSON.parse(String(new FormData(form).get('plan'))).capacities.awareness.aims).to.have.length(2);
    form.reset();
    await el.updateComplete;
    expect(el.plan).to.equal(plan);
  });

  it('is disabled by a disabled ancestor fieldset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><links-plan-editor .plan=${await samplePlan()}></links-plan-editor></fieldset>
      </form>`,
    );
    const el = form.querySelector('links-plan-editor')!;
    await el.updateComplete;
    expect(el.disabled).to.be.true;
    expect(el.shadowRoot!.querySelector<HTMLFieldSetElement>('fieldset.panel')!.disabled).to.be.true;
    expect(el.shadowRoot!.querySelector('links-pdsa-log')!.readonly).to.be.true;
  });

  it('edits from the embedded PDSA log and theme focus reach the host as one links-plan-change from the editor', async () => {
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .plan=${await samplePlan()} view="signposting"></links-plan-editor>`,
    );
    const root = el.shadowRoot!;
    const targets: EventTarget[] = [];
    el.addEventListener('links-plan-change', (e) => targets.push(e.target!));
    const log = root.querySelector('links-pdsa-log')!;
    const start = log.shadowRoot!.querySelector<HTMLFormElement>('.start-form')!;
    fillForm(start, {
      plan: 'Offer the card to 20 people.',
      prediction: '5 ask about the CLP.',
      startDate: '2025-01-06',
    });
    start.querySelector<HTMLButtonElement>('button')!.click();
    await el.updateComplete;
    expect(targets).to.deep.equal([el]);
    expect(el.plan!.capacities['signposting']!.changeIdeas[0]!.cycles).to.have.length(1);

    el.view = 'themes';
    await el.updateComplete;
    const focus = root.querySelector('links-theme-focus')!;
    await focus.updateComplete;
    const dying = focus.shadowRoot!.querySelectorAll('.theme')[4]!;
    dying.querySelector('textarea')!.value = 'Anticipatory care planning';
    dying.querySelector<HTMLButtonElement>('.add-form button')!.click();
    await el.updateComplete;
    expect(targets).to.deep.equal([el, el]);
    expect(el.plan!.themes['dying-well']!.focusAreas).to.have.length(1);
    expect(el.plan!.capacities['signposting']!.changeIdeas[0]!.cycles, 'the earlier edit is kept').to.have.length(1);
  });

  it('changes status only along the lifecycle core allows', async () => {
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .plan=${await samplePlan()} view="details"></links-plan-editor>`,
    );
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('[data-path="status"] button')].map(text)).to.deep.equal(['Start a review']);
    (root.querySelector('[data-path="status"] button') as HTMLButtonElement).click();
    await tick();
    await el.updateComplete;
    expect(el.plan!.status).to.equal('under-review');
    expect([...root.querySelectorAll('[data-path="status"] button')].map(text)).to.deep.equal([
      'Mark as agreed',
      'Submit the plan',
      'Return to draft',
    ]);
  });

  it('store-bound: loads the plan, autosaves each edit as a new revision', async () => {
    const { store, plan } = await storeWithSample();
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor
        .store=${store}
        plan-id=${plan.id}
        author="Lead GP"
        view="awareness"
      ></links-plan-editor>`,
    );
    await el.saveComplete();
    await el.updateComplete;
    expect(el.plan?.id).to.equal(plan.id);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[part="save-state"]'))).to.match(/^All changes saved: revision 1,/);
    const saved = oneEvent(el, 'links-plan-saved');
    const form = addAimForm(root);
    fillForm(form, { statement: 'Reception staff complete awareness training.' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = (await saved) as CustomEvent;
    expect(detail.plan.revision).to.equal(2);
    expect(detail.plan.savedBy).to.equal('Lead GP');
    await el.updateComplete;
    expect((await store.get(plan.id))?.capacities['awareness']?.aims).to.have.length(2);
    expect(await store.history(plan.id)).to.have.length(2);
    expect(text(root.querySelector('[part="save-state"]'))).to.match(/revision 2, .* by Lead GP/);
  });

  it('store-bound: on a conflict it tells the user, keeps every edit, and saves them on request', async () => {
    const { store, plan } = await storeWithSample();
    // Another device saves through the same backend, and this editor hears nothing of it.
    const quiet: PlanStore = { ...store, subscribe: () => () => undefined };
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor
        .store=${quiet}
        plan-id=${plan.id}
        author="Lead GP"
        view="awareness"
      ></links-plan-editor>`,
    );
    await el.saveComplete();
    await el.updateComplete;
    const root = el.shadowRoot!;
    const other = addAim(plan, 'intelligence', { statement: 'Saved on another device' });
    if (!other.ok) throw new Error();
    const conflicts: CustomEvent[] = [];
    el.addEventListener('links-plan-conflict', (e) => conflicts.push(e as CustomEvent));
    await store.save(other.value, { expectedRevision: 1, author: 'Practice nurse' });
    const form = addAimForm(root);
    fillForm(form, { statement: 'My edit, made while someone else saved' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.updateComplete;
    await el.saveComplete();
    await el.updateComplete;
    const banner = root.querySelector<HTMLElement>('[part="conflict"]')!;
    expect(banner, 'conflict banner').to.exist;
    expect(text(banner)).to.contain('Revision 2 was saved by Practice nurse');
    expect(conflicts).to.have.length(1);
    expect(el.plan!.capacities['awareness']!.aims.map((a) => a.statement)).to.include(
      'My edit, made while someone else saved',
    );
    expect((await store.get(plan.id))!.capacities['awareness']!.aims, 'nothing of mine written').to.have.length(1);
    expect(text(root.querySelector('[part="save-state"]'))).to.equal('Not saved: someone else saved a newer version.');
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'links-plan-saved');
    banner.querySelector<HTMLButtonElement>('button')!.click();
    const { detail } = (await saved) as CustomEvent;
    expect(detail.plan.revision).to.equal(3);
    const history = await store.history(plan.id);
    expect(history.map((p) => p.savedBy)).to.deep.equal(['Practice manager', 'Practice nurse', 'Lead GP']);
    expect(history[2]!.capacities['awareness']!.aims).to.have.length(2);
    await el.updateComplete;
    expect(root.querySelector('[part="conflict"]')).to.be.null;
  });

  it('store-bound: after a conflict, "discard my changes" asks the host (cancelable) and loads the stored plan', async () => {
    const { store, plan } = await storeWithSample();
    const quiet: PlanStore = { ...store, subscribe: () => () => undefined };
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .store=${quiet} plan-id=${plan.id} view="awareness"></links-plan-editor>`,
    );
    await el.saveComplete();
    await el.updateComplete;
    const root = el.shadowRoot!;
    const other = addAim(plan, 'intelligence', { statement: 'Saved on another device' });
    if (!other.ok) throw new Error();
    await store.save(other.value, { expectedRevision: 1, author: 'Practice nurse' });
    const form = addAimForm(root);
    fillForm(form, { statement: 'Mine' });
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.saveComplete();
    await el.updateComplete;
    const discard = () => root.querySelectorAll<HTMLButtonElement>('[part="conflict"] button')[1]!;
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('links-request-discard', veto);
    discard().click();
    await tick();
    await el.updateComplete;
    expect(el.plan!.capacities['awareness']!.aims, 'vetoed: edits kept').to.have.length(2);
    el.removeEventListener('links-request-discard', veto);
    discard().click();
    await tick();
    await el.updateComplete;
    expect(el.plan!.revision).to.equal(2);
    expect(el.plan!.capacities['awareness']!.aims).to.have.length(1);
    expect(el.plan!.capacities['intelligence']!.aims).to.have.length(2);
    expect(root.querySelector('[part="conflict"]')).to.be.null;
    expect(el.saveState).to.equal('saved');
  });

  it('store-bound: a save from elsewhere is picked up when there are no unsaved edits; a missing id is said plainly', async () => {
    const { store, plan } = await storeWithSample();
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .store=${store} plan-id=${plan.id}></links-plan-editor>`,
    );
    await el.saveComplete();
    await el.updateComplete;
    const other = addAim(plan, 'intelligence', { statement: 'From another tab' });
    if (!other.ok) throw new Error();
    await store.save(other.value, { expectedRevision: 1, author: 'Practice nurse' });
    await tick();
    await el.updateComplete;
    expect(el.plan!.revision).to.equal(2);
    expect(el.plan!.capacities['intelligence']!.aims).to.have.length(2);

    const missing = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .store=${store} plan-id="nope"></links-plan-editor>`,
    );
    await tick();
    await missing.updateComplete;
    expect(text(missing.shadowRoot!.querySelector('.empty'))).to.equal(
      'There is no plan with the id "nope" in the store.',
    );
  });

  it('store-bound: "Review and reapply my changes" reapplies what does not conflict and lets the user choose each field both changed, then saves', async () => {
    const { store, plan } = await storeWithSample();
    const quiet: PlanStore = { ...store, subscribe: () => () => undefined };
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .store=${quiet} plan-id=${plan.id} author="Lead GP" view="awareness"></links-plan-editor>`,
    );
    await el.saveComplete();
    await el.updateComplete;
    const root = el.shadowRoot!;
    const aimId = plan.capacities['awareness']!.aims[0]!.id;
    // The practice nurse rewords the first aim and saves first.
    const theirs = updateAim(plan, 'awareness', aimId, { statement: 'Their wording of the aim' });
    if (!theirs.ok) throw new Error();
    await store.save(theirs.value, { expectedRevision: 1, author: 'Practice nurse' });
    // Meanwhile this user rewords the same aim and sets a target.
    const card = root.querySelector<HTMLFormElement>('[part="card"] form')!;
    fillForm(card, { statement: 'My wording of the aim', target: '75', unit: '%' });
    card.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await tick();
    await el.saveComplete();
    await el.updateComplete;
    const banner = () => root.querySelector<HTMLElement>('[part="conflict"]')!;
    expect(text(banner())).to.contain('Revision 2 was saved by Practice nurse');
    [...banner().querySelectorAll('button')].find((b) => text(b) === 'Review and reapply my changes')!.click();
    await tick();
    await el.updateComplete;
    const review = banner().querySelector('form.review')!;
    expect(review, 'the fields both changed are listed').to.exist;
    const choices = [...review.querySelectorAll('fieldset')];
    expect(choices).to.have.length(1);
    expect(text(choices[0]!.querySelector('legend'))).to.contain('capacities.awareness.aims[0].statement');
    expect([...choices[0]!.querySelectorAll('label')].map(text)).to.deep.equal([
      'Mine: My wording of the aim',
      'Theirs: Their wording of the aim',
    ]);
    expect(choices[0]!.querySelectorAll<HTMLInputElement>('input')[1]!.checked, 'theirs until the user chooses').to.be
      .true;
    expect((await store.get(plan.id))!.revision, 'nothing saved before the user chooses').to.equal(2);
    await expect(el).to.be.accessible();

    choices[0]!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
    await el.updateComplete;
    const saved = oneEvent(el, 'links-plan-saved');
    review.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = (await saved) as CustomEvent<{ plan: Plan }>;
    expect(detail.plan.revision).to.equal(3);
    const aim = detail.plan.capacities['awareness']!.aims[0]!;
    expect(aim.statement, 'the chosen side').to.equal('My wording of the aim');
    expect(aim.target, 'my change that did not conflict').to.equal(75);
    const history = await store.history(plan.id);
    expect(history.map((p) => p.savedBy)).to.deep.equal(['Practice manager', 'Practice nurse', 'Lead GP']);
    await el.updateComplete;
    expect(root.querySelector('[part="conflict"]')).to.be.null;
    expect(text(root.querySelector('[role="status"]'))).to.equal(
      'Your changes were reapplied to revision 2, saved by Practice nurse.',
    );
  });
});
