import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  addRelationship,
  createNetworkRegister,
  recordContact,
  type NetworkRegister,
} from '@links-approach/core/network';
import './network-register.js';
import type { LinksNetworkRegister, NetworkChangeDetail } from './network-register.js';
import { OnDemand } from '../internal/on-demand.js';

function sample(): NetworkRegister {
  const steps: ((r: NetworkRegister) => ReturnType<typeof addRelationship>)[] = [
    (r) =>
      addRelationship(
        r,
        {
          organisation: { name: 'Brightwater Community Trust' },
          contactRole: 'volunteer coordinator',
          alissListing: 'listed',
        },
        { on: '2026-01-10', by: 'CLP' },
      ),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Eastfield Men’s Shed' }, contactRole: 'chair', contactLabel: 'Tuesday lead' },
        { on: '2026-02-01', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-1', 'visit', { on: '2026-10-01', by: 'CLP' }),
  ];
  let reg = createNetworkRegister('practice-1');
  for (const step of steps) {
    const result = step(reg);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    reg = result.value;
  }
  return reg;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const figures = (el: LinksNetworkRegister) =>
  [...el.shadowRoot!.querySelectorAll('[part="summary"] > div')].map(
    (d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`,
  );
const row = (el: LinksNetworkRegister, id: string) => el.shadowRoot!.querySelector(`tr[data-id="${id}"]`)!;

async function settle(el: LinksNetworkRegister) {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<links-network-register>', () => {
  it('lists relationships with role, ALISS listing, last contact and visits, and flags those gone quiet', async () => {
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20"></links-network-register>`,
    );
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Organisation',
      'Contact',
      'ALISS',
      'Last contact',
      'Visits',
      'Actions',
    ]);
    const first = row(el, 'rel-1');
    expect(text(first.querySelector('th'))).to.equal('Brightwater Community Trust');
    expect(text(first)).to.contain('Listed on ALISS');
    expect(text(first)).to.contain('1 Oct 2026');
    expect(first.querySelector('[part="quiet"]')).to.be.null;
    const shed = row(el, 'rel-2');
    expect(text(shed.querySelector('.label'))).to.equal('Tuesday lead');
    expect(text(shed.querySelector('[part="quiet"]'))).to.equal('Gone quiet:');
    expect(text(shed)).to.contain('no contact since it was added 9 months ago');
    expect(figures(el)).to.deep.equal(['Active relationships: 2', 'On ALISS: 1', 'No contact in 6 months: 1']);
    await expect(el).to.be.accessible();
  });

  it('"show only quiet" filters the table', async () => {
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20"></links-network-register>`,
    );
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('.filter input')!;
    box.click();
    await settle(el);
    expect(
      [...el.shadowRoot!.querySelectorAll('tbody tr[data-id]')].map((r) => r.getAttribute('data-id')),
    ).to.deep.equal(['rel-2']);
  });

  it('adds a relationship through core and fires links-network-change with the new register', async () => {
    const original = sample();
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${original} as-of="2026-11-20" recorded-by="Practice manager"></links-network-register>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#add-name')!.value = 'Kelvinbrook Song Circle';
    root.querySelector<HTMLInputElement>('#add-role')!.value = 'organiser';
    root.querySelector<HTMLSelectElement>('#add-listing')!.value = 'helped-to-list';
    setTimeout(() => root.querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click());
    const event = (await oneEvent(el, 'links-network-change')) as CustomEvent<NetworkChangeDetail>;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.change).to.equal('added');
    expect(event.detail.relationshipId).to.equal('rel-3');
    const added = event.detail.register.relationships[2]!;
    expect(added.organisation.name).to.equal('Kelvinbrook Song Circle');
    expect(added.alissListing).to.equal('helped-to-list');
    expect(added.history[0]).to.deep.equal({
      type: 'added',
      on: '2026-11-20',
      by: 'Practice manager',
      listing: 'helped-to-list',
    });
    expect(original.relationships).to.have.length(2, 'the input register is untouched');
    await settle(el);
    expect(row(el, 'rel-3')).to.exist;
    expect(text(root.querySelector('[role="status"]'))).to.equal('Added Kelvinbrook Song Circle.');
    expect(root.querySelector<HTMLInputElement>('#add-name')!.value).to.equal('');
  });

  it('refuses a person’s contact details and a missing role, showing the errors at the fields', async () => {
    let changes = 0;
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20" @links-network-change=${() => (changes += 1)}></links-network-register>`,
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#add-name')!.value = 'New Group';
    root.querySelector<HTMLInputElement>('#add-role')!.value = 'ring jo@example.org';
    root.querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    await settle(el);
    const role = root.querySelector<HTMLInputElement>('#add-role')!;
    expect(role.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root.querySelector('#add-role-error'))).to.match(
      /^Error: Contact role must not contain an e-mail address or phone number/,
    );
    expect(text(root.querySelector('form.add [role="alert"]'))).to.contain('There is a problem');
    expect(root.activeElement).to.equal(role);
    expect(changes).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('records a visit from the row and the quiet flag goes', async () => {
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20"></links-network-register>`,
    );
    const root = el.shadowRoot!;
    const visit = [...row(el, 'rel-2').querySelectorAll('button')].find((b) => text(b).startsWith('Record visit'))!;
    expect(text(visit)).to.equal('Record visit for Eastfield Men’s Shed');
    visit.click();
    await settle(el);
    expect(visit.getAttribute('aria-expanded')).to.equal('true');
    const panel = root.querySelector('[part="panel"]')!;
    expect(text(panel.querySelector('.panel-title'))).to.equal('Record a visit to Eastfield Men’s Shed');
    expect(root.activeElement).to.equal(panel.querySelector('input[name="on"]'));
    panel.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Talked about referrals';
    setTimeout(() => panel.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    const event = (await oneEvent(el, 'links-network-change')) as CustomEvent<NetworkChangeDetail>;
    expect(event.detail.change).to.equal('visited');
    const shed = event.detail.register.relationships[1]!;
    expect(shed.visits).to.equal(1);
    expect(shed.lastContact).to.equal('2026-11-20');
    expect(shed.history.at(-1)!.note).to.equal('Talked about referrals');
    await settle(el);
    expect(row(el, 'rel-2').querySelector('[part="quiet"]')).to.be.null;
    expect(root.querySelector('[part="panel"]')).to.be.null;
  });

  it('edits the contact role and ALISS listing; ending needs a reason', async () => {
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20"></links-network-register>`,
    );
    const root = el.shadowRoot!;
    [...row(el, 'rel-2').querySelectorAll('button')].find((b) => text(b).startsWith('Edit'))!.click();
    await settle(el);
    const panel = root.querySelector('[part="panel"]')!;
    panel.querySelector<HTMLInputElement>('input[name="contactRole"]')!.value = 'secretary';
    panel.querySelector<HTMLSelectElement>('select')!.value = 'helped-to-list';
    setTimeout(() => panel.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    const event = (await oneEvent(el, 'links-network-change')) as CustomEvent<NetworkChangeDetail>;
    const shed = event.detail.register.relationships[1]!;
    expect(shed.contactRole).to.equal('secretary');
    expect(shed.alissListing).to.equal('helped-to-list');
    expect(shed.history.map((e) => e.type)).to.deep.equal(['added', 'updated', 'listing-changed']);
    await settle(el);

    [...row(el, 'rel-2').querySelectorAll('button')].find((b) => text(b).startsWith('End'))!.click();
    await settle(el);
    const endPanel = root.querySelector('[part="panel"]')!;
    endPanel.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el);
    expect(text(root.querySelector('[part="panel"] .field-error'))).to.equal(
      'Error: Reason is required: say why the relationship ended',
    );
    root.querySelector<HTMLTextAreaElement>('[part="panel"] textarea')!.value = 'Group closed';
    root.querySelector<HTMLButtonElement>('[part="panel"] button[type="submit"]')!.click();
    await settle(el);
    expect(text(row(el, 'rel-2').querySelector('th'))).to.equal('Eastfield Men’s Shed Ended');
    expect(figures(el)[0]).to.equal('Active relationships: 1');
  });

  it('renders organisation names and labels as text', async () => {
    const result = addRelationship(
      createNetworkRegister(),
      { organisation: { name: '<img src=x onerror="window.__xss=1">Club' }, contactRole: '<b>chair</b>' },
      { on: '2026-01-01' },
    );
    if (!result.ok) throw new Error('setup');
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${result.value} as-of="2026-02-01"></links-network-register>`,
    );
    expect(el.shadowRoot!.querySelector('tbody img, tbody b')).to.be.null;
    expect(text(row(el, 'rel-1').querySelector('th'))).to.equal('<img src=x onerror="window.__xss=1">Club');
    expect((window as { __xss?: number }).__xss).to.be.undefined;
  });

  it('an empty register invites the first entry', async () => {
    const el = await fixture<LinksNetworkRegister>(html`<links-network-register></links-network-register>`);
    expect(text(el.shadowRoot!.querySelector('.empty'))).to.equal(
      'No relationships recorded yet. Add the first one below.',
    );
    expect(el.shadowRoot!.querySelector('table')).to.be.null;
    await expect(el).to.be.accessible();
  });
  it('offline before core’s register operations were loaded: says so in plain words and changes nothing', async () => {
    let changes = 0;
    const el = await fixture<LinksNetworkRegister>(
      html`<links-network-register .register=${sample()} as-of="2026-11-20" @links-network-change=${() => (changes += 1)}></links-network-register>`,
    );
    (el as unknown as { changes: OnDemand<unknown> }).changes = new OnDemand(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('#add-name')!.value = 'New Group';
    root.querySelector<HTMLInputElement>('#add-role')!.value = 'organiser';
    root.querySelector<HTMLButtonElement>('form.add button[type="submit"]')!.click();
    await settle(el);
    expect(text(root.querySelector('form.add [role="alert"]'))).to.equal(
      'There is a problem This could not be checked: part of the page did not load. Nothing was sent. Check the connection and try again.',
    );
    expect(root.querySelector<HTMLInputElement>('#add-name')!.value).to.equal('New Group');
    expect(changes).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
